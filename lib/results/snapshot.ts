import { z } from "zod";
import {
  answerValueSchema,
  diagnosticPartIdSchema,
  dimensionKindSchema,
  effortSchema,
  respondentRoleSchema,
} from "@/lib/framework/schema";
import type { ScoreInput, ScoreResult } from "@/lib/scoring";
import { agreedInResultSchema, type AgreedInResult } from "./agreed";

// The one reader of a stored result. A closed round's snapshot is JSON written by the scoring
// version of its day; every page, API route and dashboard reads it through these parsers, so a
// changed shape fails here, with the field named, instead of as an `undefined` deep in a page.
// Objects are loose: a field a newer scorer added survives a read by this code unchanged. When
// the shape changes, give old snapshots their defaults here (and nowhere else).

const num = z.number();
const nullableNum = z.number().nullable();
const byRole = z.partialRecord(respondentRoleSchema, z.number());

// Snapshots scored before 2027.2 always have an index and a stage; from 2027.2 on they are null
// when too few answers were given (no index without evidence).
const overallSchema = z.looseObject({
  score: nullableNum,
  stage: z.number().int().nullable(),
  stageName: z.string().nullable(),
  uncappedStage: z.number().int().nullable(),
  uncappedStageName: z.string().nullable(),
  cappedBy: z.array(z.looseObject({ rule: z.string(), capsAt: num, reason: z.string() })),
  confidence: z.enum(["low", "medium", "high"]),
  confidenceReason: z.string(),
  coverage: num,
  blindSpotShare: num,
  agreement: nullableNum,
  respondents: z.number().int().min(0),
  respondentsByRole: byRole,
});

const dimensionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: dimensionKindSchema,
  weight: num,
  score: nullableNum,
  coverage: num,
  agreement: nullableNum,
  blindSpotShare: num,
  byRole,
  target: num,
  targetSource: z.enum(["input", "default"]),
  gapToTarget: nullableNum,
  baseline: nullableNum,
  progress: nullableNum,
});

const questionSchema = z.looseObject({
  id: z.string(),
  dimension: z.string(),
  weight: num,
  critical: z.boolean(),
  score: nullableNum,
  medianLevel: nullableNum,
  agreement: nullableNum,
  coverage: num,
  levels: num,
  dontKnow: num,
  notApplicable: num,
  unanswered: num,
  byRole,
  disputed: z.boolean().optional(),
  notVisible: num.optional(),
});

const visibilityGapSchema = z.looseObject({
  question: z.string(),
  text: z.string(),
  dimension: z.string(),
  dontKnowBy: byRole,
  observers: z.array(respondentRoleSchema),
  medianLevel: nullableNum,
  finding: z.string(),
});

const diagnosticSchema = z.looseObject({
  id: diagnosticPartIdSchema,
  name: z.string(),
  status: z.enum(["met", "partial", "unmet", "unknown", "disputed"]),
  reason: z.string(),
  questions: z.array(
    z.looseObject({ id: z.string(), medianLevel: nullableNum, dontKnowShare: num }),
  ),
});

const perceptionGapSchema = z.looseObject({
  dimension: z.string(),
  higherRole: respondentRoleSchema,
  higherScore: num,
  lowerRole: respondentRoleSchema,
  lowerScore: num,
  points: num,
  sharedQuestions: num.optional(),
});

const recommendationSchema = z.looseObject({
  id: z.string(),
  dimension: z.string(),
  questionId: z.string().nullable(),
  priority: num,
  step: num,
  stepName: z.string(),
  title: z.string(),
  why: z.string(),
  ownerRole: respondentRoleSchema,
  ownerTitle: z.string(),
  effort: effortSchema,
  impact: num,
  trigger: z.string(),
  done: z.string().optional(),
  action: z.enum(["build", "find_out"]).optional(),
  blocksScaling: z.boolean().optional(),
  unblocks: z.array(z.string()).optional(),
});

const blindSpotSchema = z.looseObject({
  question: z.string(),
  text: z.string().optional(),
  dontKnow: num,
  answers: num,
  share: num,
});

export const storedResultSchema = z.looseObject({
  frameworkVersion: z.string(),
  overall: overallSchema,
  readyToScale: z.boolean(),
  readyToScaleReason: z.string(),
  dimensions: z.array(dimensionSchema),
  diagnostic: z.array(diagnosticSchema),
  perceptionGaps: z.array(perceptionGapSchema),
  recommendations: z.array(recommendationSchema),
  blindSpots: z.array(blindSpotSchema),
  visibilityGaps: z.array(visibilityGapSchema).optional(),
  questions: z.array(questionSchema),
});

// The stored input is what was scored; its checks against the framework ran before scoring, so
// only the shape is read back here (checking it again would cost ~5 ms per round for nothing).
export const storedInputSchema = z.looseObject({
  frameworkVersion: z.string(),
  responses: z.array(
    z.looseObject({
      respondent: z.string(),
      role: respondentRoleSchema,
      answers: z.record(z.string(), answerValueSchema),
    }),
  ),
  targets: z.record(z.string(), num).optional(),
  baseline: z.record(z.string(), num).optional(),
});

/** A stored snapshot that no longer reads as a result: a bug or a hand edit, never user input. */
export class CorruptSnapshotError extends Error {
  constructor(what: string, assessmentId: string, error: z.ZodError) {
    const first = error.issues[0];
    super(
      `The stored ${what} of round ${assessmentId} does not read: ${first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "unknown shape"}`,
    );
    this.name = "CorruptSnapshotError";
  }
}

export function parseStoredResult(json: unknown, assessmentId: string): ScoreResult {
  const parsed = storedResultSchema.safeParse(json);
  if (!parsed.success) throw new CorruptSnapshotError("result", assessmentId, parsed.error);
  const result: ScoreResult = parsed.data;
  return result;
}

export function parseStoredInput(json: unknown, assessmentId: string): ScoreInput {
  const parsed = storedInputSchema.safeParse(json);
  if (!parsed.success) throw new CorruptSnapshotError("input", assessmentId, parsed.error);
  const input: ScoreInput = parsed.data;
  return input;
}

const storedAgreedSchema = z.looseObject({ agreed: z.array(agreedInResultSchema).optional() });

/** The levels a workshop agreed, kept in the snapshot beside the result; none before workshops. */
export function parseStoredAgreed(json: unknown, assessmentId: string): AgreedInResult[] {
  const parsed = storedAgreedSchema.safeParse(json);
  if (!parsed.success) throw new CorruptSnapshotError("agreed levels", assessmentId, parsed.error);
  return parsed.data.agreed ?? [];
}
