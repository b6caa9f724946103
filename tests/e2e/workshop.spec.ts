import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 15's room: a facilitator, a big screen and three phones run two questions through join,
// vote, reveal and agree. One phone reloads mid-vote and keeps its vote; a late joiner lands on
// the current question; the round's result then shows the agreed levels.

const stamp = Date.now().toString(36);
const roundName = `Workshop ${stamp}`;
const PHONE = { width: 390, height: 844 };
const SCREEN = { width: 1920, height: 1080 };
const ART = "tests/e2e/.artifacts/screens";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

async function newPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

async function joinOnPhone(browser: Browser, code: string, name: string, role: RegExp) {
  const page = await newPage(browser, PHONE);
  await page.goto(`/join?code=${code}`);
  await expect(page.getByLabel("Code on the screen")).toHaveValue(code);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole("radio", { name: role }).check();
  await page.getByRole("button", { name: "Join" }).click();
  return page;
}

const voteRadios = (page: Page) => page.locator("fieldset").last().getByRole("radio");

test("a room runs two questions: join, vote, reveal, agree; the result scores the agreed levels", async ({
  browser,
}) => {
  // The facilitator opens a round and starts a workshop on its gating questions.
  const console = await newPage(browser, { width: 1280, height: 900 });
  await signIn(console, "consultant@gapmap.demo");
  await console.getByRole("link", { name: "Meridian Logistics" }).click();
  await console.getByRole("link", { name: "Rounds and details" }).click();
  await console.getByRole("link", { name: "New round" }).click();
  await console.getByLabel("Name", { exact: true }).fill(roundName);
  await console.getByRole("button", { name: "Create round" }).click();
  await console.waitForURL(/\/assessments\/[^/?]+\?created=1$/);
  const roundUrl = console.url().replace(/\?.*$/, "");
  await console.getByRole("button", { name: "Open for answers" }).click();
  await expect(console.getByRole("button", { name: "Close and score" })).toBeVisible();
  await console.getByRole("radio", { name: /The gating questions/ }).check();
  // A keynote-sized room: phones on the venue's one network may join more than the usual limit.
  await console.getByLabel(/People expected in the room/).fill("450");
  await console.getByRole("button", { name: "Start a workshop" }).click();
  await console.waitForURL(/\/workshops\/[^/]+$/);
  await expect(console.getByText("of 450 expected")).toBeVisible();
  const workshopUrl = console.url();
  const code = (await console.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);

  // The big screen, signed in on the projector's laptop.
  const screen = await newPage(browser, SCREEN);
  await signIn(screen, "consultant@gapmap.demo");
  await screen.goto(`${workshopUrl}/screen`);
  await expect(screen.getByText(code, { exact: true })).toBeVisible();
  await expect(screen.getByRole("img", { name: /QR code to .*\/join\?code=/ })).toBeVisible();

  // Three phones join.
  const ana = await joinOnPhone(browser, code, "Ana", /^Technical/);
  const ben = await joinOnPhone(browser, code, "Ben", /^Executive/);
  const cy = await joinOnPhone(browser, code, "Cy", /^Data/);
  for (const phone of [ana, ben, cy])
    await expect(phone.getByRole("heading", { name: "You're in" })).toBeVisible();
  await expect(screen.getByText("3", { exact: true })).toBeVisible();
  await expect(screen.getByText(/joined/)).toBeVisible();
  await screen.screenshot({ path: `${ART}/workshop-screen-lobby.png` });
  await ana.screenshot({ path: `${ART}/workshop-phone-waiting.png` });

  // Question 1: open, vote blind, one phone reloads mid-vote and keeps its vote.
  await console.getByRole("button", { name: "Open the first question" }).click();
  await expect(console.getByTestId("phase")).toHaveText("voting");
  const q1 = (await console.getByTestId("question-text").textContent())!.trim();
  for (const phone of [ana, ben, cy])
    await expect(phone.locator("legend", { hasText: q1 })).toBeVisible();
  await voteRadios(ana).nth(1).check();
  await voteRadios(ben).nth(3).check();
  await expect(ben.getByText(/Your vote: Level 3/)).toBeVisible();
  await ben.reload();
  await expect(voteRadios(ben).nth(3)).toBeChecked();
  await voteRadios(cy).nth(5).check(); // Don't know
  await expect(console.getByTestId("votes")).toHaveText("3");
  await expect(screen.getByText("Votes", { exact: true })).toBeVisible();
  await screen.screenshot({ path: `${ART}/workshop-screen-voting.png` });
  await ana.screenshot({ path: `${ART}/workshop-phone-voting.png`, fullPage: true });
  // Blind: no phone sees anyone else's vote before reveal.
  await expect(ana.getByText(/Votes revealed/)).toHaveCount(0);

  await console.getByRole("button", { name: "Reveal" }).click();
  await expect(screen.getByRole("table", { name: /3 votes/ })).toBeVisible();
  await expect(ana.getByText(/Votes revealed\. Your vote: Level 1/)).toBeVisible();
  await console.getByLabel("Level the room agrees on").selectOption("2");
  await console.getByLabel("Why (a short reason)").fill("Pilots are monitored; production is not");
  await console.getByRole("button", { name: "Record agreed level" }).click();
  await expect(screen.getByText("Pilots are monitored; production is not")).toBeVisible();
  await expect(screen.getByText("Level 2", { exact: true }).last()).toBeVisible();
  await screen.screenshot({ path: `${ART}/workshop-screen-revealed.png` });

  // Question 2: a late joiner lands on it.
  await console.getByRole("button", { name: "Next question" }).click();
  await expect(console.getByTestId("phase")).toHaveText("voting");
  await expect(console.getByTestId("question-text")).not.toHaveText(q1);
  const q2 = (await console.getByTestId("question-text").textContent())!.trim();
  const dee = await joinOnPhone(browser, code, "Dee", /^Business/);
  await expect(dee.locator("legend", { hasText: q2 })).toBeVisible();
  await voteRadios(dee).nth(0).check();
  await voteRadios(ana).nth(0).check();
  await voteRadios(ben).nth(2).check();
  await voteRadios(cy).nth(1).check();
  await expect(console.getByTestId("votes")).toHaveText("4");
  await dee.screenshot({ path: `${ART}/workshop-phone-late-joiner.png`, fullPage: true });
  await console.getByRole("button", { name: "Reveal" }).click();
  await expect(screen.getByRole("table", { name: /4 votes/ })).toBeVisible();
  await console.getByLabel("Level the room agrees on").selectOption("1");
  await console.getByLabel("Why (a short reason)").fill("One team owns it, nobody else");
  await console.getByRole("button", { name: "Record agreed level" }).click();
  await expect(screen.getByText("One team owns it, nobody else")).toBeVisible();

  console.once("dialog", (dialog) => void dialog.accept());
  await console.getByRole("button", { name: "End workshop" }).click();
  await expect(screen.getByRole("heading", { name: "Thank you" })).toBeVisible();
  await expect(ana.getByRole("heading", { name: "Thank you" })).toBeVisible();

  // The round closes as any round does; its result shows the agreed levels.
  await console.goto(roundUrl);
  await console.getByRole("button", { name: "Close and score" }).click();
  await console.waitForURL(/\/result$/);
  const agreed = console.getByRole("table", { name: "Levels agreed in workshop" });
  await expect(agreed).toBeVisible();
  await expect(agreed.getByRole("row", { name: new RegExp(escape(q1)) })).toContainText(
    "Pilots are monitored; production is not",
  );
  await expect(agreed.getByRole("row", { name: new RegExp(escape(q2)) })).toContainText(
    "One team owns it, nobody else",
  );
  await console.screenshot({ path: `${ART}/workshop-result.png`, fullPage: true });
});

function escape(text: string): string {
  return text.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
