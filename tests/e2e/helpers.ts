import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "gapmap-demo-2027";
export const WIDTHS = [390, 1280] as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/organizations/);
}

/** Screenshots of the current page at phone and desktop widths, for a person to look at. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForLoadState("networkidle");
    await page.screenshot({
      path: `tests/e2e/.artifacts/screens/${name}-${width}.png`,
      fullPage: true,
    });
  }
  if (original) await page.setViewportSize(original);
}

export async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
}
