import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { findFramework, respondentRoleSchema, type RespondentRole } from "@/lib/framework";
import { decodeAnswer } from "@/lib/assessments/schema";
import { assessmentScope } from "@/lib/assessments/scope";
import { getAssessment } from "@/lib/assessments/data";
import { AppError } from "@/lib/errors";
import { readAnsweredRespondentsByRole } from "@/lib/privacy/data";
import { respondentName, shownRoles } from "@/lib/privacy/rules";
import { groupComments, type CommentsView, type VisibleComment } from "./shape";

// Respondents' comments, the evidence behind a score. Every read applies the round's anonymity
// and minimum group (lib/privacy/rules) here, so no page, report or export can forget to.

export type ScopedRound = {
  id: string;
  name: string;
  anonymous: boolean;
  minGroupSize: number;
  frameworkVersion: string;
};

/** The visible comments of rounds the caller has already read through a scoped query. */
async function readVisibleComments(
  rounds: readonly ScopedRound[],
  options: { keyQuotesOnly?: boolean } = {},
): Promise<{ comments: Map<string, VisibleComment[]>; hidden: Map<string, RespondentRole[]> }> {
  const comments = new Map<string, VisibleComment[]>();
  const hidden = new Map<string, RespondentRole[]>();
  if (rounds.length === 0) return { comments, hidden };
  const ids = rounds.map((r) => r.id);
  const [counts, rows] = await Promise.all([
    readAnsweredRespondentsByRole(ids),
    getDb().answer.findMany({
      where: {
        response: { assessmentId: { in: ids } },
        comment: { not: null },
        ...(options.keyQuotesOnly ? { keyQuote: { isNot: null } } : {}),
      },
      orderBy: { id: "asc" },
      select: {
        id: true,
        questionId: true,
        value: true,
        comment: true,
        keyQuote: { select: { id: true } },
        response: {
          select: { assessmentId: true, role: true, invitation: { select: { name: true } } },
        },
      },
    }),
  ]);
  const byId = new Map(rounds.map((r) => [r.id, r]));
  const shown = new Map(
    rounds.map((r) => [r.id, shownRoles<string>(counts.get(r.id) ?? {}, r.minGroupSize)]),
  );
  for (const r of rounds) {
    const roleCounts = counts.get(r.id) ?? {};
    hidden.set(
      r.id,
      Object.keys(roleCounts).flatMap((role) => {
        const parsed = respondentRoleSchema.safeParse(role);
        return parsed.success && !shown.get(r.id)?.has(role) ? [parsed.data] : [];
      }),
    );
  }
  for (const row of rows) {
    const round = byId.get(row.response.assessmentId);
    const text = row.comment?.trim();
    const value = decodeAnswer(row.value);
    const role = respondentRoleSchema.safeParse(row.response.role);
    if (!round || !text || value === null || !role.success) continue;
    if (!shown.get(round.id)?.has(role.data)) continue;
    const list = comments.get(round.id) ?? [];
    list.push({
      answerId: row.id,
      questionId: row.questionId,
      value,
      text,
      role: role.data,
      name: respondentName(round, row.response.invitation.name),
      keyQuote: row.keyQuote !== null,
    });
    comments.set(round.id, list);
  }
  return { comments, hidden };
}

/** A scoped round's comments per question, grouped by level, as the result page and dashboard show them. */
export async function readCommentsOfScopedAssessment(round: ScopedRound): Promise<CommentsView> {
  const { comments, hidden } = await readVisibleComments([round]);
  return groupComments(
    findFramework(round.frameworkVersion),
    comments.get(round.id) ?? [],
    hidden.get(round.id) ?? [],
    round.minGroupSize,
  );
}

/**
 * A closed round's comments for the API, as its result page shows them (anonymity and minimum
 * group applied, key quotes marked). Not found outside the caller's scope; an open or draft
 * round shows none yet, like the pages.
 */
export async function getAssessmentComments(
  ctx: WorkspaceContext,
  assessmentId: string,
): Promise<CommentsView> {
  const round = await getAssessment(ctx, assessmentId);
  if (round.state !== "closed")
    throw new AppError(
      "conflict",
      "Comments are shown once the round closes, with its result: close the round first.",
    );
  return readCommentsOfScopedAssessment(round);
}

export type KeyQuote = {
  answerId: string;
  roundName: string;
  questionId: string;
  questionText: string;
  dimensionName: string;
  label: string;
  text: string;
  role: RespondentRole;
  name: string | null;
};

/** The key quotes of an organisation's scoped rounds, newest round first, for the reports. */
export async function readKeyQuotesOfScopedRounds(
  rounds: readonly ScopedRound[],
): Promise<KeyQuote[]> {
  const { comments } = await readVisibleComments(rounds, { keyQuotesOnly: true });
  return [...rounds].reverse().flatMap((round) => {
    const view = groupComments(
      findFramework(round.frameworkVersion),
      comments.get(round.id) ?? [],
      [],
      round.minGroupSize,
    );
    return view.questions.flatMap((q) =>
      q.groups.flatMap((g) =>
        g.comments.map((c) => ({
          answerId: c.answerId,
          roundName: round.name,
          questionId: q.questionId,
          questionText: q.text,
          dimensionName: q.dimensionName,
          label: g.label,
          text: c.text,
          role: c.role,
          name: c.name,
        })),
      ),
    );
  });
}

/**
 * The round of an answer whose comment the caller may see, or null: another workspace's, an
 * executive's ungranted organisation's, a comment withheld by the minimum group, or no comment.
 */
export async function findVisibleComment(
  ctx: WorkspaceContext,
  answerId: string,
): Promise<{ answerId: string; assessmentId: string; questionId: string } | null> {
  assertCan(ctx, "assessment.read");
  const answer = await getDb().answer.findFirst({
    where: { id: answerId, response: { assessment: assessmentScope(ctx) } },
    select: {
      id: true,
      response: {
        select: {
          assessment: {
            select: {
              id: true,
              name: true,
              anonymous: true,
              minGroupSize: true,
              frameworkVersion: true,
            },
          },
        },
      },
    },
  });
  if (!answer) return null;
  const round = answer.response.assessment;
  const { comments } = await readVisibleComments([round]);
  const visible = comments.get(round.id)?.find((c) => c.answerId === answer.id);
  return visible
    ? { answerId: answer.id, assessmentId: round.id, questionId: visible.questionId }
    : null;
}
