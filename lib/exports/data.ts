import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { findFramework, RESPONDENT_ROLES, type Question } from "@/lib/framework";
import { decodeAnswer } from "@/lib/assessments/schema";
import { assessmentScope } from "@/lib/assessments/scope";
import { scopedOrganizationId } from "@/lib/organizations/data";
import { readSnapshotsOfScopedAssessments } from "@/lib/results/data";
import { readAnsweredRespondentsByRole } from "@/lib/privacy/data";
import { respondentKey, respondentName, shownRoles } from "@/lib/privacy/rules";
import { describeAnswer } from "@/lib/comments/shape";

// The data exports: every answer in long form and every result in wide form, for an
// organisation or one round. The round's anonymity and minimum group (lib/privacy/rules) hold
// here, once, for CSV, XLSX and JSON alike: an anonymous round gives no respondent id or name,
// only r1, r2... as its result does, and a role with fewer respondents than the round's minimum
// group is left out of the answers and of the results by role (and named in `withheld_roles`).

export type ExportScope = { organizationId: string } | { assessmentId: string };

type Round = {
  id: string;
  name: string;
  state: string;
  anonymous: boolean;
  minGroupSize: number;
  frameworkVersion: string;
  closedAt: Date | null;
};

export const ANSWER_COLUMNS = [
  "round_id",
  "round",
  "respondent",
  "respondent_name",
  "role",
  "question_id",
  "question",
  "dimension",
  "level",
  "label",
  "dont_know",
  "not_applicable",
  "comment",
  "answered_at",
] as const;

export type AnswerRow = {
  round_id: string;
  round: string;
  respondent: string;
  respondent_name: string | null;
  role: string;
  question_id: string;
  question: string;
  dimension: string;
  level: number | null;
  label: string;
  dont_know: boolean;
  not_applicable: boolean;
  comment: string | null;
  answered_at: string;
};

export type ExportData = {
  /** The organisation's name, for file names. */
  name: string;
  answers: AnswerRow[];
  /** Column names of the results, in order (the dimension columns depend on the rounds). */
  resultColumns: string[];
  results: Record<string, string | number | boolean | null>[];
};

async function scopedRounds(
  ctx: WorkspaceContext,
  scope: ExportScope,
): Promise<{ name: string; rounds: Round[] }> {
  assertCan(ctx, "assessment.read");
  const db = getDb();
  const select = {
    id: true,
    name: true,
    state: true,
    anonymous: true,
    minGroupSize: true,
    frameworkVersion: true,
    closedAt: true,
    createdAt: true,
    organization: { select: { name: true } },
  } as const;
  if ("assessmentId" in scope) {
    const round = await db.assessment.findFirst({
      where: { ...assessmentScope(ctx), id: scope.assessmentId },
      select,
    });
    if (!round) throw notFound("Assessment");
    return { name: `${round.organization.name} ${round.name}`, rounds: [round] };
  }
  const organizationId = await scopedOrganizationId(ctx, scope.organizationId);
  const rounds = await db.assessment.findMany({
    where: { ...assessmentScope(ctx), organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select,
  });
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true },
  });
  return { name: organization.name, rounds };
}

function questionsOf(version: string): Map<string, { question: Question; dimension: string }> {
  const framework = findFramework(version);
  return new Map(
    (framework?.dimensions ?? []).flatMap((d) =>
      d.questions.map((q) => [q.id, { question: q, dimension: d.id }] as const),
    ),
  );
}

/** Answers of the rounds, one row per answer, the rules of each round applied. */
async function answerRows(rounds: readonly Round[]): Promise<AnswerRow[]> {
  const counts = await readAnsweredRespondentsByRole(rounds.map((r) => r.id));
  const rows: AnswerRow[] = [];
  for (const round of rounds) {
    const shown = shownRoles<string>(counts.get(round.id) ?? {}, round.minGroupSize);
    const questions = questionsOf(round.frameworkVersion);
    // Ordered by id and counted over respondents who answered, as the scored input is, so an
    // anonymous round's r1, r2... are the same respondents as in its result.
    const responses = await getDb().response.findMany({
      where: { assessmentId: round.id, answers: { some: {} } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        role: true,
        invitation: { select: { name: true } },
        answers: {
          orderBy: { questionId: "asc" },
          select: { questionId: true, value: true, comment: true, updatedAt: true },
        },
      },
    });
    for (const [position, response] of responses.entries()) {
      if (!shown.has(response.role)) continue;
      const respondent = respondentKey(round, { id: response.id, position });
      const name = respondentName(round, response.invitation.name);
      for (const answer of response.answers) {
        const value = decodeAnswer(answer.value);
        if (value === null) continue;
        const known = questions.get(answer.questionId);
        const described = describeAnswer(value, known?.question);
        rows.push({
          round_id: round.id,
          round: round.name,
          respondent,
          respondent_name: name,
          role: response.role,
          question_id: answer.questionId,
          question: known?.question.text ?? answer.questionId,
          dimension: known?.dimension ?? "",
          level: described.level,
          label: described.label,
          dont_know: described.dontKnow,
          not_applicable: described.notApplicable,
          comment: answer.comment?.trim() || null,
          answered_at: answer.updatedAt.toISOString(),
        });
      }
    }
  }
  return rows;
}

/** One row per closed round: the headline, each dimension's score and target, by role where shown. */
async function resultRows(
  rounds: readonly Round[],
): Promise<Pick<ExportData, "resultColumns" | "results">> {
  const closed = rounds.filter((r) => r.state === "closed");
  const snapshots = await readSnapshotsOfScopedAssessments(closed.map((r) => r.id));
  const dimensionIds: string[] = [];
  const partIds: string[] = [];
  for (const snapshot of snapshots.values()) {
    for (const d of snapshot.result.dimensions)
      if (!dimensionIds.includes(d.id)) dimensionIds.push(d.id);
    for (const p of snapshot.result.diagnostic) if (!partIds.includes(p.id)) partIds.push(p.id);
  }
  const columns = [
    "round_id",
    "round",
    "closed_at",
    "framework_version",
    "anonymous",
    "min_group_size",
    "respondents",
    "stage",
    "stage_name",
    "index",
    "confidence",
    "coverage",
    "ready_to_scale",
    "withheld_roles",
    ...dimensionIds.flatMap((d) => [`${d}_score`, `${d}_target`]),
    ...partIds.map((p) => `diagnostic_${p}`),
    ...dimensionIds.flatMap((d) => RESPONDENT_ROLES.map((role) => `${d}_${role}`)),
  ];
  const results = closed.flatMap((round) => {
    const snapshot = snapshots.get(round.id);
    if (!snapshot) return [];
    const r = snapshot.result;
    const counts = r.overall.respondentsByRole;
    const shown = shownRoles(counts, round.minGroupSize);
    const withheld = RESPONDENT_ROLES.filter((role) => (counts[role] ?? 0) > 0 && !shown.has(role));
    const row: Record<string, string | number | boolean | null> = {
      round_id: round.id,
      round: round.name,
      closed_at: round.closedAt?.toISOString() ?? null,
      framework_version: snapshot.frameworkVersion,
      anonymous: round.anonymous,
      min_group_size: round.minGroupSize,
      respondents: r.overall.respondents,
      stage: r.overall.stage,
      stage_name: r.overall.stageName,
      index: r.overall.score,
      confidence: r.overall.confidence,
      coverage: r.overall.coverage,
      ready_to_scale: r.readyToScale,
      withheld_roles: withheld.join(" "),
    };
    for (const d of r.dimensions) {
      row[`${d.id}_score`] = d.score;
      row[`${d.id}_target`] = d.target;
      for (const role of shown) row[`${d.id}_${role}`] = d.byRole[role] ?? null;
    }
    for (const p of r.diagnostic) row[`diagnostic_${p.id}`] = p.status;
    return [Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))];
  });
  return { resultColumns: columns, results };
}

/** Answers (long) and results (wide) of an organisation or a round the caller may read. */
export async function readExport(
  ctx: WorkspaceContext,
  scope: ExportScope,
  kinds: { answers: boolean; results: boolean } = { answers: true, results: true },
): Promise<ExportData> {
  const { name, rounds } = await scopedRounds(ctx, scope);
  const [answers, results] = await Promise.all([
    kinds.answers ? answerRows(rounds) : Promise.resolve([]),
    kinds.results ? resultRows(rounds) : Promise.resolve({ resultColumns: [], results: [] }),
  ]);
  return { name, answers, ...results };
}
