import { RESPONDENT_ROLES, type Framework } from "@/lib/framework";
import { respondentRoleLabel } from "@/lib/framework/roles";
import { groupIsShown } from "@/lib/privacy/rules";
import { decodeVote, type VoteValue, type WorkshopPhase, type WorkshopPlan } from "./schema";
import { findPlannedQuestion } from "./plan";

// The room's state as the API gives it (GET /api/v1/workshops/{id}/state): a pure function of the
// stored rows, so "blind until reveal" and "small groups folded into others" are read and tested
// in one place. Phones, the big screen and the console all render this one shape.

export type Distribution = {
  "0": number;
  "1": number;
  "2": number;
  "3": number;
  "4": number;
  dont_know: number;
};

export type RoleDistribution = {
  /** A respondent role, or "others": the roles with fewer votes than the round's minimum group. */
  role: string;
  label: string;
  votes: number;
  distribution: Distribution;
};

export type RoomQuestion = {
  id: string;
  text: string;
  help: string;
  levels: string[];
  dimensionName: string;
  critical: boolean;
  /** 1-based place in the workshop's plan, and the plan's length. */
  position: number;
  total: number;
};

export type RoomState = {
  id: string;
  phase: WorkshopPhase;
  /** True when the facilitator paused: a question is shown but voting is not open. */
  paused: boolean;
  questionId: string | null;
  participants: number;
  votes: number;
  /** null until the question is revealed: the vote is blind. */
  distribution: Distribution | null;
  /**
   * After reveal: the distribution per role, roles under the minimum group in "others". null when
   * any vote would be left out of it (see byRoleHidden): the room's totals minus the roles shown
   * would give those votes away.
   */
  byRole: RoleDistribution[] | null;
  /** True after reveal when the breakdown by role is withheld because a group is too small. */
  byRoleHidden: boolean;
  /** After reveal: lowest and highest level voted, and the median (levels only, no "Don't know"). */
  spread: { min: number; max: number; median: number } | null;
  agreed: { value: VoteValue; reason: string } | null;
  /** The caller's own vote on the current question (participants only, else null). */
  myVote: VoteValue | null;
  question: RoomQuestion | null;
  countdownEndsAt: string | null;
  /** The join code while the workshop runs (null once ended). */
  code: string | null;
  round: { name: string; anonymous: boolean };
  planKind: WorkshopPlan["kind"];
  serverTime: string;
};

export type RoomRows = {
  workshop: {
    id: string;
    liveCode: string | null;
    phase: WorkshopPhase;
    currentQuestionId: string | null;
    countdownEndsAt: Date | null;
    plan: WorkshopPlan;
  };
  round: { name: string; anonymous: boolean; minGroupSize: number };
  framework: Framework;
  participants: number;
  /** The room's answers to the current question: one per participant who voted. */
  votes: readonly { responseId: string; role: string; value: string }[];
  agreed: { value: string; reason: string } | null;
  /** The participant asking (their response), or null for a member. */
  viewerResponseId: string | null;
  now: Date;
};

export const emptyDistribution = (): Distribution => ({
  "0": 0,
  "1": 0,
  "2": 0,
  "3": 0,
  "4": 0,
  dont_know: 0,
});

const LEVEL_KEYS = ["0", "1", "2", "3", "4"] as const;

function add(into: Distribution, value: VoteValue): void {
  if (value === "dont_know") into.dont_know += 1;
  else into[LEVEL_KEYS[value]] += 1;
}

function medianOf(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[mid]!
    : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
}

/**
 * Per role, in the framework's role order; a role with fewer votes than the round's minimum group
 * is folded into "others". When "others" is itself under the minimum, it is left out: one
 * executive must not be spotted as "others: 1 vote at 4". (Its votes still count in the room's
 * total, so the room's state then withholds the whole breakdown: buildRoomState.)
 */
export function distributionByRole(
  votes: readonly { role: string; value: VoteValue }[],
  minGroupSize: number,
): RoleDistribution[] {
  const byRole = new Map<string, VoteValue[]>();
  for (const vote of votes) byRole.set(vote.role, [...(byRole.get(vote.role) ?? []), vote.value]);
  const order = [
    ...RESPONDENT_ROLES.filter((r) => byRole.has(r)),
    ...[...byRole.keys()].filter((r) => !(RESPONDENT_ROLES as readonly string[]).includes(r)),
  ];
  const shown: RoleDistribution[] = [];
  const others: RoleDistribution = {
    role: "others",
    label: "Others",
    votes: 0,
    distribution: emptyDistribution(),
  };
  for (const role of order) {
    const values = byRole.get(role) ?? [];
    const target = groupIsShown(values.length, minGroupSize)
      ? {
          role,
          label: respondentRoleLabel(role),
          votes: 0,
          distribution: emptyDistribution(),
        }
      : others;
    for (const value of values) {
      add(target.distribution, value);
      target.votes += 1;
    }
    if (target !== others) shown.push(target);
  }
  if (groupIsShown(others.votes, minGroupSize)) shown.push(others);
  return shown;
}

export function buildRoomState(rows: RoomRows): RoomState {
  const { workshop, framework } = rows;
  const votes = rows.votes.flatMap((v) => {
    const value = decodeVote(v.value);
    return value === null ? [] : [{ ...v, value }];
  });
  const currentId = workshop.currentQuestionId;
  const planned = currentId ? findPlannedQuestion(framework, currentId) : null;
  // Blind until the facilitator reveals: ending a workshop mid-vote shows nothing either.
  const revealed = workshop.phase === "revealed";
  const position = currentId ? workshop.plan.questionIds.indexOf(currentId) + 1 : 0;
  let distribution: Distribution | null = null;
  let byRole: RoleDistribution[] | null = null;
  let byRoleHidden = false;
  let spread: RoomState["spread"] = null;
  if (revealed && currentId) {
    distribution = emptyDistribution();
    for (const vote of votes) add(distribution, vote.value);
    const shown = distributionByRole(votes, rows.round.minGroupSize);
    // The totals are shown: a breakdown that leaves any vote out gives it away by subtraction.
    byRoleHidden = shown.reduce((n, r) => n + r.votes, 0) < votes.length;
    byRole = byRoleHidden ? null : shown;
    const levels = votes
      .flatMap((v) => (v.value === "dont_know" ? [] : [v.value]))
      .sort((a, b) => a - b);
    if (levels.length > 0)
      spread = { min: levels[0]!, max: levels.at(-1)!, median: medianOf(levels) };
  }
  const agreedValue = rows.agreed ? decodeVote(rows.agreed.value) : null;
  const mine = rows.viewerResponseId
    ? votes.find((v) => v.responseId === rows.viewerResponseId)
    : undefined;
  return {
    id: workshop.id,
    phase: workshop.phase,
    paused: workshop.phase === "lobby" && currentId !== null,
    questionId: currentId,
    participants: rows.participants,
    votes: votes.length,
    distribution,
    byRole,
    byRoleHidden,
    spread,
    agreed:
      rows.agreed && agreedValue !== null
        ? { value: agreedValue, reason: rows.agreed.reason }
        : null,
    myVote: mine?.value ?? null,
    question: planned
      ? {
          id: planned.id,
          text: planned.text,
          help: planned.help,
          levels: [...planned.levels],
          dimensionName: planned.dimensionName,
          critical: planned.critical,
          position,
          total: workshop.plan.questionIds.length,
        }
      : null,
    countdownEndsAt:
      workshop.phase === "voting" && workshop.countdownEndsAt
        ? workshop.countdownEndsAt.toISOString()
        : null,
    code: workshop.phase === "ended" ? null : workshop.liveCode,
    round: { name: rows.round.name, anonymous: rows.round.anonymous },
    planKind: workshop.plan.kind,
    serverTime: rows.now.toISOString(),
  };
}
