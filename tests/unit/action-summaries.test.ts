import { describe, expect, it } from "vitest";
import { actionsByRecommendation, overdueTitles } from "@/lib/actions/overdue";

describe("action summaries shared by the overview and the reports", () => {
  it("keys only actions tied to a recommendation", () => {
    const map = actionsByRecommendation([
      { id: "a", recommendationId: "r1" },
      { id: "b", recommendationId: null },
    ]);
    expect([...map.keys()]).toEqual(["r1"]);
    expect(map.get("r1")?.id).toBe("a");
  });

  it("names at most three overdue actions and counts the rest", () => {
    const titles = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `T${i + 1}` }));
    expect(overdueTitles(titles(1))).toBe("T1");
    expect(overdueTitles(titles(3))).toBe("T1; T2; T3");
    expect(overdueTitles(titles(5))).toBe("T1; T2; T3; and 2 more");
  });
});
