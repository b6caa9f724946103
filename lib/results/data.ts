import "server-only";
import { readAnswerChanges, type AnswerChanges } from "./changes";
import { getDb } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { findFramework } from "@/lib/framework";
import { findAssessment, getAssessment, type AssessmentView } from "@/lib/assessments/data";
import { buildHeadline, type Headline } from "./headline";
import { explain, type Explanation, type ScoreInput, type ScoreResult } from "@/lib/scoring";
import { parseStoredAgreed, parseStoredInput, parseStoredResult } from "./snapshot";
import type { AgreedInResult } from "./agreed";
import { readCommentsOfScopedAssessment } from "@/lib/comments/data";
import type { CommentsView } from "@/lib/comments/shape";

// Reads of closed rounds' immutable results. Every read parses the stored JSON through
// ./snapshot, the one place that knows its shape.

export type ResultView = {
  assessmentId: string;
  frameworkVersion: string;
  computedAt: Date;
  result: ScoreResult;
  /** How many respondents' answers were scored (from the result, not the stored input). */
  responseCount: number;
  /** Levels agreed in a workshop, which the round scored, each with the individual median. */
  agreed: AgreedInResult[];
};

const resultSelect = { frameworkVersion: true, computedAt: true, result: true } as const;

async function readResult(assessmentId: string): Promise<ResultView | null> {
  const row = await getDb().result.findUnique({ where: { assessmentId }, select: resultSelect });
  if (!row) return null;
  const result = parseStoredResult(row.result, assessmentId);
  return {
    assessmentId,
    frameworkVersion: row.frameworkVersion,
    computedAt: row.computedAt,
    result,
    responseCount: result.overall.respondents,
    agreed: parseStoredAgreed(row.result, assessmentId),
  };
}

/** The result of a round the caller may read; 404 for a round they may not, or before it closes. */
export async function getResult(ctx: WorkspaceContext, assessmentId: string): Promise<ResultView> {
  const assessment = await getAssessment(ctx, assessmentId);
  const result = await readResult(assessment.id);
  if (!result) throw notFound("Result (the round is not closed yet)");
  return result;
}

export type AgreedQuestion = AgreedInResult & { text: string };

export type ResultPageData = {
  assessment: AssessmentView;
  result:
    | null
    | (ResultView & {
        explanation: Explanation;
        headline: Headline;
        /** The levels agreed in a workshop, with the question's wording. */
        agreedQuestions: AgreedQuestion[];
        /** Respondents' comments the caller may see (anonymity and minimum group applied). */
        comments: CommentsView;
      });
  /** What returning respondents changed since their last round; null unless the round opted in. */
  answerChanges: AnswerChanges | null;
};

function withQuestionText(view: ResultView): AgreedQuestion[] {
  const framework = findFramework(view.frameworkVersion);
  const texts = new Map(
    (framework?.dimensions ?? []).flatMap((d) => d.questions.map((q) => [q.id, q.text] as const)),
  );
  return view.agreed.map((a) => ({ ...a, text: texts.get(a.questionId) ?? a.questionId }));
}

/** What the result page shows: the round, and once closed its result explained. Null: not found. */
export async function getResultPage(
  ctx: WorkspaceContext,
  assessmentId: string,
): Promise<ResultPageData | null> {
  const assessment = await findAssessment(ctx, assessmentId);
  if (!assessment) return null;
  const [result, comments, answerChanges] = await Promise.all([
    readResult(assessment.id),
    readCommentsOfScopedAssessment(assessment),
    readAnswerChanges(assessment),
  ]);
  return {
    assessment,
    answerChanges,
    result: result
      ? {
          ...result,
          comments,
          explanation: explain(result.result),
          headline: buildHeadline(result.result),
          agreedQuestions: withQuestionText(result),
        }
      : null,
  };
}

export type Snapshot = { assessmentId: string; frameworkVersion: string; result: ScoreResult };

/**
 * The snapshots of rounds whose ids the caller has already read through a scoped query (the
 * dashboards' own round lists). Looked up by assessment id alone: that is the unique index, and
 * adding the workspace made SQLite scan every result of the workspace (25 ms instead of 5 with
 * 10,000 results).
 */
export async function readSnapshotsOfScopedAssessments(
  assessmentIds: readonly string[],
): Promise<Map<string, Snapshot>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = await getDb().result.findMany({
    where: { assessmentId: { in: [...assessmentIds] } },
    select: { assessmentId: true, frameworkVersion: true, result: true },
  });
  return new Map(
    rows.map((row) => [
      row.assessmentId,
      {
        assessmentId: row.assessmentId,
        frameworkVersion: row.frameworkVersion,
        result: parseStoredResult(row.result, row.assessmentId),
      },
    ]),
  );
}

/** The exact answers a scoped round's result was computed from (the agreement heatmap's source). */
export async function readScoredInputOfScopedAssessment(
  assessmentId: string,
): Promise<ScoreInput | null> {
  const row = await getDb().result.findUnique({ where: { assessmentId }, select: { input: true } });
  return row ? parseStoredInput(row.input, assessmentId) : null;
}
