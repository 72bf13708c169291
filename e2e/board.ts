// The booking desk's day board in e2e specs.
import { expect, type Page } from "@playwright/test";
import { formatDay } from "@/components/lib/format";

/**
 * Sets the board's day. A date typed before the board has hydrated is put back to today when React
 * takes over the field, so it is typed again until the board's own heading names that day.
 */
export async function chooseBoardDay(page: Page, date: string) {
  const day = page.getByLabel("Day", { exact: true });
  const heading = page.getByRole("heading", { level: 2, name: formatDay(date, "en"), exact: true });
  await expect(async () => {
    await day.fill(date);
    await expect(heading).toBeVisible({ timeout: 2_000 });
  }).toPass();
}
