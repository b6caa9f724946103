import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshotBoth, signIn } from "./helpers";
import { wideLogoPng } from "../fixtures/logo";

// Issue 12: the demo's richest organisation from a consultant's and an executive's side: the
// comments behind the scores, a key quote marked, the PDF and the deck downloaded from the app
// (so the real server renders them), and the data exported.

test("a consultant reads the comments, marks a key quote, and downloads the PDF, the deck and the data", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "consultant@gapmap.demo");
  await page.getByRole("link", { name: "Meridian Logistics" }).first().click();
  await page.getByRole("link", { name: "Roles and comments" }).click();
  await expect(page.getByRole("heading", { name: "Respondents' comments" })).toBeVisible();
  const monitoring = page.locator("details", { hasText: "Monitoring in production" }).first();
  await monitoring.locator("summary").click();
  await expect(monitoring.getByText("Nothing alerts us when the suggestions drift.")).toBeVisible();
  await expect(monitoring.getByText("key quote", { exact: false }).first()).toBeVisible();
  // Mark the leadership comment too, then take it back.
  const leadership = page.locator("details", { hasText: "Leadership that models" }).first();
  await leadership.locator("summary").click();
  await leadership.getByRole("button", { name: "Mark as key quote" }).first().click();
  await expect(leadership.getByRole("button", { name: "Remove from key quotes" })).toBeVisible();
  const card = page.locator("section", {
    has: page.getByRole("heading", { name: "Respondents' comments" }),
  });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await card.screenshot({ path: `tests/e2e/.artifacts/screens/reports-comments-${width}.png` });
  }

  for (const [name, type, file] of [
    ["PDF report", "application/pdf", "meridian.pdf"],
    [
      "Board deck",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "meridian.pptx",
    ],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: new RegExp(`^${name}`) }).click(),
    ]);
    const target = `tests/e2e/.artifacts/${file}`;
    await download.saveAs(target);
    const bytes = fs.readFileSync(target);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe(
      type === "application/pdf" ? "%PDF" : "PK\u0003\u0004",
    );
  }

  await page.getByRole("link", { name: "Rounds and details" }).click();
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /^Answers \(CSV\)/ }).click(),
  ]);
  const text = fs.readFileSync(await csv.path(), "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("nightly export");

  await page.getByRole("link", { name: "Roles and comments" }).click();
  await leadership.locator("summary").click();
  await leadership.getByRole("button", { name: "Remove from key quotes" }).click();
  await expect(leadership.getByRole("button", { name: "Mark as key quote" }).first()).toBeVisible();
});

test("an executive sees the comments but cannot mark quotes, and gets the Letter PDF from the report page", async ({
  page,
}) => {
  await signIn(page, "exec@gapmap.demo");
  await page.getByRole("link", { name: "Meridian Logistics" }).first().click();
  await page.getByRole("link", { name: "Roles and comments" }).click();
  await expect(page.getByRole("heading", { name: "Respondents' comments" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as key quote" })).toHaveCount(0);
  await page.getByRole("link", { name: "Executive report" }).click();
  await page.waitForURL(/\/report$/);
  await expect(page.getByRole("link", { name: "PDF (Letter)" })).toBeVisible();
  const response = await page.request.get(
    page.url().replace(/\/report$/, "/report.pdf?paper=letter"),
  );
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  await screenshotBoth(page, "reports-executive-report");
});

test("the owner uploads a logo in the workspace settings", async ({ page }) => {
  await signIn(page, "owner@gapmap.demo");
  await page.goto("/settings/workspace");
  await expect(page.getByRole("heading", { name: "Workspace", level: 1 })).toBeVisible();
  await page.getByLabel("Logo file (PNG or JPEG)").setInputFiles({
    name: "logo.svg",
    mimeType: "image/png",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
  });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("The logo must be a PNG or JPEG image.")).toBeVisible();
  await page.getByLabel("Logo file (PNG or JPEG)").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: wideLogoPng(),
  });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("Logo saved: it is on the cover of every report.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Northwind Advisory logo" })).toBeVisible();
  await screenshotBoth(page, "reports-workspace-settings");
  await page.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByText("No logo yet")).toBeVisible();
});
