import { expect, test } from "@playwright/test";
import { axeFindings, describeFindings, isBlocking } from "./a11y";
import { expectNoHorizontalScroll, screenshotBoth, signIn, WIDTHS } from "./helpers";

// Mail without a mail server: a consultant emails respondents their links and reminds those who
// have not submitted; the owner finds every message in Settings > Mail (the outbox, delivered by
// the server's mail timer); a respondent's "stop reminders" link asks, then records the opt-out.

const stamp = Date.now().toString(36);
const roundName = `Mailed ${stamp}`;
const jo = { name: `Jo ${stamp}`, email: `jo-${stamp}@client.test` };
const sam = { name: `Sam ${stamp}`, email: `sam-${stamp}@client.test` };
const kim = { name: `Kim ${stamp}`, email: `kim-${stamp}@client.test` };

test("a consultant emails links and reminders; the owner sees them in the outbox; a respondent stops reminders", async ({
  page: consultant,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(consultant, "consultant@gapmap.demo");
  await consultant.getByRole("link", { name: "Meridian Logistics" }).click();
  await consultant.getByRole("link", { name: "Rounds and details" }).click();
  await consultant.getByRole("link", { name: "New round" }).click();
  await consultant.getByLabel("Name", { exact: true }).fill(roundName);
  await consultant.getByRole("button", { name: "Create round" }).click();
  await consultant.waitForURL(/\/assessments\/[^/?]+\?created=1$/);

  // One person, emailed at once.
  await consultant.getByLabel("Name (optional)").fill(jo.name);
  await consultant.getByLabel("Email (optional)").fill(jo.email);
  await consultant.getByLabel("Email the link to this address").check();
  await consultant.getByRole("button", { name: "Create personal link" }).click();
  await expect(consultant.getByText("1 link created, 1 to be emailed.")).toBeVisible();

  // Two from a CSV, emailed at once; a third with an address, not emailed yet.
  await consultant.getByRole("tab", { name: "Many (CSV)" }).click();
  await consultant
    .getByLabel("Paste name,email,role (one person per line)")
    .fill(`name,email,role\n${sam.name},${sam.email},business\n`);
  await consultant.getByLabel(/Email each link to its address/).check();
  await consultant.getByRole("button", { name: "Create links" }).click();
  await expect(consultant.getByLabel(`${sam.name} · business`)).toBeVisible();
  await expect(consultant.getByText("1 link created, 1 to be emailed.")).toBeVisible();
  await consultant
    .getByLabel("Paste name,email,role (one person per line)")
    .fill(`name,email,role\n${kim.name},${kim.email},technical\n`);
  await consultant.getByLabel(/Email each link to its address/).uncheck();
  await consultant.getByRole("button", { name: "Create links" }).click();
  await expect(consultant.getByLabel(`${kim.name} · technical`)).toBeVisible();
  await expect(consultant.getByText("1 link created.")).toBeVisible();

  await consultant.getByRole("button", { name: "Open for answers" }).click();
  await consultant.getByRole("button", { name: "Remind those who have not submitted" }).click();
  // Jo and Sam were emailed minutes ago: only Kim is reminded.
  await expect(
    consultant.getByText("1 reminder queued. Not reminded: 2 mailed in the last 24 hours."),
  ).toBeVisible();
  await consultant.getByText(/Reminder list/).click();
  await expect(
    consultant.getByRole("button", { name: `Email the link to ${kim.name}` }),
  ).toBeVisible();
  await screenshotBoth(consultant, "mail-round");

  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, "owner@gapmap.demo");
  await owner.getByRole("link", { name: "Mail", exact: true }).first().click();
  await owner.waitForURL(/\/settings\/mail$/);
  await expect(owner.getByRole("heading", { name: "Mail", level: 1 })).toBeVisible();
  await expect(owner.getByText("No mail server is set: this is the outbox")).toBeVisible();
  for (const person of [jo, sam, kim]) {
    await expect(owner.getByText(`To ${person.email}`)).toBeVisible();
  }
  const kimMail = owner.locator("li", { hasText: `To ${kim.email}` });
  await expect(kimMail).toContainText(`Reminder: Meridian Logistics, "${roundName}"`);
  // The server's mail timer delivers to the outbox within its first ticks.
  await expect(async () => {
    await owner.reload();
    await expect(
      owner.locator("li", { hasText: `To ${jo.email}` }).getByText("In the outbox"),
    ).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  const joMail = owner.locator("li", { hasText: `To ${jo.email}` });
  await joMail.getByText("Show the message").click();
  const message = joMail.locator("pre");
  await expect(message).toContainText("[personal link: sent only to the recipient]");
  await expect(message).not.toContainText("/respond/");
  const stopUrl = /(http\S+\/stop-reminders\/\S+)/.exec((await message.textContent()) ?? "")?.[1];
  expect(stopUrl).toBeTruthy();

  await owner.getByRole("button", { name: "Send me a test mail" }).click();
  await expect(owner.getByText("Test mail queued to owner@gapmap.demo")).toBeVisible();
  await expect(owner.getByText("GapMap test mail").first()).toBeVisible();

  const outboxFindings = await axeFindings(owner);
  expect(describeFindings(outboxFindings.filter(isBlocking))).toEqual([]);
  for (const width of WIDTHS) {
    await owner.setViewportSize({ width, height: 900 });
    await expectNoHorizontalScroll(owner);
  }
  await screenshotBoth(owner, "mail-outbox");

  // The respondent's side: no account, a phone.
  const respondentContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const respondent = await respondentContext.newPage();
  await respondent.goto(new URL(stopUrl!).pathname);
  await expect(respondent.getByRole("heading", { name: "Stop reminders?" })).toBeVisible();
  await expect(respondent.getByText(jo.email)).toBeVisible();
  expect(describeFindings((await axeFindings(respondent)).filter(isBlocking))).toEqual([]);
  await screenshotBoth(respondent, "mail-stop-reminders");
  await respondent.getByRole("button", { name: "Stop reminders" }).click();
  await expect(
    respondent.getByText(`Done: ${jo.email} gets no more reminders from Northwind Advisory.`),
  ).toBeVisible();
  await respondent.reload();
  await expect(respondent.getByRole("heading", { name: "Reminders are stopped" })).toBeVisible();
  await screenshotBoth(respondent, "mail-stop-reminders-done");

  // A made-up link is refused without a word about any address.
  await respondent.goto("/stop-reminders/bm90LW91cnM.c2lnbmF0dXJl");
  await expect(respondent.getByRole("heading", { name: "Link not valid" })).toBeVisible();

  await ownerContext.close();
  await respondentContext.close();
});
