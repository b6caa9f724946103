import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { apiRound, listOf, postJson, respondentSections, settle, storageFor } from "./a11y";

// Issue 13, WCAG 1.4.10 (reflow) and 1.4.4 (resize text), on the main pages with the demo data:
//  - at 320 CSS px wide (what 1280 px at 400% zoom gives), and
//  - at 200% text size: the root font size set to 200% at 1280 px. Every size in the app is in
//    rem (Tailwind), so this is what a browser's "text size" setting does; Chromium's
//    deviceScaleFactor is not used, since it only makes pixels denser and changes no layout.
// The page must not scroll sideways (document.scrollingElement.scrollWidth <= clientWidth), and
// nothing may stick out past the viewport's edges, except inside a box that scrolls or clips on
// its own (a data table's or a chart's). Full-page screenshots go to tests/e2e/.artifacts/reflow/
// for a person to look at.

type Ids = {
  meridian: string;
  closedRound: string;
  answering: string;
  firstSection: string;
  initiative: string;
};
type Reflow = { name: string; who: "anonymous" | "owner" | "respondent"; path: (i: Ids) => string };

const PAGES: Reflow[] = [
  { name: "sign-in", who: "anonymous", path: () => "/login" },
  { name: "method", who: "anonymous", path: () => "/method" },
  { name: "organisations", who: "owner", path: () => "/organizations" },
  { name: "dashboard", who: "owner", path: (i) => `/organizations/${i.meridian}` },
  { name: "dashboard-people", who: "owner", path: (i) => `/organizations/${i.meridian}/people` },
  { name: "dashboard-actions", who: "owner", path: (i) => `/organizations/${i.meridian}/actions` },
  {
    name: "dashboard-initiatives",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}/initiatives`,
  },
  { name: "dashboard-rounds", who: "owner", path: (i) => `/organizations/${i.meridian}/rounds` },
  { name: "initiative", who: "owner", path: (i) => `/initiatives/${i.initiative}` },
  { name: "round", who: "owner", path: (i) => `/assessments/${i.closedRound}` },
  { name: "result", who: "owner", path: (i) => `/assessments/${i.closedRound}/result` },
  { name: "compare", who: "owner", path: (i) => `/organizations/${i.meridian}/compare` },
  { name: "report", who: "owner", path: (i) => `/organizations/${i.meridian}/report` },
  { name: "portfolio", who: "owner", path: () => "/portfolio" },
  { name: "retakes due", who: "owner", path: () => "/retakes" },
  { name: "members", who: "owner", path: () => "/settings/members" },
  { name: "audit", who: "owner", path: () => "/settings/audit" },
  { name: "export and import", who: "owner", path: () => "/settings/data" },
  { name: "webhooks", who: "owner", path: () => "/settings/webhooks" },
  { name: "mail", who: "owner", path: () => "/settings/mail" },
  { name: "respondent-welcome", who: "respondent", path: (i) => i.answering },
  {
    name: "respondent-question",
    who: "respondent",
    path: (i) => `${i.answering}#d-${i.firstSection}`,
  },
  { name: "respondent-review", who: "respondent", path: (i) => `${i.answering}#review` },
];

const MODES = [
  { name: "320", width: 320, textSize: null },
  { name: "text200", width: 1280, textSize: "200%" },
] as const;

const stamp = Date.now().toString(36);
let ownerState = "";
let ids: Ids | null = null;

async function setUp(browser: Browser): Promise<Ids> {
  fs.mkdirSync("tests/e2e/.artifacts/reflow", { recursive: true });
  ownerState = await storageFor(
    browser,
    "owner@gapmap.demo",
    `tests/e2e/.artifacts/reflow-owner-${stamp}.json`,
  );
  const context = await browser.newContext({ storageState: ownerState });
  const organizations = await listOf(context.request, "/api/v1/organizations");
  const meridian = organizations.find((o) => o.name === "Meridian Logistics")!;
  const corvane = organizations.find((o) => o.name === "Corvane Manufacturing")!;
  const rounds = await listOf(context.request, `/api/v1/organizations/${meridian.id}/assessments`);
  const round = await apiRound(context.request, corvane.id, `Reflow ${stamp}`, ["business"], true);
  const sections = await respondentSections(context.request, round.links[0]!);
  const initiative = await postJson<{ id: string }>(
    context.request,
    `/api/v1/organizations/${meridian.id}/initiatives`,
    {
      name: `Reflow initiative ${stamp} with a long name that has to wrap on a phone`,
      status: "pilot",
      owner: { kind: "person", name: "Dana Ruiz", role: "Head of customer operations" },
    },
    201,
  );
  await context.close();
  return {
    meridian: meridian.id,
    closedRound: rounds.find((r) => r.state === "closed")!.id,
    answering: round.links[0]!,
    firstSection: sections[0]!.id,
    initiative: initiative.id,
  };
}

/** Leaf elements that stick out past the viewport without a scrolling or clipping box around them. */
async function overflowing(page: Page): Promise<{ scroll: number; cutOff: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const cutOff: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      if (el.children.length > 0 && el.tagName !== "svg") continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left >= -1 && r.right <= width + 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.position === "fixed") continue;
      // Allowed: inside a box that scrolls or clips on its own, when that box holds a data table
      // or is part of a chart (a figure), or clips text on purpose with an ellipsis.
      let contained = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/auto|scroll|hidden|clip/.test(s.overflowX) || s.clipPath !== "none") {
          const pr = p.getBoundingClientRect();
          const meant =
            p.querySelector("table") !== null ||
            p.closest("figure") !== null ||
            s.textOverflow === "ellipsis";
          if (meant && pr.left >= -1 && pr.right <= width + 1) contained = true;
          break;
        }
      }
      // sr-only text: a 1 px box clipped to nothing.
      if (!contained && style.clip !== "rect(0px, 0px, 0px, 0px)") {
        cutOff.push(
          `${el.tagName.toLowerCase()}.${el.className.toString().split(" ").slice(0, 3).join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(r.left)}..${Math.round(r.right)}`,
        );
      }
    }
    return { scroll: root.scrollWidth - root.clientWidth, cutOff };
  });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  ids = await setUp(browser);
});

for (const entry of PAGES) {
  test(`reflow: ${entry.name} at 320 px and at 200% text has no sideways scroll and nothing cut off`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext(
      entry.who === "owner" ? { storageState: ownerState } : {},
    );
    const page = await context.newPage();
    const problems: string[] = [];
    for (const mode of MODES) {
      await page.setViewportSize({ width: mode.width, height: 800 });
      await page.goto(entry.path(ids!));
      if (mode.textSize) {
        await page.evaluate((size) => {
          document.documentElement.style.fontSize = size;
        }, mode.textSize);
      }
      await settle(page);
      // Let ResponsiveContainer measure the charts again after the text grew.
      await page.waitForTimeout(300);
      await page.screenshot({
        path: `tests/e2e/.artifacts/reflow/${entry.name}-${mode.name}.png`,
        fullPage: true,
      });
      const { scroll, cutOff } = await overflowing(page);
      if (scroll > 0) problems.push(`${mode.name}: the page scrolls sideways by ${scroll} px`);
      problems.push(...cutOff.slice(0, 8).map((c) => `${mode.name}: cut off ${c}`));
    }
    await context.close();
    expect(problems).toEqual([]);
  });
}
