import { describe, expect, it } from "vitest";
import { decideGo, needsGo } from "@/lib/initiatives/diagnostic";

describe("the go / no-go of an initiative's three-part diagnostic", () => {
  it("all three parts met is go, with no reasons", () => {
    expect(
      decideGo([
        { part: "data_audit", status: "met" },
        { part: "ownership", status: "met" },
        { part: "monitoring", status: "met" },
      ]),
    ).toEqual({ decision: "go", reasons: [] });
  });

  it("a partial, an unmet and an unchecked part each hold it, with a reason in the diagnostic's order", () => {
    const result = decideGo([
      { part: "monitoring", status: "unmet" },
      { part: "data_audit", status: "partial" },
    ]);
    expect(result.decision).toBe("no_go");
    expect(result.reasons.map((r) => [r.part, r.status])).toEqual([
      ["data_audit", "partial"],
      ["ownership", "unchecked"],
      ["monitoring", "unmet"],
    ]);
    expect(result.reasons[1]?.reason).toBe("Ownership defined: not checked yet.");
  });

  it("nothing recorded is no-go on all three parts", () => {
    expect(decideGo([]).reasons).toHaveLength(3);
  });

  it("only production and scaled need a go", () => {
    expect(
      (["idea", "pilot", "production", "scaled", "retired"] as const).map((s) => needsGo(s)),
    ).toEqual([false, false, true, true, false]);
  });
});
