import fs from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import {
  apiRound,
  axeFindings,
  describeFindings,
  isBlocking,
  listOf,
  postJson,
  respondentSections,
  settle,
  storageFor,
  tokenOf,
} from "./a11y";
import { WIDTHS } from "./helpers";

// Issue 13: axe-core (WCAG 2.0/2.1 A and AA) on every page of the product, with the demo data
// loaded (four closed quarters, so every chart is drawn), at 390 px and 1280 px. A serious or
// critical violation fails the page; moderate and minor ones are printed for a person to judge.
//
// A new page adds one line to PAGES below (who sees it, and its address from the ids set up in
// beforeAll); a page with charts sets `charts: true`, so it is checked again with every
// "Show as table" twin open.

type Who = "anonymous" | "owner" | "executive" | "respondent";
type Ids = {
  meridian: string;
  closedRound: string;
  liveRound: string;
  /** A respondent's personal link in an open round, with one answer given. */
  answering: string;
  firstSection: string;
  submitted: string;
  closed: string;
  notOpen: string;
  /** A live workshop on the open round, and its join code. */
  workshop: string;
  workshopCode: string;
  /** An initiative of Meridian with a no-go diagnostic and an overridden move to production. */
  initiative: string;
};
type PageCheck = { name: string; who: Who; path: (ids: Ids) => string; charts?: boolean };

const PAGES: PageCheck[] = [
  { name: "sign-in", who: "anonymous", path: () => "/login" },
  { name: "sign-up", who: "anonymous", path: () => "/signup" },
  { name: "method", who: "anonymous", path: () => "/method" },
  { name: "respondent link not valid", who: "anonymous", path: () => "/respond/gmr_not-a-token" },
  { name: "organisations", who: "owner", path: () => "/organizations" },
  { name: "retakes due", who: "owner", path: () => "/retakes" },
  { name: "new organisation", who: "owner", path: () => "/organizations/new" },
  {
    name: "organisation dashboard",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}`,
    charts: true,
  },
  {
    name: "organisation: roles and comments",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}/people`,
    charts: true,
  },
  {
    name: "organisation: actions",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}/actions`,
  },
  {
    name: "organisation: initiatives",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}/initiatives`,
    charts: true,
  },
  {
    name: "organisation: rounds",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}/rounds`,
  },
  { name: "edit organisation", who: "owner", path: (i) => `/organizations/${i.meridian}/edit` },
  {
    name: "new round",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}/assessments/new`,
  },
  {
    name: "new initiative",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}/initiatives/new`,
  },
  { name: "initiative", who: "owner", path: (i) => `/initiatives/${i.initiative}` },
  { name: "open round", who: "owner", path: (i) => `/assessments/${i.liveRound}` },
  { name: "closed round", who: "owner", path: (i) => `/assessments/${i.closedRound}` },
  {
    name: "result",
    who: "owner",
    path: (i) => `/assessments/${i.closedRound}/result`,
    charts: true,
  },
  {
    name: "compare",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}/compare`,
    charts: true,
  },
  {
    name: "report",
    who: "owner",
    path: (i) => `/organizations/${i.meridian}/report`,
    charts: true,
  },
  { name: "portfolio", who: "owner", path: () => "/portfolio", charts: true },
  { name: "members", who: "owner", path: () => "/settings/members" },
  { name: "API tokens", who: "owner", path: () => "/settings/tokens" },
  { name: "workspace settings", who: "owner", path: () => "/settings/workspace" },
  { name: "audit log", who: "owner", path: () => "/settings/audit" },
  { name: "export and import", who: "owner", path: () => "/settings/data" },
  { name: "webhooks", who: "owner", path: () => "/settings/webhooks" },
  { name: "mail", who: "owner", path: () => "/settings/mail" },
  { name: "account", who: "owner", path: () => "/account" },
  { name: "executive: organisations", who: "executive", path: () => "/organizations" },
  {
    name: "executive: dashboard",
    who: "executive",
    path: (i) => `/organizations/${i.meridian}`,
    charts: true,
  },
  {
    name: "executive: roles and comments",
    who: "executive",
    path: (i) => `/organizations/${i.meridian}/people`,
    charts: true,
  },
  {
    name: "executive: report",
    who: "executive",
    path: (i) => `/organizations/${i.meridian}/report`,
    charts: true,
  },
  { name: "executive: initiative", who: "executive", path: (i) => `/initiatives/${i.initiative}` },
  { name: "respondent: welcome", who: "respondent", path: (i) => i.answering },
  {
    name: "respondent: question",
    who: "respondent",
    path: (i) => `${i.answering}#d-${i.firstSection}`,
  },
  { name: "respondent: review", who: "respondent", path: (i) => `${i.answering}#review` },
  { name: "respondent: thank-you", who: "respondent", path: (i) => i.submitted },
  { name: "respondent: closed", who: "respondent", path: (i) => i.closed },
  { name: "respondent: not open yet", who: "respondent", path: (i) => i.notOpen },
  { name: "workshop: facilitator console", who: "owner", path: (i) => `/workshops/${i.workshop}` },
  { name: "workshop: big screen", who: "owner", path: (i) => `/workshops/${i.workshop}/screen` },
  {
    name: "workshop: join on a phone",
    who: "anonymous",
    path: (i) => `/join?code=${i.workshopCode}`,
  },
];

const stamp = Date.now().toString(36);
const states: Partial<Record<Who, string>> = {};
let ids: Ids | null = null;

async function setUp(browser: Browser): Promise<Ids> {
  fs.mkdirSync("tests/e2e/.artifacts", { recursive: true });
  states.owner = await storageFor(
    browser,
    "owner@gapmap.demo",
    `tests/e2e/.artifacts/a11y-owner-${stamp}.json`,
  );
  states.executive = await storageFor(
    browser,
    "exec@gapmap.demo",
    `tests/e2e/.artifacts/a11y-exec-${stamp}.json`,
  );
  const context = await browser.newContext({ storageState: states.owner });
  const request = context.request;
  const organizations = await listOf(request, "/api/v1/organizations");
  const meridian = organizations.find((o) => o.name === "Meridian Logistics")!;
  // The respondent's rounds go to another organisation, so Meridian's dashboard stays the demo's.
  const kestrel = organizations.find((o) => o.name === "Kestrel Energy")!;
  const rounds = await listOf(request, `/api/v1/organizations/${meridian.id}/assessments`);
  const closedRound = rounds.find((r) => r.state === "closed")!;

  const live = await apiRound(request, kestrel.id, `A11y ${stamp}`, ["data", "business"], true);
  const [answering, submitted] = live.links as [string, string];
  const sections = await respondentSections(request, answering);
  await answerFirst(request, answering, sections[0]!.questions[0]!.id);
  const submittedSections = await respondentSections(request, submitted);
  await answerFirst(request, submitted, submittedSections[0]!.questions[0]!.id);
  await postJson(request, `/api/v1/respond/${tokenOf(submitted)}/submit`, {}, 200);

  const ended = await apiRound(request, kestrel.id, `A11y closed ${stamp}`, ["data"], true);
  const endedSections = await respondentSections(request, ended.links[0]!);
  await answerFirst(request, ended.links[0]!, endedSections[0]!.questions[0]!.id);
  await postJson(request, `/api/v1/assessments/${ended.id}/close`, {}, 200);

  const later = await apiRound(request, kestrel.id, `A11y later ${stamp}`, ["data"], false);
  const workshop = await request.post(`/api/v1/assessments/${live.id}/workshops`, { data: {} });
  expect(workshop.status(), await workshop.text()).toBe(201);
  const { id: workshopId, code: workshopCode } = (await workshop.json()) as {
    id: string;
    code: string;
  };
  const initiative = await postJson<{ id: string }>(
    request,
    `/api/v1/organizations/${meridian.id}/initiatives`,
    {
      name: `A11y initiative ${stamp}`,
      status: "pilot",
      owner: { kind: "person", name: "Dana Ruiz", role: "Head of operations" },
    },
    201,
  );
  await request.put(`/api/v1/initiatives/${initiative.id}/diagnostic`, {
    data: {
      data_audit: { status: "met", evidence: "Audited.", links: ["https://example.test/a"] },
      ownership: { status: "partial", evidence: "Named, not agreed." },
    },
  });
  await postJson(
    request,
    `/api/v1/initiatives/${initiative.id}/status`,
    { status: "production", override: { reason: "Checked by the accessibility spec." } },
    200,
  );
  await context.close();
  return {
    meridian: meridian.id,
    closedRound: closedRound.id,
    liveRound: live.id,
    answering,
    firstSection: sections[0]!.id,
    submitted,
    closed: ended.links[0]!,
    notOpen: later.links[0]!,
    workshop: workshopId,
    workshopCode,
    initiative: initiative.id,
  };
}

async function answerFirst(request: APIRequestContext, link: string, questionId: string) {
  const response = await request.put(`/api/v1/respond/${tokenOf(link)}/answers`, {
    data: { answers: { [questionId]: 2 } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Checks the page as it is now; returns the blocking findings, prints the rest. */
async function check(page: Page, label: string): Promise<string[]> {
  await settle(page);
  const findings = await axeFindings(page);
  const report = describeFindings(findings);
  if (report.length) console.log(`[axe] ${label}\n  ${report.join("\n  ")}`);
  else console.log(`[axe] ${label}: no violations`);
  test
    .info()
    .annotations.push(
      ...findings.map((f) => ({ type: `axe ${f.impact}`, description: `${label}: ${f.id}` })),
    );
  return describeFindings(findings.filter(isBlocking)).map((line) => `${label}: ${line}`);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  ids = await setUp(browser);
});

for (const entry of PAGES) {
  test(`axe: ${entry.name} has no serious or critical violation at ${WIDTHS.join(" and ")} px`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const state = states[entry.who as "owner" | "executive"];
    const context = await browser.newContext(state ? { storageState: state } : {});
    const page = await context.newPage();
    const blocking: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(entry.path(ids!));
      expect(response?.status() ?? 0).toBeLessThan(entry.name.includes("not valid") ? 500 : 400);
      blocking.push(...(await check(page, `${entry.name} @${width}`)));
      if (entry.charts) {
        const buttons = page.getByRole("button", { name: "Show as table" });
        const count = await buttons.count();
        for (let i = 0; i < count; i++) await buttons.first().click();
        if (count) blocking.push(...(await check(page, `${entry.name} @${width}, tables shown`)));
      }
    }
    await context.close();
    expect(blocking, "serious or critical axe violations").toEqual([]);
  });
}
