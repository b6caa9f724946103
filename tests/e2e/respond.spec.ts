import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { screenshotBoth, signIn } from "./helpers";

// Issue 5's journey: a consultant creates a round and invites three people; they answer on
// phones, one of them through a dropped connection and reloads, and not one answer is lost; the
// consultant closes the round and reads the result. A fourth person, from the open link, is
// still answering offline when the round closes, and is told their last answer did not make it.

type Value = number | "dont_know" | "not_applicable";

const stamp = Date.now().toString(36);
const roundName = `Pulse ${stamp}`;
const PHONE = { width: 390, height: 844 };
const people = [
  { name: "Dana Okafor", role: "data" },
  { name: "Erik Lund", role: "executive" },
  { name: "Bea Moreau", role: "business" },
] as const;

test.describe.configure({ mode: "serial" });

let assessmentUrl = "";
let openLink = "";
const links: Record<string, string> = {};

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE });
  return { context, page: await context.newPage() };
}

/** At the top of the page, so the sticky progress bar sits where a person sees it. */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `tests/e2e/.artifacts/screens/respond-${name}.png`, fullPage });
}

const status = (page: Page): Locator => page.getByTestId("save-status");

/** Answers every question on the current page: levels in turn, every seventh a "Don't know". */
async function answerPage(page: Page, expected: Record<string, Value>): Promise<string[]> {
  const fieldsets = page.locator("fieldset[id^='q-']");
  const count = await fieldsets.count();
  expect(count).toBeGreaterThan(0);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const fieldset = fieldsets.nth(i);
    const id = (await fieldset.getAttribute("id"))!.slice(2);
    const n = Object.keys(expected).length;
    const value: Value = n % 7 === 6 ? "dont_know" : n % 5;
    if (value === "dont_know") await fieldset.getByRole("radio", { name: /Don.t know/ }).check();
    else await fieldset.getByRole("radio").nth(value).check();
    expected[id] = value;
    ids.push(id);
  }
  return ids;
}

async function next(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(Next|Review answers)$/ }).click();
  await expect(page.locator("[data-autofocus]")).toBeFocused();
}

async function serverAnswers(page: Page, link: string): Promise<Record<string, Value>> {
  const response = await page.request.get(`/api/v1/respond/${tokenOf(link)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { answers: Record<string, Value> }).answers;
}

async function sectionCount(page: Page): Promise<number> {
  const text = await page.getByText(/^Part \d+ of \d+$/).textContent();
  return Number(/of (\d+)/.exec(text ?? "")?.[1]);
}

async function submit(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { name: "Review and submit" })).toBeVisible();
  await page.getByRole("button", { name: "Submit my answers" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
}

test("a consultant creates a round, three personal invitations and an open link, and opens it", async ({
  page,
  browser,
}) => {
  await signIn(page, "consultant@gapmap.demo");
  await page.getByRole("link", { name: "Meridian Logistics" }).click();
  await page.getByRole("link", { name: "Rounds and details" }).click();
  await page.getByRole("link", { name: "New round" }).click();
  await page.getByLabel("Name", { exact: true }).fill(roundName);
  await page.getByRole("button", { name: "Create round" }).click();
  await page.waitForURL(/\/assessments\/[^/?]+\?created=1$/);
  assessmentUrl = page.url().replace(/\?.*$/, "");

  for (const person of people) {
    await page.getByLabel("Name (optional)").fill(person.name);
    await page.getByLabel("Respondent role").selectOption(person.role);
    await page.getByRole("button", { name: "Create personal link" }).click();
    const field = page.getByLabel(`${person.name} · ${person.role}`);
    await expect(field).toHaveValue(/\/respond\/\S{20,}$/);
    links[person.role] = await field.inputValue();
  }
  await page.getByRole("button", { name: "Create open link" }).click();
  const openField = page.getByLabel(/^Open link · /);
  await expect(openField).toHaveValue(/\/respond\//);
  openLink = await openField.inputValue();

  // Before the round opens, a link says so instead of showing questions.
  const early = await phone(browser);
  await early.page.goto(links.data!);
  await expect(
    early.page.getByRole("heading", { name: "This round has not opened yet" }),
  ).toBeVisible();
  await early.context.close();

  await page.getByRole("button", { name: "Open for answers" }).click();
  await expect(page.getByRole("button", { name: "Close and score" })).toBeVisible();
});

test("a link that is not valid gets a plain page, not the app's", async ({ browser }) => {
  const { context, page } = await phone(browser);
  const response = await page.goto("/respond/gmr_this-is-not-a-real-token-at-all");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expect(page.getByRole("link", { name: /sign in/i })).toHaveCount(0);
  await context.close();
});

test("a respondent answers every page, by keyboard too, and submits once", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await phone(browser);
  const link = links.data!;
  await page.goto(link);
  await expect(page.getByRole("heading", { name: /asks for your view/ })).toBeVisible();
  await expect(
    page.getByText(/only 25% of organisations have converted 40% or more/),
  ).toBeVisible();
  await expect(page.getByText(/about \d+ to \d+ minutes/)).toBeVisible();
  await shoot(page, "welcome");
  await page.getByRole("button", { name: "Start the questionnaire" }).click();

  // Keyboard: arrows move along the levels, and each choice is saved.
  const first = page.locator("fieldset[id^='q-']").first();
  const firstId = (await first.getAttribute("id"))!.slice(2);
  await first.getByRole("radio").first().focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(first.getByRole("radio").nth(2)).toBeChecked();
  await expect(status(page)).toHaveText(/Saved/);

  const expected: Record<string, Value> = {};
  const total = await sectionCount(page);
  for (let i = 0; i < total; i++) {
    await answerPage(page, expected);
    if (i === 1) {
      await expect(status(page)).toHaveText(/Saved/);
      await expect(page.getByRole("progressbar", { name: "Questions answered" })).toHaveAttribute(
        "aria-valuenow",
        String(Object.keys(expected).length),
      );
      await shoot(page, "question", false);
      await page.setViewportSize({ width: 1280, height: 900 });
      await shoot(page, "question-1280", false);
      await page.setViewportSize(PHONE);
    }
    // A comment on the last question of the first page, opened from its collapsed state.
    if (i === 0) {
      const last = page.locator("fieldset[id^='q-']").last();
      await last.getByText("Add a comment (optional)").click();
      await last
        .getByLabel("Comment on this question (optional)")
        .fill("Only the finance team has this.");
      await last.getByLabel("Comment on this question (optional)").blur();
    }
    await next(page);
  }
  await expect(status(page)).toHaveText(/Saved/);
  await expect(page.getByText("Every question is answered")).toBeVisible();
  expect(expected[firstId]).toBeDefined();
  const saved = await serverAnswers(page, link);
  expect(saved).toEqual(expected);
  await submit(page);
  await shoot(page, "thank-you");

  // A reload after submitting shows the thank-you again, never the questions.
  await page.reload();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  await context.close();
});

test("answers given offline wait on the phone and all arrive, across reloads", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await phone(browser);
  const link = links.executive!;
  await page.goto(link);
  await page.getByRole("button", { name: "Start the questionnaire" }).click();
  const expected: Record<string, Value> = {};
  const total = await sectionCount(page);
  expect(total).toBeGreaterThanOrEqual(5);

  // Two pages online.
  for (let i = 0; i < 2; i++) {
    await answerPage(page, expected);
    await next(page);
  }
  await expect(status(page)).toHaveText(/Saved/);

  // The connection drops: answers keep coming, the status says they wait.
  await context.setOffline(true);
  const offline = await answerPage(page, expected);
  await expect(status(page)).toHaveText(
    new RegExp(`Offline: ${offline.length} answers? will sync`),
  );
  await next(page);
  const offline2 = await answerPage(page, expected);
  await expect(status(page)).toHaveText(
    new RegExp(`Offline: ${offline.length + offline2.length} answers will sync`),
  );
  await shoot(page, "offline", false);

  // Back online, and a reload: everything given offline is on the server.
  await context.setOffline(false);
  await page.reload();
  await expect.poll(() => serverAnswers(page, link), { timeout: 15_000 }).toEqual(expected);
  await expect(status(page)).toHaveText(/Saved|Answers save/);

  // Offline again, and a reload the instant the connection is back: the outbox flushes after it.
  await next(page);
  await context.setOffline(true);
  const pending = await answerPage(page, expected);
  await expect(status(page)).toHaveText(/Offline/);
  await context.setOffline(false);
  await page.reload();
  for (const id of pending) {
    await expect(
      page.locator(`fieldset[id='q-${id}']`).getByRole("radio", { checked: true }),
    ).toHaveCount(1);
  }
  await expect.poll(() => serverAnswers(page, link), { timeout: 15_000 }).toEqual(expected);

  // The server unreachable across a reload: the page comes back with the unsent answers from
  // the outbox laid over the server's, says they wait, and sends them once it can.
  await next(page);
  await page.route("**/api/v1/respond/*/answers", (route) => route.abort("internetdisconnected"));
  const blocked = await answerPage(page, expected);
  await expect(status(page)).toHaveText(/Offline/);
  await page.reload();
  for (const id of blocked) {
    await expect(
      page.locator(`fieldset[id='q-${id}']`).getByRole("radio", { checked: true }),
    ).toHaveCount(1);
  }
  await expect(status(page)).toHaveText(
    new RegExp(`Offline: ${blocked.length} answers? will sync`),
  );
  const before = await serverAnswers(page, link);
  for (const id of blocked) expect(before[id]).toBeUndefined();
  await page.unroute("**/api/v1/respond/*/answers");
  await expect(status(page)).toHaveText(/Saved/, { timeout: 20_000 });
  await expect.poll(() => serverAnswers(page, link)).toEqual(expected);

  // The rest, then submit.
  await next(page);
  while (await page.getByRole("button", { name: "Next" }).count()) {
    await answerPage(page, expected);
    await next(page);
  }
  await answerPage(page, expected);
  await next(page);
  expect(await serverAnswers(page, link)).toEqual(expected);
  await submit(page);
  await context.close();
});

test("a respondent leaves questions out, the review links back to them, and they submit", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await phone(browser);
  const link = links.business!;
  await page.goto(link);
  await page.getByRole("button", { name: "Start the questionnaire" }).click();
  const expected: Record<string, Value> = {};
  const total = await sectionCount(page);
  for (let i = 0; i < total; i++) {
    // Skips the second page entirely.
    if (i !== 1) await answerPage(page, expected);
    await next(page);
  }
  const missing = page.getByRole("link", { name: /^\d+\. / });
  const missingCount = await missing.count();
  expect(missingCount).toBeGreaterThan(0);
  await expect(
    page.getByRole("heading", { name: new RegExp(`${missingCount} questions? not answered yet`) }),
  ).toBeVisible();
  await shoot(page, "review");
  await missing.first().click();
  const target = page.locator("fieldset[id^='q-']:focus");
  await expect(target).toHaveCount(1);
  await target.getByRole("radio", { name: /Don.t know/ }).check();
  await expect(status(page)).toHaveText(/Saved/);
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Review and submit" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^\d+\. / })).toHaveCount(missingCount - 1);
  await submit(page);
  await context.close();
});

test("someone from the open link is still offline when the round closes, and is told what did not arrive", async ({
  browser,
  page: consultant,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await phone(browser);
  await page.goto(openLink);
  await expect(page.getByRole("heading", { name: /asks for your view/ })).toBeVisible();
  await page.getByRole("radio", { name: /Technical/ }).check();
  await page.getByRole("button", { name: "Start the questionnaire" }).click();
  // router.replace: a client-side navigation, so no load event to wait for.
  await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/respond\/gmr_/);
  expect(new URL(page.url()).pathname).not.toBe(new URL(openLink).pathname);
  await expect(page.getByText(/questions for your role \(Technical\)/)).toBeVisible();
  await page.getByRole("button", { name: "Start the questionnaire" }).click();
  const first = page.locator("fieldset[id^='q-']");
  await first.nth(0).getByRole("radio").nth(3).check();
  await expect(status(page)).toHaveText(/Saved/);
  await context.setOffline(true);
  await first.nth(1).getByRole("radio").nth(1).check();
  await expect(status(page)).toHaveText(/Offline: 1 answer will sync/);

  // The consultant closes the round and reads the result.
  await signIn(consultant, "consultant@gapmap.demo");
  await consultant.goto(assessmentUrl);
  await consultant.getByRole("button", { name: "Close and score" }).click();
  await consultant.waitForURL(/\/result$/);
  await expect(consultant.getByText("Stage", { exact: true })).toBeVisible();
  await expect(
    consultant.getByRole("heading", { name: "The three-part diagnostic" }),
  ).toBeVisible();
  // Every answer given counts, submitted or not (closeAssessment): the three who submitted and
  // the one still answering.
  await expect(consultant.getByText(/4 respondents · coverage/)).toBeVisible();
  await screenshotBoth(consultant, "respond-result");

  // Back online: the waiting answer meets a closed round. Nothing is thrown away silently.
  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "This round has closed" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(/Your last answer could not be sent/)).toBeVisible();
  await shoot(page, "closed");
  await page.reload();
  await expect(page.getByRole("heading", { name: "This round has closed" })).toBeVisible();
  await expect(page.getByText(/Your last answer could not be sent/)).toBeVisible();
  await context.close();
});
