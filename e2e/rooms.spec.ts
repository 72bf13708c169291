import { createRoom, localDays } from "./catalog";
import { expect, test } from "./fixtures";

test("a client picks a room and a day, sees its busy times and books an interval", async ({ page, users, signIn }) => {
  const room = await createRoom(page.request);
  const { tomorrow } = localDays();

  await page.goto("/rooms");
  await page.getByRole("link", { name: room.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: room.name })).toBeVisible();
  await expect(page.getByText("Free all day.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to book this room" })).toBeVisible();

  await signIn(await users.client("rooms"));
  await page.goto(`/rooms/${room.slug}?date=${tomorrow}`);
  // An end before the start is refused next to the field, by the shared wall-time rule.
  await page.getByLabel("From").fill("11:00");
  await page.getByLabel("Until").fill("10:00");
  await page.getByRole("button", { name: "Book the room" }).click();
  await expect(page.getByLabel("Until")).toHaveAccessibleDescription("Enter an end time after the start.");

  await page.getByLabel("Until").fill("12:30");
  await page.getByRole("button", { name: "Book the room" }).click();
  // The confirmation is the appointment's own page (the form posts to a server action, with or
  // without script): booked, and which room.
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
  await expect(page).toHaveURL(/\/appointments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("definition").filter({ hasText: room.name })).toBeVisible();

  await page.goto(`/rooms/${room.slug}?date=${tomorrow}`);
  await expect(page.getByRole("list", { name: "Busy times" })).toHaveText("11:00–12:30");

  // The same interval again overlaps: a message, and the form stays.
  await page.getByLabel("From").fill("12:00");
  await page.getByLabel("Until").fill("13:00");
  await page.getByRole("button", { name: "Book the room" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This time overlaps a booking." })).toBeVisible();
});
