import { describe, expect, it } from "vitest";
import { nextRoundName } from "@/lib/assessments/schema";
import { focusLabel, nameTheWorkflow } from "@/lib/responses/focus";

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
