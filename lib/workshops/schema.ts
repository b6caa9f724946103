import { z } from "zod";
import { text } from "@/lib/validation/text";
import { LEVELS, respondentRoleSchema } from "@/lib/framework/schema";
import type { ErrorCode } from "@/lib/errors";
import { decodeAnswer } from "@/lib/assessments/schema";
import { JOIN_CODE_LENGTH, normalizeJoinCode } from "./code";
import { WORKSHOP_PARTICIPANT_CAP } from "./room-size";

// Every input of the workshop API, and the one reader of a workshop's stored plan.

export const WORKSHOP_PHASES = ["lobby", "voting", "revealed", "ended"] as const;
export type WorkshopPhase = (typeof WORKSHOP_PHASES)[number];
/** A phase as read back from the database by SQL (lib/db/workshops), where the type says string. */
export const workshopPhaseSchema = z.enum(WORKSHOP_PHASES);

/** A vote, or an agreed level: a level 0..4 or "dont_know" (a room does not vote N/A). */
export const voteValueSchema = z.union([z.literal(LEVELS), z.literal("dont_know")], {
  error: 'value must be a level 0..4 or "dont_know"',
});
export type VoteValue = z.infer<typeof voteValueSchema>;

const questionId = text({ error: "Send the question's id." }).min(1).max(100);

export const planChoiceSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("all") }),
    z.strictObject({ kind: z.literal("gating") }),
    z.strictObject({ kind: z.literal("dimension"), dimensionId: text().min(1).max(60) }),
  ],
  { error: 'plan.kind must be "all", "gating" or "dimension"' },
);
export type PlanChoice = z.infer<typeof planChoiceSchema>;

/** How many people the facilitator expects: raises the joins one network address may make. */
export const expectedParticipantsSchema = z
  .number({ error: "Enter the number of people expected, or leave it empty." })
  .int("Enter a whole number of people.")
  .min(1, "Enter at least 1 person, or leave it empty.")
  .max(
    WORKSHOP_PARTICIPANT_CAP,
    `A workshop takes at most ${WORKSHOP_PARTICIPANT_CAP.toLocaleString("en")} people.`,
  )
  .nullish();

/** `{}` runs the whole questionnaire with no expected room size. */
export const createWorkshopSchema = z
  .strictObject({
    plan: planChoiceSchema.optional(),
    expectedParticipants: expectedParticipantsSchema,
  })
  .transform((v) => ({
    plan: v.plan ?? { kind: "all" as const },
    expectedParticipants: v.expectedParticipants ?? null,
  }));

export const NAME_MAX = 60;

const joinCode = text({ error: "Enter the code shown on the screen." })
  .transform(normalizeJoinCode)
  .pipe(
    z
      .string()
      .min(1, "Enter the code shown on the screen.")
      .max(JOIN_CODE_LENGTH * 2, "The code has 6 characters."),
  );

/** `?code=` of the join choices (the roles a phone offers). */
export const joinCodeSchema = z.strictObject({ code: joinCode });

export const joinWorkshopSchema = z.strictObject({
  code: joinCode,
  name: text().trim().max(NAME_MAX, `Use at most ${NAME_MAX} characters.`).optional(),
  role: respondentRoleSchema,
});

export const voteSchema = z.strictObject({ questionId, value: voteValueSchema });

export const COUNTDOWN_MAX_SECONDS = 30 * 60;

export const openQuestionSchema = z.strictObject({
  questionId,
  seconds: z
    .number()
    .int()
    .min(5, "At least 5 seconds.")
    .max(COUNTDOWN_MAX_SECONDS, "At most 30 minutes.")
    .optional(),
});

/** next: the following question of the plan, with an optional countdown. Body optional. */
export const nextQuestionSchema = z.strictObject({
  seconds: openQuestionSchema.shape.seconds,
});

export const REASON_MAX = 500;

export const agreeSchema = z.strictObject({
  questionId,
  value: voteValueSchema,
  reason: text({ error: "Say in a few words why the room agreed this level." })
    .trim()
    .min(1, "Say in a few words why the room agreed this level.")
    .max(REASON_MAX, `Use at most ${REASON_MAX} characters.`),
});

/** The plan as stored (Workshop.plan): parsed on every read, never cast. */
export const workshopPlanSchema = z.object({
  kind: z.enum(["all", "dimension", "gating"]),
  dimensionId: z.string().optional(),
  questionIds: z.array(z.string()),
  /** The questions whose current votes were revealed: going back shows only these revealed. */
  revealedIds: z.array(z.string()).optional(),
});
export type WorkshopPlan = z.infer<typeof workshopPlanSchema>;

/** The refusals of the room (409), one code each, so the phone branches on the code. */
export const WORKSHOP_REFUSALS = [
  "question_not_open",
  "workshop_ended",
] as const satisfies readonly ErrorCode[];

/** A stored vote: an answer as any answer is stored, except "not_applicable" (a room never votes it). */
export function decodeVote(stored: string): VoteValue | null {
  const value = decodeAnswer(stored);
  return value === "not_applicable" ? null : value;
}
