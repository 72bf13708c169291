import { E2E_MANAGER } from "./env";
import { expect, test } from "./fixtures";
import { managerApi, unique } from "./staff-data";

type Business = {
  name: string;
  defaultTimezone: string;
  policy: { allowClientOverlap: boolean; minNoticeMinutes: number; maxUpcomingPerClient: number | null };
};

test.describe("business settings on /manage/business", () => {
  test("a manager names the business, picks the zone new locations get, sets the policy and allows overlaps", async ({
    page,
    request,
    signIn,
    users,
  }) => {
    const api = await managerApi(request);
    const before = await api.get<Business>("/business");
    const token = await request.post("/api/v1/auth/token", {
      data: { email: E2E_MANAGER.email, password: E2E_MANAGER.password },
    });
    const { accessToken } = (await token.json()) as { accessToken: string };
    // The e2e database is shared by the specs: the name and the policy are put back as they were. The
    // zone stays Asia/Tokyo: once the business is set up its zone is where a new location starts, and
    // the location picker's spec (manage.spec.ts) runs with its browser in Asia/Tokyo.
    const restore = () =>
      request.patch("/api/v1/business", {
        headers: { Authorization: `Bearer ${accessToken}` },
        data: {
          name: before.name,
          policy: {
            allowClientOverlap: before.policy.allowClientOverlap,
            minNoticeMinutes: before.policy.minNoticeMinutes,
            maxUpcomingPerClient: before.policy.maxUpcomingPerClient,
          },
        },
      });
    await signIn(users.manager);
    await page.goto("/manage");
    await page.getByRole("navigation", { name: "Manager sections" }).getByRole("link", { name: "Business" }).click();
    await expect(page).toHaveURL(/\/manage\/business$/);
    const form = page.getByRole("region", { name: "Business" });
    const name = unique("Riverside clinic");
    try {
      // Typing in the search picks the best match once the form has hydrated (a name typed before
      // that would be lost), so the search is typed until it does.
      await expect(async () => {
        await form.getByLabel("Find a city or region").fill("tokyo");
        await expect(form.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Tokyo", { timeout: 1000 });
      }).toPass();
      await form.getByLabel("Business name").fill(name);
      await form.getByLabel("Allow a client's appointments to overlap").check();
      await form.getByLabel("Minimum notice, minutes").fill("1");
      await form.getByLabel("Upcoming appointments per client").fill("");
      await form.getByRole("button", { name: "Save business settings" }).click();
      await expect(page.getByText("Saved.")).toBeVisible();
      expect(await api.get<Business>("/business")).toMatchObject({
        name,
        defaultTimezone: "Asia/Tokyo",
        policy: { allowClientOverlap: true, minNoticeMinutes: 1, maxUpcomingPerClient: null },
      });
      const location = await api.post<{ timezone: string }>("/locations", { name: unique("Zoneless") });
      expect(location.timezone).toBe("Asia/Tokyo");

      await page.reload();
      await expect(form.getByLabel("Business name")).toHaveValue(name);
      await expect(form.getByLabel("Allow a client's appointments to overlap")).toBeChecked();
      // Refused in the browser by the API's own schema, next to the field.
      await form.getByLabel("Business name").fill("");
      await form.getByRole("button", { name: "Save business settings" }).click();
      await expect(form.getByText("Enter a name of at most 200 characters.")).toBeVisible();
      await expect(form.getByLabel("Business name")).toHaveAttribute("aria-invalid", "true");
    } finally {
      expect((await restore()).status()).toBe(200);
    }
  });
});
