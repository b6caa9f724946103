import "server-only";
import { getDb } from "@/lib/db";
import { decodeAnswer } from "@/lib/assessments/schema";
import type { AssessmentView } from "@/lib/assessments/data";
import { findFramework, type AnswerValue } from "@/lib/framework";

// What returning respondents changed: each answer of a round that opted in to showing last
// answers, beside the same respondent's answer in the previous round (their link continues the
// previous one). Anonymous rounds never link respondents, so they have nothing here.

export type QuestionChange = {
  questionId: string;
  text: string;
  /** Respondents whose answer changed: to a higher level, a lower one, or to or from "don't know" / n/a. */
  changed: number;
  up: number;
  down: number;
  confirmed: number;
};

export type AnswerChanges = {
  previousRoundName: string | null;
  /** Respondents of this round who answered the previous round too. */
  returning: number;
  confirmed: number;
  changed: number;
  /** Questions with at least one change, most changed first. */
  questions: QuestionChange[];
};

/** Pure: pairs of (before, after) answers per question to counts. */
export function countChanges(
  pairs: readonly { questionId: string; before: AnswerValue; after: AnswerValue }[],
  textOf: (id: string) => string,
): Pick<AnswerChanges, "confirmed" | "changed" | "questions"> {
  const byQuestion = new Map<string, QuestionChange>();
  let confirmed = 0;
  let changed = 0;
  for (const { questionId, before, after } of pairs) {
    const entry = byQuestion.get(questionId) ?? {
      questionId,
      text: textOf(questionId),
      changed: 0,
      up: 0,
      down: 0,
      confirmed: 0,
    };
    if (before === after) {
      entry.confirmed++;
      confirmed++;
    } else {
      entry.changed++;
      changed++;
      if (typeof before === "number" && typeof after === "number") {
        if (after > before) entry.up++;
        else entry.down++;
      }
    }
    byQuestion.set(questionId, entry);
  }
  const questions = [...byQuestion.values()]
    .filter((q) => q.changed > 0)
    .sort((a, b) => b.changed - a.changed || a.questionId.localeCompare(b.questionId));
  return { confirmed, changed, questions };
}

/** For a round the caller already read through its scope (the result page); null when it did not opt in. */
export async function readAnswerChanges(assessment: AssessmentView): Promise<AnswerChanges | null> {
  if (!assessment.showPreviousAnswers || assessment.anonymous) return null;
  const responses = await getDb().response.findMany({
    where: { assessmentId: assessment.id, invitation: { previousInvitationId: { not: null } } },
    select: {
      answers: { select: { questionId: true, value: true } },
      invitation: { select: { previousInvitationId: true } },
    },
  });
  const previousIds = responses.flatMap((r) =>
    r.invitation.previousInvitationId ? [r.invitation.previousInvitationId] : [],
  );
  const previous = await getDb().response.findMany({
    where: { invitationId: { in: previousIds }, assessment: { anonymous: false } },
    select: {
      invitationId: true,
      assessment: { select: { name: true } },
      answers: { select: { questionId: true, value: true } },
    },
  });
  const before = new Map(previous.map((p) => [p.invitationId, p]));
  const pairs: { questionId: string; before: AnswerValue; after: AnswerValue }[] = [];
  let returning = 0;
  for (const response of responses) {
    const earlier = before.get(response.invitation.previousInvitationId ?? "");
    if (!earlier || earlier.answers.length === 0 || response.answers.length === 0) continue;
    returning++;
    const old = new Map(earlier.answers.map((a) => [a.questionId, decodeAnswer(a.value)]));
    for (const answer of response.answers) {
      const was = old.get(answer.questionId);
      const now = decodeAnswer(answer.value);
      if (was === undefined || was === null || now === null) continue;
      pairs.push({ questionId: answer.questionId, before: was, after: now });
    }
  }
  const framework = findFramework(assessment.frameworkVersion);
  const texts = new Map(
    framework?.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q.text] as const)) ?? [],
  );
  return {
    previousRoundName: previous[0]?.assessment.name ?? null,
    returning,
    ...countChanges(pairs, (id) => texts.get(id) ?? id),
  };
}
