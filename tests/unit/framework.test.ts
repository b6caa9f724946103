import { describe, expect, it } from "vitest";
import {
  type FrameworkContent,
  RESPONDENT_ROLES,
  UnknownFrameworkVersionError,
  answerValueSchema,
  frameworkContents,
  getFramework,
  latestFrameworkVersion,
  listFrameworkVersions,
  loadFrameworks,
  mapQuestionId,
  respondentRoleSchema,
  validateFramework,
} from "@/lib/framework";

const fw = getFramework("2027.1");
const allQuestions = fw.dimensions.flatMap((d) => d.questions);
const questionById = new Map(allQuestions.map((q) => [q.id, q]));
const latest = frameworkContents[2];

function withEdit(edit: (content: FrameworkContent) => FrameworkContent): unknown {
  return edit(structuredClone(latest) as FrameworkContent);
}

describe("framework versions", () => {
  it("lists 2026.4, 2027.1 then 2027.2, and the latest (what new rounds use) is 2027.2", () => {
    expect(listFrameworkVersions()).toEqual(["2026.4", "2027.1", "2027.2"]);
    expect(latestFrameworkVersion).toBe("2027.2");
    expect(getFramework().version).toBe("2027.2");
  });

  it("refuses an unknown version with the versions that exist", () => {
    expect(() => getFramework("2030.1")).toThrow(UnknownFrameworkVersionError);
    expect(() => getFramework("2030.1")).toThrow(/available: 2026\.4, 2027\.1, 2027\.2/);
  });

  it("hands out frozen frameworks so no caller can change the method by accident", () => {
    expect(Object.isFrozen(fw)).toBe(true);
    expect(Object.isFrozen(fw.dimensions[0]?.questions[0]?.levels)).toBe(true);
  });

  it("maps a renamed question to its new id and a retired one to null", () => {
    expect(mapQuestionId("monitoring.alerting", "2026.4", "2027.1")).toBe(
      "monitoring.drift_alerts",
    );
    expect(mapQuestionId("leadership.ai_budget", "2026.4", "2027.1")).toBeNull();
    expect(mapQuestionId("data.workflow_audit", "2026.4", "2027.1")).toBe("data.workflow_audit");
    expect(mapQuestionId("data.workflow_audit", "2027.1", "2027.1")).toBe("data.workflow_audit");
    // Through 2027.1 into 2027.2, which keeps 2027.1's questions.
    expect(mapQuestionId("monitoring.alerting", "2026.4", "2027.2")).toBe(
      "monitoring.drift_alerts",
    );
    expect(mapQuestionId("leadership.ai_budget", "2026.4", "2027.2")).toBeNull();
  });

  it("2027.2 asks the same questions as 2027.1 and maps from it", () => {
    const ids = (v: string) =>
      getFramework(v).dimensions.flatMap((d) => d.questions.map((q) => q.id));
    expect(ids("2027.2")).toEqual(ids("2027.1"));
    expect(getFramework("2027.2").questionIdMapping?.fromVersion).toBe("2027.1");
  });

  it("2026.4 differs from 2027.1 by one renamed, one retired and one added question", () => {
    const old = new Set(
      getFramework("2026.4").dimensions.flatMap((d) => d.questions.map((q) => q.id)),
    );
    const now = new Set(allQuestions.map((q) => q.id));
    expect([...old].filter((id) => !now.has(id)).sort()).toEqual([
      "leadership.ai_budget",
      "monitoring.alerting",
    ]);
    expect([...now].filter((id) => !old.has(id)).sort()).toEqual([
      "monitoring.drift_alerts",
      "workflow_redesign.exception_paths",
    ]);
  });
});

describe("framework 2027.1 content", () => {
  it("has the five gaps and the two enablers, in that order", () => {
    expect(fw.dimensions.map((d) => [d.id, d.kind])).toEqual([
      ["integration", "gap"],
      ["output_quality", "gap"],
      ["monitoring", "gap"],
      ["ownership", "gap"],
      ["data", "gap"],
      ["workflow_redesign", "enabler"],
      ["leadership", "enabler"],
    ]);
  });

  it("asks 4 to 8 questions per dimension, about 45 in all", () => {
    for (const d of fw.dimensions) {
      expect(d.questions.length).toBeGreaterThanOrEqual(4);
      expect(d.questions.length).toBeLessThanOrEqual(8);
    }
    expect(allQuestions.length).toBeGreaterThanOrEqual(40);
    expect(allQuestions.length).toBeLessThanOrEqual(50);
  });

  it("asks every role at least one question per dimension, and at most 35 in all (15-20 minutes)", () => {
    for (const role of RESPONDENT_ROLES) {
      for (const d of fw.dimensions)
        expect(
          d.questions.some((q) => q.audience.includes(role)),
          `${role} in ${d.id}`,
        ).toBe(true);
      const asked = allQuestions.filter((q) => q.audience.includes(role)).length;
      expect(asked, role).toBeLessThanOrEqual(35);
    }
  });

  it("anchors every question on five distinct descriptions of practice", () => {
    for (const q of allQuestions) {
      expect(new Set(q.levels).size, q.id).toBe(5);
      expect(
        q.levels.some((l) => /\b(dis)?agree\b/i.test(l)),
        q.id,
      ).toBe(false);
    }
  });

  it("cites the article's figures where they fit", () => {
    expect(questionById.get("data.governance_practices")?.help).toContain("63%");
    expect(questionById.get("data.workflow_audit")?.help).toContain("60%");
    expect(questionById.get("workflow_redesign.redesigned_before_deployment")?.help).toMatch(
      /2\.8 times.*55% vs 20%/,
    );
    expect(questionById.get("leadership.visible_modelling")?.help).toContain("five times");
    expect(questionById.get("integration.time_to_production")?.help).toContain("25%");
  });

  it("derives the three diagnostic parts from named critical questions that never allow N/A", () => {
    expect(fw.diagnostic.parts.map((p) => [p.id, p.questionIds])).toEqual([
      ["data_audit", ["data.workflow_audit", "data.governance_practices"]],
      ["ownership", ["ownership.wrong_output_owner", "ownership.business_owner"]],
      ["monitoring", ["monitoring.before_go_live", "monitoring.output_quality_tracking"]],
    ]);
    for (const part of fw.diagnostic.parts) {
      expect(part.questionIds.some((id) => questionById.get(id)?.critical)).toBe(true);
      for (const id of part.questionIds)
        expect(questionById.get(id)?.allowNotApplicable).toBe(false);
    }
  });

  it("has five stages with rising thresholds and the required gates", () => {
    expect(fw.stages.map((s) => [s.stage, s.name, s.minScore])).toEqual([
      [1, "Exploring", 0],
      [2, "Piloting", 30],
      [3, "Ready to scale", 55],
      [4, "Scaling", 70],
      [5, "Embedded", 85],
    ]);
    const gates = new Map(fw.gates.map((g) => [g.id, g]));
    expect(gates.get("diagnostic_not_met")).toMatchObject({ kind: "diagnostic", capAt: 2 });
    expect(gates.get("critical_question_low")).toMatchObject({ belowLevel: 2, capAt: 2 });
    for (const g of fw.gates) expect(g.reason.length, g.id).toBeGreaterThan(60);
  });

  it("orders recommendations by the article's sequence: redesign, ownership, monitoring first", () => {
    expect(fw.sequence.slice(0, 3).map((s) => s.id)).toEqual([
      "redesign",
      "ownership",
      "monitoring",
    ]);
    const steps = new Set(fw.sequence.map((s) => s.id));
    for (const r of fw.recommendations) {
      expect(steps.has(r.step), r.id).toBe(true);
      expect(r.why.length, r.id).toBeGreaterThan(40);
    }
    for (const part of fw.diagnostic.parts)
      for (const id of part.questionIds)
        expect(
          fw.recommendations.some(
            (r) => r.appliesTo.kind === "question" && r.appliesTo.questionId === id,
          ),
          `a recommendation for ${id}`,
        ).toBe(true);
  });
});

describe("framework validation on load", () => {
  it("accepts every shipped version", () => {
    expect(() => loadFrameworks(frameworkContents)).not.toThrow();
  });

  it("rejects a duplicate question id", () => {
    const content = withEdit((c) => {
      const [first] = c.dimensions;
      if (first?.questions[1] && first.questions[0]) first.questions[1].id = first.questions[0].id;
      return c;
    });
    expect(() => validateFramework(content)).toThrow(/duplicate question id integration\./);
  });

  it("rejects a question with four levels instead of five", () => {
    const content = withEdit((c) => {
      const q = c.dimensions[0]?.questions[0];
      if (q) (q as { levels: string[] }).levels = q.levels.slice(0, 4);
      return c;
    });
    expect(() => validateFramework(content)).toThrow(/levels/);
  });

  it("rejects a diagnostic part that names a question that does not exist", () => {
    const content = withEdit((c) => {
      c.diagnostic.parts[0]?.questionIds.push("data.nothing_here");
      return c;
    });
    expect(() => validateFramework(content)).toThrow(/unknown question data\.nothing_here/);
  });

  it("rejects a recommendation tied to an unknown question", () => {
    const content = withEdit((c) => {
      const [rec] = c.recommendations;
      if (rec) rec.appliesTo = { kind: "question", questionId: "x.y", levels: { min: 0, max: 2 } };
      return c;
    });
    expect(() => validateFramework(content)).toThrow(/unknown question x\.y/);
  });

  it("rejects a new version that drops a question without renaming or retiring it", () => {
    const content = withEdit((c) => ({
      ...c,
      questionIdMapping: {
        fromVersion: "2026.4",
        renamed: { "monitoring.alerting": "monitoring.drift_alerts" },
        retired: [],
      },
    })) as FrameworkContent;
    expect(() => loadFrameworks([frameworkContents[0], content])).toThrow(
      /leadership\.ai_budget of 2026\.4 is neither kept, renamed nor retired/,
    );
  });
});

describe("answer and role schemas shared with the web app", () => {
  it("accepts levels 0..4, dont_know and not_applicable", () => {
    for (const v of [0, 1, 2, 3, 4, "dont_know", "not_applicable"])
      expect(answerValueSchema.safeParse(v).success, String(v)).toBe(true);
  });

  it("rejects anything else with one plain message", () => {
    for (const v of [5, -1, 2.5, "3", "yes", null]) {
      const parsed = answerValueSchema.safeParse(v);
      expect(parsed.success, String(v)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(
        'level must be 0..4 or "dont_know" or "not_applicable"',
      );
    }
  });

  it("knows the four respondent roles", () => {
    expect(respondentRoleSchema.options).toEqual(["executive", "business", "technical", "data"]);
    expect(respondentRoleSchema.safeParse("ceo").success).toBe(false);
  });
});
