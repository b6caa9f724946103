import { expect, test, type Page } from "@playwright/test";
import {
  apiRound,
  describe as describeFocus,
  expectFocusOnMainHeading,
  focused,
  listOf,
  respondentSections,
  storageFor,
  tabTo,
  tokenOf,
  type Focused,
} from "./a11y";
import { DEMO_PASSWORD } from "./helpers";

// Issue 13: three journeys with the keyboard alone (page.keyboard, never a click). Every stop
// Tab reaches must show where focus is, and after each action focus lands where the person has
// to look next: the new page's main heading, the first invalid field, or the error summary.

const stamp = Date.now().toString(36);
const PHONE = { width: 390, height: 844 };

async function expectFocusVisible(page: Page): Promise<Focused> {
  const f = await focused(page);
  expect(f.visible, `focus is not visible on ${describeFocus(f)}`).toBe(true);
  return f;
}

/** Signs in with the keyboard: Tab to each field, type, Enter. */
async function keyboardSignIn(page: Page, email: string, unseen: string[]): Promise<void> {
  await page.goto("/login");
  await tabTo(page, (f) => f.label === "Email", unseen);
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  expect((await focused(page)).label).toBe("Password");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/organizations$/);
  await expectFocusOnMainHeading(page);
}

test("a respondent answers a whole questionnaire and submits, by keyboard alone", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const owner = await browser.newContext({
    storageState: await storageFor(
      browser,
      "consultant@gapmap.demo",
      `tests/e2e/.artifacts/kb-consultant-${stamp}.json`,
    ),
  });
  const organizations = await listOf(owner.request, "/api/v1/organizations");
  const aster = organizations.find((o) => o.name === "Aster Retail Group")!;
  const round = await apiRound(owner.request, aster.id, `Keys ${stamp}`, ["technical"], true);
  const link = round.links[0]!;

  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const unseen: string[] = [];
  await page.goto(link);
  await tabTo(page, (f) => f.text.startsWith("Start the questionnaire"), unseen);
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");

  const answered = new Set<string>();
  for (let part = 1; part < 20; part++) {
    // Each page starts with focus on its heading.
    await expect(page.locator("h1[data-autofocus]")).toBeFocused();
    const next = await tabTo(
      page,
      (f) => (f.type === "radio" && !answered.has(f.name)) || /^(Next|Review answers)/.test(f.text),
      unseen,
    );
    if (next.type !== "radio") {
      if (next.text.startsWith("Review answers")) {
        await page.keyboard.press("Enter");
        break;
      }
      await page.keyboard.press("Enter");
      continue;
    }
    // In a radio group: Space chooses the first level, an arrow moves the choice to the next.
    let current = next;
    while (current.type === "radio" && !answered.has(current.name)) {
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      current = await expectFocusVisible(page);
      await expect(page.locator(`input[name="${current.name}"]:checked`)).toHaveValue("1");
      answered.add(current.name);
      current = await tabTo(
        page,
        (f) =>
          (f.type === "radio" && !answered.has(f.name)) || /^(Next|Review answers)/.test(f.text),
        unseen,
      );
    }
    await expectFocusVisible(page);
    const last = current.text.startsWith("Review answers");
    await page.keyboard.press("Enter");
    if (last) break;
  }
  await expect(page.getByTestId("save-status")).toHaveText(/Saved/);
  await expect(page.getByRole("heading", { name: "Review and submit", level: 1 })).toBeFocused();
  await expect(page.getByText("Every question is answered")).toBeVisible();
  const view = (await (await page.request.get(`/api/v1/respond/${tokenOf(link)}`)).json()) as {
    answers: Record<string, unknown>;
    questionCount: number;
  };
  expect(Object.keys(view.answers)).toHaveLength(view.questionCount);
  expect(answered.size).toBe(view.questionCount);

  await tabTo(page, (f) => f.text.startsWith("Submit my answers"), unseen);
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Thank you/, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Thank you/, level: 1 })).toBeFocused();
  expect(unseen, "Tab stops without a visible focus indicator").toEqual([]);
  await context.close();
  await owner.close();
});

test("a consultant creates an organisation and a round, invites by link and closes the round, by keyboard alone", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const unseen: string[] = [];

  // A wrong password: focus goes to the message saying so.
  await page.goto("/login");
  await tabTo(page, (f) => f.label === "Email", unseen);
  await page.keyboard.type("consultant@gapmap.demo");
  await page.keyboard.press("Tab");
  await page.keyboard.type("not-the-password");
  await page.keyboard.press("Enter");
  // (Next.js's route announcer is an alert too: the form's own is the one meant.)
  const summary = page.locator("form [role=alert]");
  await expect(summary).toBeFocused();
  await expect(summary).toHaveText(/do not match/);
  await keyboardSignIn(page, "consultant@gapmap.demo", unseen);

  await tabTo(page, (f) => f.text === "New organisation", unseen);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/organizations\/new$/);
  await expectFocusOnMainHeading(page);

  // Submitted empty: focus goes to the first invalid field, whose error is tied to it.
  await tabTo(page, (f) => f.text === "Create organisation", unseen);
  await page.keyboard.press("Enter");
  const name = page.getByRole("textbox", { name: "Name" });
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/./);
  await expectFocusVisible(page);
  const organization = `Keyboard Co ${stamp}`;
  await page.keyboard.type(organization);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/organizations\/(?!new)[^/]+$/);
  await expectFocusOnMainHeading(page, new RegExp(organization));

  await tabTo(page, (f) => f.text === "New round", unseen);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/assessments\/new$/);
  await expectFocusOnMainHeading(page);
  await tabTo(page, (f) => f.label === "Name", unseen);
  await page.keyboard.type("Q1 by keyboard");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/assessments\/[^/?]+\?created=1$/);
  await expectFocusOnMainHeading(page, /Q1 by keyboard/);

  // Invite by link: an open link, then a personal one.
  await tabTo(page, (f) => f.text === "Create open link", unseen);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(/^Open link · /)).toHaveValue(/\/respond\//);
  await expectFocusVisible(page);
  await tabTo(page, (f) => f.label === "Name (optional)", unseen);
  await page.keyboard.type("Kit Keys");
  await page.keyboard.press("Enter");
  const personal = await page.getByLabel(/^Kit Keys · /).inputValue();
  expect(personal).toMatch(/\/respond\//);
  await expect(page.locator(":focus")).not.toHaveCount(0);

  // Open, then close: focus stays on the one button, which changes its job.
  await tabTo(page, (f) => f.text === "Open for answers", unseen);
  await page.keyboard.press("Enter");
  const close = page.getByRole("button", { name: "Close and score" });
  await expect(close).toBeFocused();
  await expectFocusVisible(page);
  // Nobody has answered yet: refused, and focus goes to the message that says why.
  await page.keyboard.press("Enter");
  const refusal = page.locator("main form [role=alert]");
  await expect(refusal).toHaveText(/Nobody has answered yet/);
  await expect(refusal).toBeFocused();
  // Kit answers one question (through the respondent API); the consultant tries again.
  const [first] = await respondentSections(page.request, personal);
  const saved = await page.request.put(`/api/v1/respond/${tokenOf(personal)}/answers`, {
    data: { answers: { [first!.questions[0]!.id]: 3 } },
  });
  expect(saved.status()).toBe(200);
  await page.keyboard.press("Shift+Tab");
  await expect(close).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/result$/);
  await expectFocusOnMainHeading(page);
  expect(unseen, "Tab stops without a visible focus indicator").toEqual([]);
});

test("an executive reads the dashboard and opens each chart's table, by keyboard alone", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const unseen: string[] = [];
  await keyboardSignIn(page, "exec@gapmap.demo", unseen);
  await tabTo(page, (f) => f.text.startsWith("Meridian Logistics"), unseen);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/organizations\/[^/]+$/);
  await expectFocusOnMainHeading(page, /Meridian Logistics/);
  await expect(page.locator("[data-plot-pending]")).toHaveCount(0);

  // Each chart on the overview, then each on the roles-and-comments tab, reached by keyboard.
  const openEveryTable = async () => {
    const charts = await page.getByRole("button", { name: "Show as table" }).count();
    expect(charts).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < charts; i++) {
      await tabTo(page, (f) => f.text === "Show as table", unseen);
      await expectFocusVisible(page);
      await page.keyboard.press("Enter");
      const button = page.locator(":focus");
      await expect(button).toHaveText("Show as chart");
      await expect(button).toHaveAttribute("aria-expanded", "true");
      const region = page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);
      await expect(region.getByRole("table")).toBeVisible();
      // The table's box scrolls when it is wider than the column: Tab reaches it, and it shows.
      await page.keyboard.press("Tab");
      await expect(region).toBeFocused();
      await expectFocusVisible(page);
    }
    await expect(page.getByRole("button", { name: "Show as table" })).toHaveCount(0);
  };
  await openEveryTable();
  // Back up to the tab bar with Shift+Tab.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Shift+Tab");
    if (await page.evaluate(() => document.activeElement?.textContent === "Roles and comments"))
      break;
  }
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/organizations\/[^/]+\/people$/);
  await expectFocusOnMainHeading(page, /Meridian Logistics/);
  await expect(page.locator("[data-plot-pending]")).toHaveCount(0);
  await openEveryTable();
  expect(unseen, "Tab stops without a visible focus indicator").toEqual([]);
});
