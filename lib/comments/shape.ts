import type { AnswerValue, Framework, Question, RespondentRole } from "@/lib/framework";
import { RESPONDENT_ROLES } from "@/lib/framework";
import { respondentRoleLabel } from "@/lib/framework/roles";

// Pure shaping of respondents' comments: no I/O, unit-tested directly. Which comments may be
// shown at all is decided before they get here (./data.ts, with lib/privacy/rules).

/** An answer in words: its level (null for "Don't know" and N/A) and the label shown for it. */
export function describeAnswer(
  value: AnswerValue,
  question: Pick<Question, "levels"> | undefined,
): { level: number | null; label: string; dontKnow: boolean; notApplicable: boolean } {
  if (value === "dont_know")
    return { level: null, label: "Don't know", dontKnow: true, notApplicable: false };
  if (value === "not_applicable")
    return { level: null, label: "Not applicable", dontKnow: false, notApplicable: true };
  const text = question?.levels[value];
  return {
    level: value,
    label: text ? `Level ${value}: ${text}` : `Level ${value}`,
    dontKnow: false,
    notApplicable: false,
  };
}

export type VisibleComment = {
  answerId: string;
  questionId: string;
  value: AnswerValue;
  text: string;
  role: RespondentRole;
  /** The respondent's name; always null in an anonymous round. */
  name: string | null;
  keyQuote: boolean;
};

export type CommentGroup = {
  /** "0".."4", "dont_know" or "not_applicable", in that order. */
  value: AnswerValue;
  label: string;
  comments: VisibleComment[];
};

export type QuestionComments = {
  questionId: string;
  text: string;
  dimension: string;
  dimensionName: string;
  groups: CommentGroup[];
};

export type CommentsView = {
  questions: QuestionComments[];
  total: number;
  /** Roles whose comments are withheld: fewer respondents than the round's minimum group. */
  hiddenRoles: RespondentRole[];
  hiddenReason: string | null;
  minGroupSize: number;
};

const ORDER: AnswerValue[] = [0, 1, 2, 3, 4, "dont_know", "not_applicable"];

/** Comments per question in the framework's order, grouped by the level the respondent gave. */
export function groupComments(
  framework: Framework | undefined,
  comments: readonly VisibleComment[],
  hiddenRoles: readonly RespondentRole[],
  minGroupSize: number,
): CommentsView {
  const byQuestion = new Map<string, VisibleComment[]>();
  for (const c of comments)
    byQuestion.set(c.questionId, [...(byQuestion.get(c.questionId) ?? []), c]);
  const questions: QuestionComments[] = [];
  for (const dimension of framework?.dimensions ?? []) {
    for (const question of dimension.questions) {
      const list = byQuestion.get(question.id);
      if (!list?.length) continue;
      questions.push({
        questionId: question.id,
        text: question.text,
        dimension: dimension.id,
        dimensionName: dimension.name,
        groups: ORDER.flatMap((value) => {
          const inGroup = list
            .filter((c) => c.value === value)
            .sort(
              (a, b) =>
                RESPONDENT_ROLES.indexOf(a.role) - RESPONDENT_ROLES.indexOf(b.role) ||
                a.answerId.localeCompare(b.answerId),
            );
          return inGroup.length
            ? [{ value, label: describeAnswer(value, question).label, comments: inGroup }]
            : [];
        }),
      });
    }
  }
  const hidden = RESPONDENT_ROLES.filter((r) => hiddenRoles.includes(r));
  return {
    questions,
    total: questions.reduce((n, q) => n + q.groups.reduce((m, g) => m + g.comments.length, 0), 0),
    hiddenRoles: hidden,
    hiddenReason: hidden.length
      ? `Comments from ${hidden.map((r) => respondentRoleLabel(r).toLowerCase()).join(", ")} respondents are not shown: fewer than ${minGroupSize} answered, so no one can be singled out.`
      : null,
    minGroupSize,
  };
}
