import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// A respondent is answering when the consultant withdraws their link. The next answer is refused
// with `link_withdrawn` (one request, no second look at the link), and the page says the link was
// withdrawn, keeps the answer on the device and offers it for download.

const stamp = Date.now().toString(36);
const roundName = `Withdrawn ${stamp}`;
const person = { name: `Wren ${stamp}`, role: "data" } as const;

test("a respondent whose link is withdrawn mid-way is told so, and keeps the answer that was refused", async ({
  page: consultant,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(consultant, "consultant@gapmap.demo");
  await consultant.getByRole("link", { name: "Meridian Logistics" }).click();
  await consultant.getByRole("link", { name: "Rounds and details" }).click();
  await consultant.getByRole("link", { name: "New round" }).click();
  await consultant.getByLabel("Name", { exact: true }).fill(roundName);
  await consultant.getByRole("button", { name: "Create round" }).click();
  await consultant.waitForURL(/\/assessments\/[^/?]+\?created=1$/);
  const assessmentUrl = consultant.url().replace(/\?.*$/, "");
  await consultant.getByLabel("Name (optional)").fill(person.name);
  await consultant.getByLabel("Respondent role").selectOption(person.role);
  await consultant.getByRole("button", { name: "Create personal link" }).click();
  const field = consultant.getByLabel(`${person.name} · ${person.role}`);
  await expect(field).toHaveValue(/\/respond\/\S{20,}$/);
  const link = await field.inputValue();
  await consultant.getByRole("button", { name: "Open for answers" }).click();
  await expect(consultant.getByRole("button", { name: "Close and score" })).toBeVisible();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("button", { name: "Start the questionnaire" }).click();
  const questions = page.locator("fieldset[id^='q-']");
  await questions.nth(0).getByRole("radio").nth(2).check();
  await expect(page.getByTestId("save-status")).toHaveText(/Saved/);

  await consultant.goto(assessmentUrl);
  await consultant.getByText(/Reminder list/).click();
  await consultant
    .locator("li", { hasText: person.name })
    .getByRole("button", { name: "Revoke" })
    .click();
  // A withdrawn link leaves the list of those still to answer.
  await expect(consultant.locator("li", { hasText: person.name })).toHaveCount(0);

  const refused = page.waitForResponse(
    (r) => r.url().endsWith("/answers") && r.request().method() === "PUT",
  );
  await questions.nth(1).getByRole("radio").nth(1).check();
  const response = await refused;
  expect(response.status()).toBe(409);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
    "link_withdrawn",
  );
  await expect(page.getByRole("heading", { name: "This link was withdrawn" })).toBeVisible();
  await expect(page.getByText(/Your last answer could not be sent/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Download my unsent answers/ })).toBeVisible();
  await page.screenshot({
    path: "tests/e2e/.artifacts/screens/respond-withdrawn-390.png",
    fullPage: true,
  });
  await context.close();
});
