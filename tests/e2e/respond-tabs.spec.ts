import fs from "node:fs";
import { expect, test, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, signIn } from "./helpers";

// One respondent, one personal link, two tabs of the same browser: what is answered in one shows
// in the other without a reload, answers given in both all arrive, a tab whose requests fail has
// its answers sent by the other, a submission in one shows the thank-you in the other, and when
// the round closes on an answer still on the device, the closed page hands it over as a file.

type Value = number | "dont_know" | "not_applicable";

const stamp = Date.now().toString(36);
const roundName = `Tabs ${stamp}`;
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "serial" });

let assessmentUrl = "";
const links: Record<string, string> = {};

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

async function questionIds(page: Page, link: string): Promise<string[]> {
  const response = await page.request.get(`/api/v1/respond/${tokenOf(link)}`);
  const view = (await response.json()) as { sections: { questions: { id: string }[] }[] };
  return view.sections.flatMap((s) => s.questions.map((q) => q.id));
}

async function serverAnswers(page: Page, link: string): Promise<Record<string, Value>> {
  const response = await page.request.get(`/api/v1/respond/${tokenOf(link)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { answers: Record<string, Value> }).answers;
}

/** Shows the page that holds the question, as a review link does (the hash, no reload). */
async function showQuestion(page: Page, id: string): Promise<Locator> {
  await page.evaluate((hash) => (window.location.hash = hash), `q-${id}`);
  const fieldset = page.locator(`fieldset[id='q-${id}']`);
  await expect(fieldset).toBeVisible();
  return fieldset;
}

async function answer(page: Page, id: string, level: number): Promise<void> {
  await (await showQuestion(page, id)).getByRole("radio").nth(level).check();
}

async function expectShown(page: Page, id: string, level: number): Promise<void> {
  const fieldset = await showQuestion(page, id);
  await expect(fieldset.getByRole("radio").nth(level)).toBeChecked();
}

const status = (page: Page): Locator => page.getByTestId("save-status");

async function twoTabs(
  context: BrowserContext,
  link: string,
): Promise<{ a: Page; b: Page; ids: string[] }> {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const page of [a, b]) {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: /asks for your view/ })).toBeVisible();
  }
  return { a, b, ids: await questionIds(a, link) };
}

test("a consultant opens a round with two personal invitations", async ({ page }) => {
  await signIn(page, "consultant@gapmap.demo");
  await page.getByRole("link", { name: "Meridian Logistics" }).click();
  await page.getByRole("link", { name: "Rounds and details" }).click();
  await page.getByRole("link", { name: "New round" }).click();
  await page.getByLabel("Name", { exact: true }).fill(roundName);
  await page.getByRole("button", { name: "Create round" }).click();
  await page.waitForURL(/\/assessments\/[^/?]+\?created=1$/);
  assessmentUrl = page.url().replace(/\?.*$/, "");
  for (const [name, role] of [
    ["Tara Two-Tabs", "data"],
    ["Sam Submits", "executive"],
  ] as const) {
    await page.getByLabel("Name (optional)").fill(name);
    await page.getByLabel("Respondent role").selectOption(role);
    await page.getByRole("button", { name: "Create personal link" }).click();
    const field = page.getByLabel(`${name} · ${role}`);
    await expect(field).toHaveValue(/\/respond\/\S{20,}$/);
    links[role] = await field.inputValue();
  }
  await page.getByRole("button", { name: "Open for answers" }).click();
  await expect(page.getByRole("button", { name: "Close and score" })).toBeVisible();
});

test("two tabs on one link: answers in either show in the other, and all of them arrive", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: PHONE });
  const link = links.data!;
  const { a, b, ids } = await twoTabs(context, link);
  expect(ids.length).toBeGreaterThanOrEqual(6);
  // Saves that reached the server, from either tab: one per change, no tab sends another's twice.
  let saves = 0;
  for (const page of [a, b])
    page.on("response", (response) => {
      const request = response.request();
      if (request.method() === "PUT" && request.url().endsWith("/answers") && response.ok())
        saves++;
    });
  const [q0, q1, q2, q3, q4] = ids as [string, string, string, string, string];

  // Given in A, shown in B at once: no reload.
  await showQuestion(b, q0);
  await answer(a, q0, 2);
  await expect(status(a)).toHaveText(/Saved/);
  await expectShown(b, q0, 2);

  // A comment too.
  const aField = (await showQuestion(a, q0)).getByLabel("Comment on this question (optional)");
  await a.locator(`fieldset[id='q-${q0}']`).getByText("Add a comment (optional)").click();
  await aField.fill("Written in the first tab.");
  await aField.blur();
  const bQuestion = b.locator(`fieldset[id='q-${q0}']`);
  await expect(bQuestion.getByText("Your comment")).toBeVisible();
  await bQuestion.getByText("Your comment").click();
  await expect(bQuestion.getByLabel("Comment on this question (optional)")).toHaveValue(
    "Written in the first tab.",
  );

  // And the other way round.
  await showQuestion(a, q1);
  await answer(b, q1, 3);
  await expectShown(a, q1, 3);

  // Different questions in each, one after the other in quick turns.
  await answer(a, q2, 1);
  await answer(b, q3, 4);
  await expect.poll(() => serverAnswers(a, link)).toEqual({ [q0]: 2, [q1]: 3, [q2]: 1, [q3]: 4 });
  await expectShown(a, q3, 4);
  await expectShown(b, q2, 1);

  // After a reload B still shows every answer, its own and A's.
  await b.reload();
  for (const [id, level] of [
    [q0, 2],
    [q1, 3],
    [q2, 1],
    [q3, 4],
  ] as const)
    await expectShown(b, id, level);

  // A's requests fail (its own route blocked): B, which heard of the answer, sends it.
  await a.route("**/api/v1/respond/*/answers", (route) => route.abort("internetdisconnected"));
  await showQuestion(b, q4);
  await answer(a, q4, 0);
  await expectShown(b, q4, 0);
  await expect.poll(() => serverAnswers(b, link), { timeout: 15_000 }).toMatchObject({ [q4]: 0 });
  await a.unroute("**/api/v1/respond/*/answers");
  // A learns that it is saved from B's acknowledgement, without sending it itself.
  await expect(status(a)).toHaveText(/Saved/, { timeout: 15_000 });
  await expect(status(b)).toHaveText(/Saved/);
  // Six changes (five answers and a comment), six saves.
  expect(saves).toBe(6);
  await context.close();
});

test("submitting in one tab shows the other tab the thank-you", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const link = links.executive!;
  const { a, b, ids } = await twoTabs(context, link);
  await answer(a, ids[0]!, 1);
  await expect(status(a)).toHaveText(/Saved/);
  await expectShown(b, ids[0]!, 1);
  await a.evaluate(() => (window.location.hash = "review"));
  await a.getByRole("button", { name: "Submit my answers" }).click();
  await expect(a.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  // B was showing a question: it now says the answers are in, without a reload.
  await expect(b.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  await expect(b.locator("fieldset[id^='q-']")).toHaveCount(0);
  await context.close();
});

test("the round closes on an answer still on the device: the closed page offers it as a file", async ({
  browser,
  page: consultant,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const link = links.data!;
  const { a, b, ids } = await twoTabs(context, link);
  const q5 = ids[5]!;
  const comment = 'Ask Priya in finance, she "owns" the exports.';

  // Both tabs offline (one browser, one connection): the answer and its comment wait.
  await context.setOffline(true);
  const fieldset = await showQuestion(a, q5);
  await fieldset.getByRole("radio").nth(4).check();
  await fieldset.getByText("Add a comment (optional)").click();
  const commentField = fieldset.getByLabel("Comment on this question (optional)");
  await commentField.fill(comment);
  await commentField.blur();
  await expect(status(a)).toHaveText(/Offline: 1 answer will sync/);
  await expectShown(b, q5, 4);
  await expect(status(b)).toHaveText(/Offline: 1 answer will sync/);
  const questionText = ((await fieldset.locator("legend").textContent()) ?? "")
    .replace(/^\s*\d+\.\s*/, "")
    .trim();
  const levelText = ((await fieldset.locator("label").nth(4).textContent()) ?? "")
    .replace(/^4/, "")
    .trim();
  expect(questionText.length).toBeGreaterThan(10);

  await signIn(consultant, "consultant@gapmap.demo");
  await consultant.goto(assessmentUrl);
  await consultant.getByRole("button", { name: "Close and score" }).click();
  await consultant.waitForURL(/\/result$/);

  // Back online: the waiting answer meets the closed round, in both tabs.
  await context.setOffline(false);
  for (const page of [a, b]) {
    await expect(page.getByRole("heading", { name: "This round has closed" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByText(/Your last answer could not be sent/)).toBeVisible();
  }

  // B hands it over as a file.
  const button = b.getByRole("button", { name: /Download my unsent answers/ });
  await expect(button).toBeVisible();
  await expectNoHorizontalScroll(b);
  await b.evaluate(() => window.scrollTo(0, 0));
  await b.screenshot({
    path: "tests/e2e/.artifacts/screens/respond-tabs-closed-download-390.png",
    fullPage: true,
  });
  const [download] = await Promise.all([b.waitForEvent("download"), button.click()]);
  expect(download.suggestedFilename()).toBe(
    `gapmap-unsent-answers-${roundName.toLowerCase().replace(/\s+/g, "-")}.csv`,
  );
  const file = fs.readFileSync((await download.path())!, "utf8");
  const lines = file.replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe('"Part","Question","Answer","Comment"');
  expect(lines).toHaveLength(3); // header, one answer, final line break
  expect(lines[1]).toContain(`"${questionText.replace(/"/g, '""')}"`);
  expect(lines[1]).toContain(`"Level 4: ${levelText.replace(/"/g, '""')}"`);
  expect(lines[1]).toContain('"Ask Priya in finance, she ""owns"" the exports."');
  await expect(b.getByTestId("unsent-export-note")).toHaveText(/Downloaded .*\.csv/);

  // A copies it as text instead.
  await a.getByRole("button", { name: "Copy as text" }).click();
  await expect(a.getByTestId("unsent-export-note")).toHaveText(/Copied/);
  await a.screenshot({
    path: "tests/e2e/.artifacts/screens/respond-tabs-closed-copied-390.png",
    fullPage: true,
  });
  const copied = await a.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(questionText);
  expect(copied).toContain(`Answer: Level 4: ${levelText}`);
  expect(copied).toContain(`Comment: ${comment}`);

  // After a reload the answer is still there to hand over, and the keyboard reaches the button.
  await a.reload();
  await expect(a.getByRole("heading", { name: "This round has closed" })).toBeVisible();
  const again = a.getByRole("button", { name: /Download my unsent answers/ });
  await again.focus();
  await expect(again).toBeFocused();
  const [byKeyboard] = await Promise.all([a.waitForEvent("download"), a.keyboard.press("Enter")]);
  expect(fs.readFileSync((await byKeyboard.path())!, "utf8")).toContain(questionText);
  await context.close();
});
