import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, screenshotBoth } from "./helpers";

test("the method page explains the scoring to anyone, without signing in", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "how GapMap scores" }).click();
  await expect(page.getByRole("heading", { name: "How GapMap scores", level: 1 })).toBeVisible();
  for (const title of [
    "Five structural gaps, two enablers",
    "The three-part diagnostic",
    "How the readiness index is computed",
    "Stages, then the gates",
  ]) {
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  }
  await expect(page.getByText("Integration with legacy systems").first()).toBeVisible();
  await expect(page.getByText("Workflow redesign before deployment").first()).toBeVisible();
  await expect(page.getByRole("row", { name: /3 Ready to scale 55/ })).toBeVisible();
  await screenshotBoth(page, "method");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoHorizontalScroll(page);
});
