import "server-only";
import { getDb } from "@/lib/db";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { AppError } from "@/lib/errors";
import {
  getFramework,
  RESPONDENT_ROLES,
  type AnswerValue,
  type Framework,
  type RespondentRole,
} from "@/lib/framework";
import { decodeAnswer } from "@/lib/assessments/schema";
import { focusLabel, nameTheWorkflow } from "./focus";

// The respondent side: no account, the link's token is the credential. Only its hash is stored.

export const invalidLink = () =>
  new AppError(
    "not_found",
    "This link is not valid. Check that it was copied whole, or ask for a new one.",
  );

const linkSelect = {
  id: true,
  kind: true,
  role: true,
  name: true,
  revokedAt: true,
  workspaceId: true,
  previousInvitationId: true,
  assessment: {
    select: {
      id: true,
      name: true,
      state: true,
      roles: true,
      anonymous: true,
      frameworkVersion: true,
      closesAt: true,
      showPreviousAnswers: true,
      focusInitiative: { select: { name: true, workflow: true } },
      organization: { select: { name: true } },
      workspace: { select: { name: true } },
    },
  },
  response: {
    select: {
      id: true,
      role: true,
      startedAt: true,
      submittedAt: true,
      participant: { select: { id: true } },
    },
  },
} as const;

/** The stored hash of a link's token; a token of the wrong shape is an invalid link. */
export function linkTokenHash(token: unknown): string {
  if (typeof token !== "string" || token.length < 10 || token.length > 200) throw invalidLink();
  return hashSecretToken(token);
}

/**
 * A workshop participant's token is stored on an invitation of its own too, but it is no
 * respondent link: the room decides what it may answer and when (castVote), so the respondent
 * endpoints know it no more than an unknown token.
 */
function isWorkshopLink(link: { response: { participant: { id: string } | null } | null }) {
  return link.response?.participant != null;
}

export async function findLink(token: string) {
  const link = await getDb().assessmentInvitation.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: linkSelect,
  });
  if (!link || link.revokedAt || isWorkshopLink(link)) throw invalidLink();
  return link;
}

/**
 * The little a start or a submit needs, in one lean query (the full view joins the organisation
 * and workspace names too, four times slower). A withdrawn link is returned, not refused: the
 * write refuses it as `link_withdrawn` (./write-guard.ts), which its token's holder may know.
 */
export async function findLinkForWrite(token: string) {
  const link = await getDb().assessmentInvitation.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: {
      id: true,
      kind: true,
      revokedAt: true,
      workspaceId: true,
      assessment: { select: { id: true, state: true, roles: true, frameworkVersion: true } },
      response: {
        select: {
          id: true,
          startedAt: true,
          submittedAt: true,
          participant: { select: { id: true } },
        },
      },
    },
  });
  if (!link || isWorkshopLink(link)) throw invalidLink();
  return link;
}

export type RespondentQuestion = {
  id: string;
  text: string;
  help: string;
  levels: string[];
  allowNotApplicable: boolean;
};
export type RespondentSection = {
  id: string;
  name: string;
  description: string;
  questions: RespondentQuestion[];
};

/**
 * The questions a respondent of this role is asked, one section per dimension. With a focus (the
 * workflow of the initiative the round is about), "the workflow" in a question names it.
 */
export function questionsFor(
  framework: Framework,
  role: RespondentRole,
  focus: string | null = null,
): RespondentSection[] {
  const named = (text: string) => (focus ? nameTheWorkflow(text, focus) : text);
  return framework.dimensions
    .map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description,
      questions: d.questions
        .filter((q) => q.audience.includes(role))
        .map((q) => ({
          id: q.id,
          text: named(q.text),
          help: named(q.help),
          levels: [...q.levels],
          allowNotApplicable: q.allowNotApplicable,
        })),
    }))
    .filter((s) => s.questions.length > 0);
}

type AssessmentInfo = {
  name: string;
  organizationName: string;
  askedBy: string;
  state: "draft" | "open" | "closed";
  anonymous: boolean;
  frameworkVersion: string;
  closesAt: string | null;
  /** The workflow the round focuses on (one initiative), or null for the whole organisation. */
  focus: string | null;
};

export type RespondentView =
  | { kind: "open"; round: AssessmentInfo; roles: RespondentRole[] }
  | {
      kind: "personal";
      round: AssessmentInfo;
      respondent: { role: RespondentRole; name: string | null };
      sections: RespondentSection[];
      questionCount: number;
      answers: Record<string, AnswerValue>;
      comments: Record<string, string>;
      submittedAt: string | null;
      /**
       * A returning respondent's own answers in the previous round (the round opted in, is named,
       * and this link continues theirs), to confirm or change; null otherwise.
       */
      previous: null | { roundName: string; answers: Record<string, AnswerValue> };
    };

export async function getRespondentView(token: string): Promise<RespondentView> {
  const link = await findLink(token);
  const a = link.assessment;
  const round: AssessmentInfo = {
    name: a.name,
    organizationName: a.organization.name,
    askedBy: a.workspace.name,
    state: a.state,
    anonymous: a.anonymous,
    frameworkVersion: a.frameworkVersion,
    closesAt: a.closesAt?.toISOString() ?? null,
    focus: a.focusInitiative ? focusLabel(a.focusInitiative) : null,
  };
  const roles = (Array.isArray(a.roles) ? a.roles : []).filter((r): r is RespondentRole =>
    (RESPONDENT_ROLES as readonly unknown[]).includes(r),
  );
  if (link.kind === "open" || !link.response) return { kind: "open", round, roles };
  const role = link.response.role as RespondentRole;
  const sections = questionsFor(getFramework(a.frameworkVersion), role, round.focus);
  const [rows, previous] = await Promise.all([
    getDb().answer.findMany({
      where: { responseId: link.response.id },
      select: { questionId: true, value: true, comment: true },
    }),
    a.showPreviousAnswers && !a.anonymous && link.previousInvitationId
      ? previousAnswers(link.workspaceId, link.previousInvitationId)
      : null,
  ]);
  const answers: Record<string, AnswerValue> = {};
  const comments: Record<string, string> = {};
  for (const row of rows) {
    const value = decodeAnswer(row.value);
    if (value !== null) answers[row.questionId] = value;
    if (row.comment) comments[row.questionId] = row.comment;
  }
  return {
    kind: "personal",
    round,
    respondent: { role, name: link.name },
    sections,
    questionCount: sections.reduce((n, s) => n + s.questions.length, 0),
    answers,
    comments,
    submittedAt: link.response.submittedAt?.toISOString() ?? null,
    previous,
  };
}

/** The answers given through the link this one continues (same workspace), with its round's name. */
async function previousAnswers(
  workspaceId: string,
  invitationId: string,
): Promise<{ roundName: string; answers: Record<string, AnswerValue> } | null> {
  const response = await getDb().response.findFirst({
    where: { workspaceId, invitationId },
    select: {
      assessment: { select: { name: true, anonymous: true } },
      answers: { select: { questionId: true, value: true } },
    },
  });
  if (!response || response.assessment.anonymous || response.answers.length === 0) return null;
  const answers: Record<string, AnswerValue> = {};
  for (const row of response.answers) {
    const value = decodeAnswer(row.value);
    if (value !== null) answers[row.questionId] = value;
  }
  return { roundName: response.assessment.name, answers };
}
