import { describe, expect, it } from "vitest";
import { nextRoundName } from "@/lib/assessments/schema";
import { focusLabel, nameTheWorkflow } from "@/lib/responses/focus";
import { conversionOf, DELOITTE_CONVERSION, portfolioPipeline } from "@/lib/initiatives/pipeline";

describe("next round names", () => {
  it("the round after a quarter is the next quarter, across the year", () => {
    expect(nextRoundName("Q1 2027")).toBe("Q2 2027");
    expect(nextRoundName("Q4 2026")).toBe("Q1 2027");
  });
  it("any other name says it is the next round", () => {
    expect(nextRoundName("Spring review")).toBe("Spring review (next round)");
    expect(nextRoundName("x".repeat(200)).length).toBeLessThanOrEqual(120);
  });
});

describe("a focused round names the workflow", () => {
  it("names the first 'the workflow' of a question, keeping its case", () => {
    expect(
      nameTheWorkflow("For the workflow you plan to scale, is it monitored?", "claims triage"),
    ).toBe("For the workflow “claims triage” you plan to scale, is it monitored?");
    expect(nameTheWorkflow("The workflow has an owner.", "claims")).toBe(
      "The workflow “claims” has an owner.",
    );
  });
  it("leaves a text without 'the workflow' alone, and does not match inside other words", () => {
    expect(nameTheWorkflow("Is data governed?", "claims")).toBe("Is data governed?");
    expect(nameTheWorkflow("the workflows of the firm", "claims")).toBe(
      "the workflows of the firm",
    );
  });
  it("calls the focus by its workflow, or else the initiative's name", () => {
    expect(focusLabel({ name: "Triage bot", workflow: "claims triage" })).toBe("claims triage");
    expect(focusLabel({ name: "Triage bot", workflow: "  " })).toBe("Triage bot");
  });
});

describe("pilot-to-production conversion from dated status changes", () => {
  const d = (day: number) => new Date(Date.UTC(2027, 0, day));
  const pilotThenLive = [
    { to: "idea", changedAt: d(1) },
    { to: "pilot", changedAt: d(5) },
    { to: "production", changedAt: d(20) },
  ] as const;
  const stillPilot = [{ to: "pilot", changedAt: d(2) }] as const;
  const straightToProduction = [
    { to: "idea", changedAt: d(1) },
    { to: "production", changedAt: d(3) },
  ] as const;
  const scaledThenRetired = [
    { to: "pilot", changedAt: d(1) },
    { to: "scaled", changedAt: d(9) },
    { to: "retired", changedAt: d(30) },
  ] as const;

  it("counts pilots that later reached production or scale; a jump from idea is no pilot", () => {
    expect(
      conversionOf([pilotThenLive, stillPilot, straightToProduction, scaledThenRetired]),
    ).toEqual({ piloted: 3, converted: 2, rate: 0.667 });
  });
  it("reads the rate as of a date: later changes do not count yet", () => {
    expect(conversionOf([pilotThenLive, stillPilot, scaledThenRetired], d(10))).toEqual({
      piloted: 3,
      converted: 1,
      rate: 0.333,
    });
    expect(conversionOf([straightToProduction])).toEqual({ piloted: 0, converted: 0, rate: null });
  });
  it("the portfolio share at 40% compares organisations, as the article's figure does", () => {
    const go = { decision: "go" as const, reasons: [] };
    const p = portfolioPipeline([
      {
        id: "1",
        name: "a",
        organizationId: "x",
        status: "production",
        diagnostic: go,
        history: [...pilotThenLive],
      },
      {
        id: "2",
        name: "b",
        organizationId: "x",
        status: "pilot",
        diagnostic: go,
        history: [...stillPilot],
      },
      {
        id: "3",
        name: "c",
        organizationId: "y",
        status: "pilot",
        diagnostic: go,
        history: [...stillPilot],
      },
      {
        id: "4",
        name: "d",
        organizationId: "z",
        status: "idea",
        diagnostic: go,
        history: [{ to: "idea", changedAt: d(1) }],
      },
    ]);
    // x converted 1 of 2 (50%, at or above 40%); y 0 of 1; z had no pilot.
    expect(p).toMatchObject({
      organizationsWithPilots: 2,
      organizationsAtThreshold: 1,
      shareAtThreshold: 0.5,
    });
    expect(p.conversion).toEqual({ piloted: 3, converted: 1, rate: 0.333 });
    expect(DELOITTE_CONVERSION.shareOfOrganizations).toBe(0.25);
  });
});
