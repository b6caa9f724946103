import { expect, test, type APIRequestContext } from "@playwright/test";
import { postJson, respondentSections, tokenOf } from "./a11y";
import { screenshotBoth, signIn } from "./helpers";

// Issue 14 on screen: the round form warns about deciding questions nobody will be asked; a 2027.2
// round's result and dashboard show what blocks scaling first, each step's definition of done,
// and what leadership cannot see; the trend marks the framework version change.

const stamp = Date.now();
// Questions the executives cannot observe (2027.2 observers.ts): they answer "don't know".
const TECHNICAL = new Set([
  "integration.time_to_production",
  "integration.paved_path",
  "monitoring.before_go_live",
  "monitoring.usage_and_cost",
  "data.governance_practices",
]);

async function answerAll(
  request: APIRequestContext,
  link: string,
  role: string,
  version: string,
): Promise<void> {
  const sections = await respondentSections(request, link);
  const answers: Record<string, number | string> = {};
  for (const s of sections)
    for (const q of s.questions)
      answers[q.id] =
        role === "executive" && TECHNICAL.has(q.id) && version === "2027.2"
          ? "dont_know"
          : q.id === "ownership.wrong_output_owner"
            ? 1
            : q.id.startsWith("workflow_redesign.")
              ? 2
              : 3;
  await request.post(`/api/v1/respond/${tokenOf(link)}/start`, { data: {} });
  const saved = await request.put(`/api/v1/respond/${tokenOf(link)}/answers`, {
    data: { answers },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await postJson(request, `/api/v1/respond/${tokenOf(link)}/submit`, {}, 200);
}

test("the round form names a deciding question none of the chosen roles is asked", async ({
  page,
}) => {
  await signIn(page, "consultant@gapmap.demo");
  const org = await postJson<{ id: string }>(
    page.request,
    "/api/v1/organizations",
    { name: `Form check ${stamp}` },
    201,
  );
  await page.goto(`/organizations/${org.id}/assessments/new`);
  const warning = page.getByRole("status").filter({ hasText: "will go unanswered" });
  await expect(warning).toHaveCount(0);
  await page.getByRole("checkbox", { name: /Technical/ }).uncheck();
  await page.getByRole("checkbox", { name: /Data/ }).uncheck();
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(
    "Before scaling, was the AI evaluated on a representative sample at production volume",
  );
  await expect(
    page.getByRole("status").filter({ hasText: "Nobody in this round can observe" }),
  ).toContainText("For the workflow you plan to scale, is monitoring of the AI built");
  await screenshotBoth(page, "verdict-round-form");
});

test("a 2027.2 round shows blockers first, definitions of done, visibility gaps and the version change", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "consultant@gapmap.demo");
  const request = page.request;
  const org = await postJson<{ id: string }>(
    request,
    "/api/v1/organizations",
    { name: `Verdict check ${stamp}` },
    201,
  );
  const roles = ["executive", "executive", "executive", "technical", "technical", "technical"];
  let lastRound = "";
  for (const version of ["2027.1", "2027.2"]) {
    const round = await postJson<{ id: string }>(
      request,
      `/api/v1/organizations/${org.id}/assessments`,
      { name: `Round on ${version}`, frameworkVersion: version, roles: ["executive", "technical"] },
      201,
    );
    const { data } = await postJson<{ data: { url: string }[] }>(
      request,
      `/api/v1/assessments/${round.id}/invitations`,
      { invitations: roles.map((role) => ({ role })) },
      201,
    );
    await postJson(request, `/api/v1/assessments/${round.id}/open`, {}, 200);
    for (const [i, d] of data.entries()) await answerAll(request, d.url, roles[i]!, version);
    await postJson(request, `/api/v1/assessments/${round.id}/close`, {}, 200);
    lastRound = round.id;
  }

  await page.goto(`/assessments/${lastRound}/result`);
  await expect(page.getByRole("heading", { name: "What leadership cannot see" })).toBeVisible();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "“For the workflow you plan to scale, is monitoring of the AI built" })
      .filter({ hasText: "3 executive respondents did not know" }),
  ).toBeVisible();
  await expect(page.getByText("Blocks scaling").first()).toBeVisible();
  await expect(page.getByText("Done when:").first()).toBeVisible();
  await expect(
    page.getByText(/Name the person accountable for wrong outputs at scale/),
  ).toBeVisible();
  await screenshotBoth(page, "verdict-result");

  await page.goto(`/organizations/${org.id}`);
  const nextSteps = page
    .locator("section, div")
    .filter({
      has: page.getByRole("heading", { name: "Next steps, in sequence" }),
    })
    .last();
  await expect(
    nextSteps.getByText(/Name the person accountable for wrong outputs at scale/),
  ).toBeVisible();
  await expect(page.getByText(/Framework 2027\.2 from Round on 2027\.2/)).toBeVisible();
  // No baseline on this framework yet: a dimension under target says by how much, not "not
  // measured" beside its score.
  const progress = page.getByRole("table", { name: /progress toward the target/ });
  await expect(progress).toContainText("below target");
  await expect(progress).not.toContainText("Not measured yet");
  await screenshotBoth(page, "verdict-dashboard");
  await page.getByRole("link", { name: "Roles and comments" }).click();
  await expect(page.getByRole("heading", { name: "What leadership cannot see" })).toBeVisible();
  await screenshotBoth(page, "verdict-dashboard-people");

  await page.goto("/method");
  await expect(page.getByText(/Blockers first/)).toBeVisible();
  await expect(page.getByText(/people who cannot know/)).toBeVisible();
  await screenshotBoth(page, "verdict-method");
});
