import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, screenshotBoth, signIn } from "./helpers";

// Issue 6 on the demo data: four closed quarters per organisation, one on the older framework.

async function openMeridian(page: Page): Promise<string> {
  await page.goto("/organizations");
  await page.getByRole("link", { name: "Meridian Logistics" }).first().click();
  await expect(page.getByRole("heading", { name: "Meridian Logistics", level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("the demo dashboard shows the headline, every chart and at least four quarterly rounds, tab by tab", async ({
  page,
}) => {
  await signIn(page, "owner@gapmap.demo");
  const path = await openMeridian(page);
  const tabs = page.getByRole("navigation", { name: "Meridian Logistics: sections" });
  await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByText("Readiness index").first()).toBeVisible();
  await expect(page.getByText(/ready to scale/i).first()).toBeVisible();
  for (const title of ["The seven dimensions", "Trend across rounds", "Next steps, in sequence"])
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  // In context, with the article's figures.
  await expect(
    page.getByText("Only 25% of organisations have converted 40% or more").first(),
  ).toBeVisible();
  await expect(page.getByText(/Framework 2027\.1 from Q1 2026/)).toBeVisible();
  // The plots load after hydration, into boxes of their final size: both get drawn.
  await expect(page.locator("[data-plot-pending]")).toHaveCount(0);
  await expect(page.locator("figure .recharts-surface")).toHaveCount(2);
  // What the overview leaves to other tabs is not rendered on it.
  await expect(page.getByRole("heading", { name: "Agreement within each role" })).toHaveCount(0);

  const trend = page.locator("figure", {
    has: page.getByRole("heading", { name: "Trend across rounds" }),
  });
  await trend.getByRole("button", { name: "Show as table" }).click();
  const rows = trend.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: /Q[1-4] 20\d\d/ })).toHaveCount(4);
  await expect(page.getByRole("link", { name: "Edit details" })).toBeVisible();
  await trend.getByRole("button", { name: "Show as chart" }).click();
  await screenshotBoth(page, "dash-organization");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // How each role sees it: two more plots and the agreement heatmap.
  await tabs.getByRole("link", { name: "Roles and comments" }).click();
  await expect(page).toHaveURL(`${path}/people`);
  await expect(tabs.getByRole("link", { name: "Roles and comments" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  for (const title of ["How each role sees it", "Agreement within each role"])
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.locator("[data-plot-pending]")).toHaveCount(0);
  await expect(page.locator("figure .recharts-surface")).toHaveCount(2);
  await screenshotBoth(page, "dash-organization-people");

  // The pipeline beside the article's conversion rate.
  await tabs.getByRole("link", { name: "Initiatives" }).click();
  await expect(page.getByRole("heading", { name: "Initiatives", exact: true })).toBeVisible();
  await expect(page.locator("[data-plot-pending]")).toHaveCount(0);
  await expect(page.locator("figure .recharts-surface")).toHaveCount(1);

  // The rounds list and the buttons other flows rely on.
  await tabs.getByRole("link", { name: "Rounds and details" }).click();
  await expect(page.getByRole("heading", { name: "Assessment rounds" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New round" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoHorizontalScroll(page);
});

test("a chart's table twin is reachable by keyboard", async ({ page }) => {
  await signIn(page, "consultant@gapmap.demo");
  await openMeridian(page);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(() => document.activeElement?.textContent === "Show as table");
  }
  expect(found).toBe(true);
  const button = page.locator(":focus");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const tableId = await button.getAttribute("aria-controls");
  const table = page.locator(`[id="${tableId}"] table`);
  await expect(table).toBeVisible();
  await expect(table.locator("caption")).not.toBeEmpty();
  await expect(table.locator('th[scope="col"]').first()).toBeVisible();
});

test("round comparison defaults to the last two rounds and names the questions behind each change", async ({
  page,
}) => {
  await signIn(page, "consultant@gapmap.demo");
  const path = await openMeridian(page);
  await page.getByRole("link", { name: "Compare rounds" }).click();
  await page.waitForURL(`${path}/compare`);
  await expect(page.getByRole("heading", { name: "Q2 2026 → Q3 2026" })).toBeVisible();
  await page.getByLabel("Earlier round").selectOption({ index: 0 });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { name: "Q4 2025 → Q3 2026" })).toBeVisible();
  await expect(
    page.getByText(/different framework versions \(2026\.4 and 2027\.1\)/),
  ).toBeVisible();
  await expect(page.getByRole("table").first()).toBeVisible();
  await screenshotBoth(page, "dash-compare");
});

test("the portfolio lists, filters and sorts every organisation through the URL", async ({
  page,
}) => {
  await signIn(page, "consultant@gapmap.demo");
  await page.getByRole("link", { name: "Portfolio" }).click();
  await expect(page.getByRole("heading", { name: "Portfolio", level: 1 })).toBeVisible();
  await expect(page.getByText("6 of 6 organisations.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Organisations by stage" })).toBeVisible();
  await screenshotBoth(page, "dash-portfolio");
  await page.getByLabel("Sector").selectOption("Logistics");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sector=Logistics/);
  await expect(page.getByText("1 of 6 organisations match the filters.")).toBeVisible();
  await page.goto("/portfolio?sort=index&dir=desc");
  const names = await page.locator("tbody th a").allTextContents();
  expect(names).toHaveLength(6);
  // No sector has 5 organisations in the demo: no peer benchmark anywhere.
  await expect(page.getByText("Too few peers")).toHaveCount(6);
});

test("an executive sees only the granted organisation and prints a clean report", async ({
  page,
}) => {
  await signIn(page, "exec@gapmap.demo");
  await page.getByRole("link", { name: "Portfolio" }).click();
  await expect(page.getByText("1 of 1 organisation.")).toBeVisible();
  await openMeridian(page);
  await page.getByRole("link", { name: "Executive report" }).click();
  await expect(page.getByText("GapMap readiness report")).toBeVisible();
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
  // What was agreed between quarters: the overdue action, and each next step's action or none.
  await expect(page.locator("p", { hasText: "1 action is overdue:" })).toContainText(
    "Route drift alerts to a named on-call person",
  );
  await expect(page.getByText(/^Owner: /)).toHaveCount(5);
  // Both charts are drawn (their plots load after hydration) before the page is printed.
  await expect(page.locator("figure .recharts-surface")).toHaveCount(2);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await screenshotBoth(page, "dash-report-print");
  // Chromium's PDF of the page: the report fits on two A4 pages.
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(2);
});
