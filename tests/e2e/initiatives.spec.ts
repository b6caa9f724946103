import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, screenshotBoth, signIn } from "./helpers";

// Issue 11: a consultant adds two initiatives, runs the three-part diagnostic to "go" on one and
// "no-go" on the other, is stopped moving the no-go one to production, and overrides with a reason.

const stamp = Date.now().toString(36);

async function addInitiative(
  page: Page,
  organizationId: string,
  fields: { name: string; businessFunction: string; owner: "person" | "member" },
): Promise<void> {
  await page.goto(`/organizations/${organizationId}/initiatives`);
  await page.getByRole("link", { name: "New initiative" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("New initiative");
  await page.getByLabel("Name", { exact: true }).fill(fields.name);
  await page.getByLabel("Business function").fill(fields.businessFunction);
  await page.getByLabel("Status", { exact: true }).selectOption("pilot");
  await page.getByLabel("Workflow it changes").fill("First notice of loss: triage and routing.");
  await page.getByLabel("Owner is").selectOption(fields.owner);
  if (fields.owner === "person") {
    await page.getByLabel("Owner's name").fill("Dana Ruiz");
    await page.getByLabel("Owner's role").fill("Head of claims operations");
  } else {
    await page.getByLabel("Member", { exact: true }).selectOption({ index: 1 });
  }
  await page.getByRole("button", { name: "Add initiative" }).click();
  await expect(page.getByRole("heading", { name: fields.name, level: 1 })).toBeVisible();
  await expect(page.getByText("Initiative added.")).toBeVisible();
}

async function recordPart(
  page: Page,
  partName: string,
  status: "met" | "partial" | "unmet",
  evidence: string,
) {
  const form = page.getByRole("form", { name: partName });
  await form.getByLabel("Status").selectOption(status);
  await form.getByLabel("Evidence").fill(evidence);
  await form.getByLabel("Links (one per line)").fill("https://wiki.example.test/evidence");
  await form.getByRole("button", { name: "Save this part" }).click();
  // The part's light says what was recorded once the page has reloaded with it.
  const label = { met: "Met", partial: "Partial", unmet: "Not met" }[status];
  await expect(page.getByText(`${partName}: ${label}`, { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Diagnostic part saved.")).toBeVisible();
}

test("a consultant runs the diagnostic on two initiatives, is stopped on the no-go, and overrides with a reason", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "consultant@gapmap.demo");
  const created = await page.request.post("/api/v1/organizations", {
    data: { name: `Initiatives E2E ${stamp}`, sector: "Insurance" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const organizationId = ((await created.json()) as { id: string }).id;

  await page.goto(`/organizations/${organizationId}/initiatives`);
  await expect(page.getByRole("heading", { name: "Initiatives", exact: true })).toBeVisible();
  await expect(page.getByText("No initiative yet.", { exact: false })).toBeVisible();

  // The first initiative: all three parts met, go, and production without an override.
  await addInitiative(page, organizationId, {
    name: "Claims triage assistant",
    businessFunction: "Claims",
    owner: "person",
  });
  await expect(
    page.getByText("No-go for production or scale until every part is met:"),
  ).toBeVisible();
  await recordPart(
    page,
    "Data readiness audited at the workflow level",
    "met",
    "Audited the FNOL data with the claims data team.",
  );
  await recordPart(page, "Ownership defined", "met", "Dana Ruiz signed the accountability note.");
  await recordPart(
    page,
    "Monitoring built before go-live",
    "met",
    "Drift and error dashboards live in staging.",
  );
  await expect(
    page.getByText("All three parts are met: go for production or scale."),
  ).toBeVisible();
  await page.getByLabel("Move to").selectOption("production");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByText("Status changed to Production.")).toBeVisible();

  // The second: ownership partial, monitoring not met: no-go.
  await addInitiative(page, organizationId, {
    name: "Invoice matching",
    businessFunction: "Finance",
    owner: "member",
  });
  await recordPart(
    page,
    "Data readiness audited at the workflow level",
    "met",
    "Supplier master data audited.",
  );
  await recordPart(
    page,
    "Ownership defined",
    "partial",
    "Owner named; accountability for wrong matches not agreed.",
  );
  await recordPart(page, "Monitoring built before go-live", "unmet", "No monitoring yet.");
  await expect(page.getByText("Ownership defined: only partly met.")).toBeVisible();
  await expect(page.getByText("Monitoring built before go-live: not met.")).toBeVisible();

  // Moving it to production without a reason is refused, with the reasons.
  await page.getByLabel("Move to").selectOption("production");
  await page.getByRole("button", { name: "Change status" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "That did not work" });
  await expect(refusal).toContainText("The diagnostic says no-go");
  await expect(refusal).toContainText("Ownership defined: only partly met.");
  await expect(page.getByText("Now: Pilot")).toBeVisible();
  const reason = page.getByLabel(/Override reason/);
  await expect(reason).toBeFocused();
  await screenshotBoth(page, "initiative-no-go-refused");

  // With a reason, the override goes through and is recorded.
  await reason.fill("Quarter-end backlog; monitoring ships in two weeks, owner agreed in writing.");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByText("Status changed to Production.")).toBeVisible();
  await expect(page.getByText("Override of a no-go")).toBeVisible();
  await expect(page.getByText(/Quarter-end backlog; monitoring ships/)).toBeVisible();
  await screenshotBoth(page, "initiative-overridden");

  // The organisation's initiatives: the pipeline, both initiatives, and the override stands out.
  await page.getByRole("link", { name: `Initiatives E2E ${stamp}` }).click();
  await expect(page).toHaveURL(`/organizations/${organizationId}/initiatives`);
  const pipeline = page.getByRole("list", { name: "Initiatives by status" });
  await expect(pipeline.getByRole("listitem").filter({ hasText: "Production" })).toContainText("2");
  const table = page.getByRole("table", { name: /Initiatives with their status/ });
  await expect(table.getByRole("row", { name: /Claims triage assistant/ })).toContainText("Go");
  await expect(table.getByRole("row", { name: /Invoice matching/ })).toContainText(
    "Moved on despite a no-go",
  );
  await screenshotBoth(page, "initiatives-organization");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoHorizontalScroll(page);
});

test("a consultant turns two next steps into owned actions; the overdue one stands out until done", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "consultant@gapmap.demo");
  await page.goto("/organizations");
  await page.getByRole("link", { name: "Meridian Logistics" }).first().click();
  await expect(page.getByRole("heading", { name: "Meridian Logistics", level: 1 })).toBeVisible();
  const overview = page.url();
  // The demo seed's initiatives: the pipeline, a go, an override, and an overdue action.
  await page.getByRole("link", { name: "Initiatives", exact: true }).click();
  const initiatives = page.getByRole("table", { name: /Initiatives with their status/ });
  await expect(initiatives.getByRole("row", { name: /Shipment ETA prediction/ })).toContainText(
    "Go",
  );
  await expect(initiatives.getByRole("row", { name: /Customer email triage/ })).toContainText(
    "Moved on despite a no-go",
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await page
    .locator("section", { has: page.getByRole("heading", { name: "Initiatives", exact: true }) })
    .screenshot({ path: "tests/e2e/.artifacts/screens/card-initiatives-demo-1280.png" });
  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page).toHaveURL(overview);

  const first = page.locator("details", { hasText: "Turn into an action" }).first();
  await first.locator("summary").click();
  const firstForm = first.getByRole("form");
  const firstTitle = ((await firstForm.getAttribute("aria-label")) ?? "").replace(
    "Action for: ",
    "",
  );
  await firstForm.getByLabel("Member", { exact: true }).selectOption({ index: 1 });
  await firstForm.getByLabel("Due date").fill("2020-01-31");
  await firstForm.getByRole("button", { name: "Create action" }).click();
  // The page refreshes with the action: the step now says its status.
  await expect(page.getByText("Action: Open, overdue")).toBeVisible();

  const second = page.locator("details", { hasText: "Turn into an action" }).first();
  await second.locator("summary").click();
  const secondForm = second.getByRole("form");
  const secondTitle = ((await secondForm.getAttribute("aria-label")) ?? "").replace(
    "Action for: ",
    "",
  );
  await secondForm.getByLabel("Owner", { exact: true }).selectOption("person");
  await secondForm.getByLabel("Name", { exact: true }).fill("Priya Shah");
  await secondForm.getByLabel("Role", { exact: true }).fill("Head of operations");
  await secondForm.getByLabel("Due date").fill("2030-06-30");
  await secondForm.getByRole("button", { name: "Create action" }).click();
  await expect(page.getByText("Action: Open", { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByText("Action: Open, overdue")).toBeVisible();
  await page
    .locator("section", { has: page.getByRole("heading", { name: "Next steps, in sequence" }) })
    .screenshot({ path: "tests/e2e/.artifacts/screens/card-next-steps-1280.png" });
  // The overview says an action is overdue and leads to the actions.
  await page.getByRole("link", { name: "See the actions" }).click();
  await expect(page.getByRole("heading", { name: "Actions", exact: true })).toBeVisible();
  const table = page.getByRole("table", { name: /Actions with their owner/ });
  const overdueRow = table.getByRole("row", { name: new RegExp(escapeRegExp(firstTitle)) });
  await expect(overdueRow).toContainText("Overdue");
  await expect(
    table.getByRole("row", { name: new RegExp(escapeRegExp(secondTitle)) }),
  ).toContainText("Priya Shah (Head of operations)");
  await screenshotBoth(page, "actions-organization");
  // The card up close, at phone width, to look at.
  await page.setViewportSize({ width: 390, height: 900 });
  await page
    .locator("section", { has: page.getByRole("heading", { name: "Actions", exact: true }) })
    .screenshot({ path: "tests/e2e/.artifacts/screens/card-actions-390.png" });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  await overdueRow.getByLabel(`Status of ${firstTitle}`).selectOption("done");
  await overdueRow.getByRole("button", { name: /Save/ }).click();
  await expect(overdueRow.getByText("Saved")).toBeVisible();
  await page.reload();
  await expect(
    table.getByRole("row", { name: new RegExp(escapeRegExp(firstTitle)) }),
  ).not.toContainText("Overdue");
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("retakes: two next steps become actions, the next round starts from the last, and the dashboard shows pipeline, actions and progress to target", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "consultant@gapmap.demo");
  await page.goto("/organizations");
  await page.getByRole("link", { name: "Halden Mutual" }).first().click();
  await expect(page.getByRole("heading", { name: "Halden Mutual", level: 1 })).toBeVisible();

  // Two recommendations into owned actions, one of them already overdue.
  for (const [i, due] of ["2020-02-28", "2030-03-31"].entries()) {
    const step = page.locator("details", { hasText: "Turn into an action" }).first();
    await step.locator("summary").click();
    const form = step.getByRole("form");
    if (i === 0) {
      await form.getByLabel("Member", { exact: true }).selectOption({ index: 1 });
    } else {
      await form.getByLabel("Owner", { exact: true }).selectOption("person");
      await form.getByLabel("Name", { exact: true }).fill("Jonas Berg");
      await form.getByLabel("Role", { exact: true }).fill("Head of claims");
    }
    await form.getByLabel("Due date").fill(due);
    await form.getByRole("button", { name: "Create action" }).click();
    await expect(
      page.getByText(i === 0 ? "Action: Open, overdue" : "Action: Open", { exact: true }),
    ).toBeVisible();
  }

  // Start the next round from the newest closed one: settings, focus and targets are copied.
  await page.getByRole("link", { name: "Rounds and details" }).click();
  await page.getByRole("link", { name: "Start next round" }).click();
  await expect(page.getByRole("heading", { name: "Next round" })).toBeVisible();
  await expect(page.getByText("focus: Claims triage assistant")).toBeVisible();
  await expect(page.getByLabel("Name of the next round")).toHaveValue("Q4 2026");
  await page.getByRole("button", { name: "Start next round" }).click();
  await expect(
    page.getByText(
      /Q4 2026 created as a draft with \d+ new links? and 2 unfinished actions carried over/,
    ),
  ).toBeVisible();
  await screenshotBoth(page, "retake-next-round-started");
  await page.getByRole("link", { name: "Go to Q4 2026" }).click();
  await expect(page.getByRole("heading", { name: "Q4 2026", level: 1 })).toBeVisible();
  await expect(page.getByText("focus: Claims triage assistant")).toBeVisible();

  // The dashboard: pipeline, actions (carried over, one overdue) and progress to target.
  await page.getByRole("link", { name: "Halden Mutual" }).first().click();
  await expect(page.getByRole("heading", { name: "Progress toward target" })).toBeVisible();
  const progress = page.getByRole("table", { name: /progress toward the target/ });
  await expect(
    progress.getByRole("row", { name: /Absence of monitoring tooling|Monitoring/ }).first(),
  ).toContainText("75");
  await expect(page.getByText(/1 action is overdue/)).toBeVisible();
  await screenshotBoth(page, "retake-organization");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("link", { name: "See the actions" }).click();
  const actions = page.getByRole("table", { name: /Actions with their owner/ });
  await expect(actions.getByText("Carried over into Q4 2026")).toHaveCount(2);
  await screenshotBoth(page, "retake-organization-actions");
  await page.getByRole("link", { name: "Initiatives", exact: true }).click();
  await expect(page.getByRole("figure", { name: "Pipeline: initiatives by status" })).toBeVisible();
  await expect(page.getByText(/Deloitte, State of AI 2026/).first()).toBeVisible();

  // The focused round's diagnostic is offered on its initiative, for the consultant to confirm.
  await page.getByRole("link", { name: "Claims triage assistant" }).first().click();
  await expect(page.getByText(/Round Q3 2026 found:/).first()).toBeVisible();
  await screenshotBoth(page, "retake-initiative-offer");

  // Between quarters: the comparison lists the actions done beside the questions that moved.
  await page.goto("/organizations");
  await page.getByRole("link", { name: "Meridian Logistics" }).first().click();
  await page.getByRole("link", { name: "Compare rounds" }).click();
  await expect(
    page.getByText("Actions done in this dimension between Q2 2026 and Q3 2026").first(),
  ).toBeVisible();
  await screenshotBoth(page, "retake-compare-actions");

  await page.goto("/portfolio");
  await expect(
    page.getByRole("heading", { name: "Initiatives across the portfolio" }),
  ).toBeVisible();
  await expect(page.getByText(/organisations? with pilots/)).toBeVisible();
  await screenshotBoth(page, "retake-portfolio");
});

test("a returning respondent sees their last answer beside each question and keeps it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "consultant@gapmap.demo");
  const api = page.request;
  const organization = (await (
    await api.post("/api/v1/organizations", { data: { name: `Retake E2E ${stamp}` } })
  ).json()) as { id: string };
  const round = (await (
    await api.post(`/api/v1/organizations/${organization.id}/assessments`, {
      data: { name: "Q1 2027", roles: ["business"], showPreviousAnswers: true },
    })
  ).json()) as { id: string };
  const {
    data: [link],
  } = (await (
    await api.post(`/api/v1/assessments/${round.id}/invitations`, {
      data: { invitations: [{ name: "Ana Silva", role: "business" }] },
    })
  ).json()) as { data: { token: string }[] };
  expect((await api.post(`/api/v1/assessments/${round.id}/open`)).status()).toBe(200);
  const view = (await (await api.get(`/api/v1/respond/${link!.token}`)).json()) as {
    sections: { questions: { id: string }[] }[];
  };
  const answers = Object.fromEntries(
    view.sections.flatMap((s) => s.questions.map((q) => [q.id, 2])),
  );
  const saved = await api.put(`/api/v1/respond/${link!.token}/answers`, { data: { answers } });
  expect(saved.status(), await saved.text()).toBe(200);
  expect((await api.post(`/api/v1/assessments/${round.id}/close`)).status()).toBe(200);

  const next = await api.post(`/api/v1/assessments/${round.id}/next-round`);
  expect(next.status(), await next.text()).toBe(201);
  const nextRound = (await next.json()) as {
    id: string;
    name: string;
    links: { token: string; name: string }[];
  };
  expect(nextRound.name).toBe("Q2 2027");
  expect((await api.post(`/api/v1/assessments/${nextRound.id}/open`)).status()).toBe(200);

  const ana = nextRound.links.find((l) => l.name === "Ana Silva")!;
  await page.goto(`/respond/${ana.token}`);
  await expect(page.getByText(/You answered Q1 2027/)).toBeVisible();
  await page.getByRole("button", { name: "Start the questionnaire" }).click();
  const first = page.locator("fieldset").first();
  await expect(first.getByText("Your answer in Q1 2027:")).toBeVisible();
  await first.getByRole("button", { name: "Still true: keep this answer" }).click();
  await expect(first.getByText("Confirmed: unchanged since last round.")).toBeVisible();
  const second = page.locator("fieldset").nth(1);
  await second.getByRole("radio").nth(4).check();
  await expect(second.getByText("Changed since last round.")).toBeVisible();
  // The questionnaire keeps a sync loop going, so no network idle to wait for.
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: `tests/e2e/.artifacts/screens/retake-returning-respondent-${width}.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoHorizontalScroll(page);
});
