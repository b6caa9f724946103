import { z } from "zod";
import { text } from "@/lib/validation/text";
import {
  answerValueSchema,
  findFramework,
  latestFrameworkVersion,
  RESPONDENT_ROLES,
  respondentRoleSchema,
  type AnswerValue,
  type Framework,
} from "@/lib/framework";
import { emailSchema } from "@/lib/accounts/schema";

export const ASSESSMENT_NAME_MAX = 120;
export const COMMENT_MAX = 2000;
export const MAX_INVITATIONS_PER_REQUEST = 500;

const isoDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "Use a date like 2027-03-31." })
  .transform((v) => new Date(v));

export const createAssessmentSchema = z
  .strictObject({
    name: text({ error: "Enter a name, e.g. “Q1 2027”." })
      .trim()
      .min(1, "Enter a name, e.g. “Q1 2027”.")
      .max(ASSESSMENT_NAME_MAX, `Use at most ${ASSESSMENT_NAME_MAX} characters.`),
    frameworkVersion: text().max(20).optional(),
    roles: z
      .array(respondentRoleSchema)
      .min(1, "Choose at least one respondent role.")
      .refine((r) => new Set(r).size === r.length, "Each role once.")
      .optional(),
    anonymous: z.boolean().optional(),
    minGroupSize: z.number().int().min(1).max(50).optional(),
    opensAt: isoDate.nullish(),
    closesAt: isoDate.nullish(),
    targets: z.record(text(), z.number().min(0).max(100)).optional(),
    // The initiative the round focuses on (one of the organisation's), or none.
    focusInitiativeId: text().trim().max(64).nullish(),
    showPreviousAnswers: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.showPreviousAnswers && v.anonymous) {
      ctx.addIssue({
        code: "custom",
        path: ["showPreviousAnswers"],
        message:
          "An anonymous round cannot show respondents their last answers: it does not know who they are.",
      });
    }
    const version = v.frameworkVersion ?? latestFrameworkVersion;
    const framework = findFramework(version);
    if (!framework) {
      ctx.addIssue({
        code: "custom",
        path: ["frameworkVersion"],
        message: `Unknown framework version "${version}".`,
      });
      return;
    }
    for (const dimension of Object.keys(v.targets ?? {})) {
      if (!framework.dimensions.some((d) => d.id === dimension)) {
        ctx.addIssue({
          code: "custom",
          path: ["targets", dimension],
          message: "Unknown dimension.",
        });
      }
    }
    if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "Closes before it opens." });
    }
  })
  .transform((v) => ({
    name: v.name,
    frameworkVersion: v.frameworkVersion ?? latestFrameworkVersion,
    roles: v.roles ?? [...RESPONDENT_ROLES],
    anonymous: v.anonymous ?? false,
    minGroupSize: v.minGroupSize ?? 3,
    opensAt: v.opensAt ?? null,
    closesAt: v.closesAt ?? null,
    targets: v.targets ?? null,
    focusInitiativeId: v.focusInitiativeId || null,
    showPreviousAnswers: v.showPreviousAnswers ?? false,
  }));

/** "Start next round": everything but the name is copied from the round it continues. */
export const nextRoundSchema = z.strictObject({
  name: text({ error: "Enter a name, e.g. “Q2 2027”." })
    .trim()
    .min(1, "Enter a name, e.g. “Q2 2027”.")
    .max(ASSESSMENT_NAME_MAX, `Use at most ${ASSESSMENT_NAME_MAX} characters.`)
    .optional(),
});

/** The round after "Q4 2026" is "Q1 2027"; any other name gets " (next round)". */
export function nextRoundName(name: string): string {
  const quarter = /^Q([1-4]) (\d{4})$/.exec(name.trim());
  if (quarter) {
    const q = Number(quarter[1]);
    const year = Number(quarter[2]);
    return q === 4 ? `Q1 ${year + 1}` : `Q${q + 1} ${year}`;
  }
  return `${name.slice(0, ASSESSMENT_NAME_MAX - 13)} (next round)`;
}

export const invitationsSchema = z.strictObject({
  invitations: z
    .array(
      z.strictObject({
        name: text().trim().max(120, "Use at most 120 characters.").optional(),
        email: emailSchema.optional(),
        role: respondentRoleSchema,
      }),
    )
    .min(1, "Add at least one invitation.")
    .max(MAX_INVITATIONS_PER_REQUEST, `At most ${MAX_INVITATIONS_PER_REQUEST} at a time.`),
  /** Email each link that has an address (queued with the links, delivered by the mail sweep). */
  sendEmail: z.boolean().optional(),
});

export const chooseRoleSchema = z.strictObject({ role: respondentRoleSchema });

const answersSchemas = new WeakMap<Framework, Map<string, ReturnType<typeof buildAnswersSchema>>>();

/** Answers as the respondent API takes them: checked against the round's framework. */
/** What a respondent of `role` may save: only the questions the framework asks of that role. */
export function answersSchemaFor(framework: Framework, role: string) {
  // Built once per framework version and role: every answer save parses with it.
  let byRole = answersSchemas.get(framework);
  if (!byRole) {
    byRole = new Map();
    answersSchemas.set(framework, byRole);
  }
  let schema = byRole.get(role);
  if (!schema) {
    schema = buildAnswersSchema(framework, role);
    byRole.set(role, schema);
  }
  return schema;
}

function buildAnswersSchema(framework: Framework, role: string) {
  const all = framework.dimensions.flatMap((d) => d.questions);
  const known = new Set(all.map((q) => q.id));
  const questions = new Map(
    all.filter((q) => (q.audience as readonly string[]).includes(role)).map((q) => [q.id, q]),
  );
  const unknown = (id: string) =>
    known.has(id) ? "This question is not asked of your role." : "Unknown question.";
  // zod's record leaves out an own `__proto__` key without a word (writing it would replace the
  // result's prototype), so `{"__proto__": 3}` was acknowledged and dropped. Looked for in the raw
  // input, it is refused like any other unknown question.
  const byQuestion = <T extends z.ZodType>(value: T) =>
    z
      .unknown()
      .superRefine((raw, ctx) => {
        if (typeof raw === "object" && raw !== null && Object.hasOwn(raw, "__proto__"))
          ctx.addIssue({ code: "custom", path: ["__proto__"], message: unknown("__proto__") });
      })
      .pipe(z.record(text().max(100), value));
  return z
    .strictObject({
      answers: byQuestion(answerValueSchema),
      comments: byQuestion(
        text().max(COMMENT_MAX, `Use at most ${COMMENT_MAX} characters.`),
      ).optional(),
    })
    .superRefine((v, ctx) => {
      for (const [id, value] of Object.entries(v.answers)) {
        const question = questions.get(id);
        if (!question)
          ctx.addIssue({ code: "custom", path: ["answers", id], message: unknown(id) });
        else if (value === "not_applicable" && !question.allowNotApplicable) {
          ctx.addIssue({
            code: "custom",
            path: ["answers", id],
            message: "This question cannot be marked not applicable.",
          });
        }
      }
      for (const id of Object.keys(v.comments ?? {})) {
        if (!questions.has(id))
          ctx.addIssue({ code: "custom", path: ["comments", id], message: unknown(id) });
      }
    });
}

/** Stored as text so both databases hold it the same way. */
export function encodeAnswer(value: AnswerValue): string {
  return String(value);
}

export function decodeAnswer(stored: string): AnswerValue | null {
  if (stored === "dont_know" || stored === "not_applicable") return stored;
  const level = Number(stored);
  return Number.isInteger(level) && level >= 0 && level <= 4 ? (level as AnswerValue) : null;
}

export const idempotencyKeySchema = text().trim().min(1).max(200);
