import { describe, expect, it } from "vitest";
import { getFramework, latestFrameworkVersion } from "@/lib/framework";
import {
  generateJoinCode,
  isJoinCodeShape,
  JOIN_CODE_ALPHABET,
  normalizeJoinCode,
} from "@/lib/workshops/code";
import { buildPlan, gatingQuestionIds, stepThroughPlan } from "@/lib/workshops/plan";
import { buildRoomState, distributionByRole, type RoomRows } from "@/lib/workshops/state";
import { decodeVote, joinWorkshopSchema } from "@/lib/workshops/schema";

const framework = getFramework(latestFrameworkVersion);
const allIds = framework.dimensions.flatMap((d) => d.questions.map((q) => q.id));

function rows(overrides: Partial<RoomRows> = {}): RoomRows {
  return {
    workshop: {
      id: "w1",
      liveCode: "ABC234",
      phase: "voting",
      currentQuestionId: allIds[0]!,
      countdownEndsAt: null,
      plan: { kind: "all", questionIds: allIds },
    },
    round: { name: "Q1 2027", anonymous: false, minGroupSize: 3 },
    framework,
    participants: 7,
    votes: [
      { responseId: "r1", role: "executive", value: "4" },
      { responseId: "r2", role: "technical", value: "0" },
      { responseId: "r3", role: "technical", value: "1" },
      { responseId: "r4", role: "technical", value: "dont_know" },
      { responseId: "r5", role: "business", value: "2" },
    ],
    agreed: null,
    viewerResponseId: null,
    now: new Date("2027-01-01T10:00:00Z"),
    ...overrides,
  };
}

describe("join codes", () => {
  it("use six characters without look-alikes (no 0/O, 1/I/L)", () => {
    for (const ch of "0O1IL") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    for (let i = 0; i < 200; i += 1) {
      const code = generateJoinCode();
      expect(code).toHaveLength(6);
      expect(isJoinCodeShape(code)).toBe(true);
    }
  });

  it("are read whatever the case, spaces and dashes typed", () => {
    expect(normalizeJoinCode(" abc-23k ")).toBe("ABC23K");
    expect(joinWorkshopSchema.parse({ code: "abc 23k", role: "data" }).code).toBe("ABC23K");
  });
});

describe("workshop plans", () => {
  it("the whole questionnaire, one dimension, or the gating questions", () => {
    expect(buildPlan(framework, { kind: "all" }).questionIds).toEqual(allIds);
    const dimension = framework.dimensions[2]!;
    expect(
      buildPlan(framework, { kind: "dimension", dimensionId: dimension.id }).questionIds,
    ).toEqual(dimension.questions.map((q) => q.id));
    const gating = buildPlan(framework, { kind: "gating" }).questionIds;
    expect(gating.length).toBeGreaterThan(3);
    expect(gating.length).toBeLessThan(allIds.length);
    for (const part of framework.diagnostic.parts)
      for (const id of part.questionIds) expect(gating).toContain(id);
    expect(new Set(gating)).toEqual(gatingQuestionIds(framework));
  });

  it("next and back walk the plan and stop at its ends", () => {
    const plan = { kind: "all" as const, questionIds: ["a.x", "a.y"] };
    expect(stepThroughPlan(plan, null, 1)).toBe("a.x");
    expect(stepThroughPlan(plan, "a.x", 1)).toBe("a.y");
    expect(stepThroughPlan(plan, "a.y", 1)).toBeNull();
    expect(stepThroughPlan(plan, "a.y", -1)).toBe("a.x");
    expect(stepThroughPlan(plan, "a.x", -1)).toBeNull();
  });
});

describe("the room's state", () => {
  it("is blind while voting: a count of votes, no distribution", () => {
    const state = buildRoomState(rows());
    expect(state.votes).toBe(5);
    expect(state.participants).toBe(7);
    expect(state.distribution).toBeNull();
    expect(state.byRole).toBeNull();
    expect(state.spread).toBeNull();
    expect(state.question?.levels).toHaveLength(5);
    expect(state.question?.position).toBe(1);
  });

  it("stays blind when the workshop ends mid-vote", () => {
    const base = rows();
    const state = buildRoomState({ ...base, workshop: { ...base.workshop, phase: "ended" } });
    expect(state.distribution).toBeNull();
    expect(state.code).toBeNull();
  });

  it("after reveal shows the distribution with Don't know, the spread and the median", () => {
    const base = rows();
    const state = buildRoomState({ ...base, workshop: { ...base.workshop, phase: "revealed" } });
    expect(state.distribution).toEqual({ "0": 1, "1": 1, "2": 1, "3": 0, "4": 1, dont_know: 1 });
    expect(state.spread).toEqual({ min: 0, max: 4, median: 1.5 });
  });

  it("shows no breakdown by role when any vote would be left out of it: the totals would give it away", () => {
    const base = rows();
    const state = buildRoomState({ ...base, workshop: { ...base.workshop, phase: "revealed" } });
    // technical has 3 votes; executive 1 + business 1 = others with 2 < 3. Showing technical alone
    // would give the two others' votes away by subtraction from the room's totals.
    expect(state.byRole).toBeNull();
    expect(state.byRoleHidden).toBe(true);
    expect(state.distribution).toEqual({ "0": 1, "1": 1, "2": 1, "3": 0, "4": 1, dont_know: 1 });
    // 4 technical + 1 executive: the executive's vote is not to be read off the totals.
    const lone = rows({
      votes: [
        ...["a", "b", "c", "d"].map((id) => ({ responseId: id, role: "technical", value: "2" })),
        { responseId: "e", role: "executive", value: "4" },
      ],
    });
    const shown = buildRoomState({ ...lone, workshop: { ...lone.workshop, phase: "revealed" } });
    expect(shown.byRole).toBeNull();
    expect(shown.byRoleHidden).toBe(true);
    // Every vote in a group large enough: the breakdown is shown.
    const all = rows({ votes: lone.votes.slice(0, 4) });
    const full = buildRoomState({ ...all, workshop: { ...all.workshop, phase: "revealed" } });
    expect(full.byRole?.map((r) => [r.role, r.votes])).toEqual([["technical", 4]]);
    expect(full.byRoleHidden).toBe(false);
    expect(buildRoomState(rows()).byRoleHidden).toBe(false);
  });

  it("folds roles under the minimum group into others, and leaves others out while it is too small", () => {
    const folded = distributionByRole(
      [
        { role: "executive", value: 4 },
        { role: "business", value: 3 },
        { role: "business", value: 3 },
        { role: "data", value: "dont_know" },
        { role: "data", value: 0 },
        { role: "data", value: 0 },
      ],
      3,
    );
    expect(folded.map((r) => [r.role, r.votes])).toEqual([
      ["data", 3],
      ["others", 3],
    ]);
    expect(folded[1]!.distribution).toEqual({
      "0": 0,
      "1": 0,
      "2": 0,
      "3": 2,
      "4": 1,
      dont_know: 0,
    });
  });

  it("gives a participant their own vote, and a member none", () => {
    expect(buildRoomState(rows({ viewerResponseId: "r4" })).myVote).toBe("dont_know");
    expect(buildRoomState(rows({ viewerResponseId: "r9" })).myVote).toBeNull();
    expect(buildRoomState(rows()).myVote).toBeNull();
  });

  it("shows the agreed level and the countdown only while voting", () => {
    const at = new Date("2027-01-01T10:01:00Z");
    const base = rows({ agreed: { value: "2", reason: "Pilots only" } });
    expect(
      buildRoomState({ ...base, workshop: { ...base.workshop, countdownEndsAt: at } }),
    ).toMatchObject({
      agreed: { value: 2, reason: "Pilots only" },
      countdownEndsAt: at.toISOString(),
    });
    expect(
      buildRoomState({
        ...base,
        workshop: { ...base.workshop, phase: "revealed", countdownEndsAt: at },
      }).countdownEndsAt,
    ).toBeNull();
  });

  it("ignores stored values that are not votes", () => {
    expect(decodeVote("not_applicable")).toBeNull();
    expect(decodeVote("07")).toBeNull();
    expect(decodeVote("3")).toBe(3);
  });
});
