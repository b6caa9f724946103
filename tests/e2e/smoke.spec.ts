import { expect, test } from "@playwright/test";

// The server the suite runs against is up, on its own database, and says so.
test("the health check reports the database reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
});

test("the sign-in page renders at phone and desktop widths", async ({ page }) => {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto("/login");
    await expect(page.getByLabel(/password/i).first()).toBeVisible();
    await page.screenshot({
      path: `tests/e2e/.artifacts/screens/login-${width}.png`,
      fullPage: true,
    });
  }
});
