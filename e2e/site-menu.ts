import type { Page } from "@playwright/test";

/**
 * Opens the header's menu when the screen is a phone's (< 640 px: a <details> disclosure, no script);
 * on a wider screen the links are in the row already and nothing is clicked.
 */
export async function openSiteMenu(page: Page) {
  const button = page.getByRole("navigation", { name: /^(Main|Основное меню)$/ }).locator("summary");
  if (await button.isVisible()) {
    await button.click();
    await page.locator("header details[open]").waitFor();
  }
}
