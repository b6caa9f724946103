import { z } from "zod";

// The roles a respondent can answer as. The questionnaire uses them to choose what to ask;
// scoring uses them to compute per-role scores and perception gaps.
export const RESPONDENT_ROLES = ["executive", "business", "technical", "data"] as const;
export const respondentRoleSchema = z.enum(RESPONDENT_ROLES, {
  error: `role must be one of ${RESPONDENT_ROLES.map((r) => `"${r}"`).join(", ")}`,
});
export type RespondentRole = z.infer<typeof respondentRoleSchema>;

export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

export const ANSWER_VALUE_ERROR = 'level must be 0..4 or "dont_know" or "not_applicable"';

// One answer to one question. "dont_know" is a finding (a blind spot), not a blank.
export const answerValueSchema = z.union(
  [z.literal(LEVELS), z.literal(["dont_know", "not_applicable"])],
  { error: ANSWER_VALUE_ERROR },
);
export type AnswerValue = z.infer<typeof answerValueSchema>;

const idPattern = /^[a-z][a-z0-9_]*$/;
const questionIdPattern = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const text = z.string().trim().min(1);
const weight = z.number().positive().max(10);

export const dimensionKindSchema = z.enum(["gap", "enabler"]);
export type DimensionKind = z.infer<typeof dimensionKindSchema>;

export const questionSchema = z.strictObject({
  id: z.string().regex(questionIdPattern, "question id must look like dimension.name"),
  text,
  help: text,
  levels: z.tuple([text, text, text, text, text]),
  allowNotApplicable: z.boolean(),
  critical: z.boolean(),
  weight,
  audience: z.array(respondentRoleSchema).min(1),
  // 2027.2 on: the roles that can observe the practice directly (a technical fact). Where they
  // rated it, other roles' "don't know" is a visibility gap, not the practice's absence.
  observers: z.array(respondentRoleSchema).min(1).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const dimensionSchema = z.strictObject({
  id: z.string().regex(idPattern),
  name: text,
  kind: dimensionKindSchema,
  description: text,
  weight,
  questions: z.array(questionSchema).min(4).max(8),
});
export type Dimension = z.infer<typeof dimensionSchema>;

export const diagnosticPartIdSchema = z.enum(["data_audit", "ownership", "monitoring"]);
export type DiagnosticPartId = z.infer<typeof diagnosticPartIdSchema>;

export const diagnosticPartSchema = z.strictObject({
  id: diagnosticPartIdSchema,
  name: text,
  description: text,
  questionIds: z.array(z.string()).min(1),
});
export type DiagnosticPart = z.infer<typeof diagnosticPartSchema>;

export const diagnosticSchema = z.strictObject({
  // Median level every question of a part must reach for the part to be met, or partial.
  metAtLevel: z.number().min(0).max(4),
  partialAtLevel: z.number().min(0).max(4),
  // A question whose answers are this share or more "dont_know" cannot be judged: status unknown.
  unknownAtDontKnowShare: z.number().gt(0).max(1),
  parts: z.array(diagnosticPartSchema).length(3),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const stageSchema = z.strictObject({
  stage: z.number().int().min(1).max(5),
  name: text,
  description: text,
  minScore: z.number().min(0).max(100),
});
export type Stage = z.infer<typeof stageSchema>;

const stageNumber = z.number().int().min(1).max(5);
const gateBase = { id: z.string().regex(idPattern), capAt: stageNumber, reason: text };

export const gateSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...gateBase, kind: z.literal("diagnostic") }),
  z.strictObject({
    ...gateBase,
    kind: z.literal("critical_question"),
    belowLevel: z.number(),
    // 2027.2 on: a critical question nobody answered (no level, no "don't know", no N/A) trips
    // the gate as unknown instead of passing it.
    unansweredTrips: z.boolean().optional(),
  }),
  z.strictObject({
    ...gateBase,
    kind: z.literal("blind_spot_share"),
    aboveShare: z.number().min(0).max(1),
  }),
  // Any of the structural gap dimensions (kind "gap") below the score, or without answers: one
  // missing link is enough to make a pilot collapse in real operations (2027.2 on).
  z.strictObject({
    ...gateBase,
    kind: z.literal("gap_dimension_below"),
    belowScore: z.number().min(0).max(100),
  }),
  z.strictObject({
    ...gateBase,
    kind: z.literal("dimension_below"),
    dimensionId: z.string(),
    belowScore: z.number().min(0).max(100),
  }),
  z.strictObject({
    ...gateBase,
    kind: z.literal("question_below"),
    questionId: z.string(),
    belowLevel: z.number().min(0).max(4),
  }),
]);
export type Gate = z.infer<typeof gateSchema>;

const share = z.number().min(0).max(1);

export const sequenceStepSchema = z.strictObject({
  id: z.string().regex(idPattern),
  step: z.number().int().min(1),
  name: text,
});
export type SequenceStep = z.infer<typeof sequenceStepSchema>;

export const effortSchema = z.enum(["S", "M", "L"]);
export type Effort = z.infer<typeof effortSchema>;

const levelRange = z
  .strictObject({ min: z.number().int().min(0).max(4), max: z.number().int().min(0).max(4) })
  .refine((r) => r.min <= r.max, "min must not exceed max");
const scoreRange = z
  .strictObject({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) })
  .refine((r) => r.min <= r.max, "min must not exceed max");

export const recommendationTriggerSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("question"), questionId: z.string(), levels: levelRange }),
  z.strictObject({ kind: z.literal("dimension"), dimensionId: z.string(), score: scoreRange }),
  z.strictObject({
    kind: z.literal("blind_spot"),
    dimensionId: z.string(),
    minShare: z.number().gt(0).max(1),
  }),
]);
export type RecommendationTrigger = z.infer<typeof recommendationTriggerSchema>;

export const recommendationSchema = z.strictObject({
  id: z.string().regex(/^rec\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/),
  appliesTo: recommendationTriggerSchema,
  step: z.string(),
  title: text,
  why: text,
  ownerRole: respondentRoleSchema,
  ownerTitle: text,
  effort: effortSchema,
  // 2027.2 on: how the client knows the recommendation is finished (its definition of done).
  done: text.optional(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const rulesSchema = z.strictObject({
  perceptionGapPoints: z.number().positive().max(100),
  defaultTarget: z.number().min(0).max(100),
  recommendationsPerDimension: z.number().int().min(1),
  // 2027.2 on: reasons speak the client's words (question texts, dimension names, never ids), and
  // the ready-to-scale reason names every gate that holds the stage below "Ready to scale".
  reasonsInWords: z.boolean().optional(),
  // 2027.2 on: perception gaps compare two roles only on the questions both answered, and only
  // where they share at least this many.
  perceptionMinSharedQuestions: z.number().int().min(1).optional(),
  // 2027.2 on: a critical or diagnostic question where the room splits is "disputed" (agreement
  // below belowAgreement, with answers at or below lowAtOrBelow and at or above highAtOrAbove):
  // its diagnostic part is not met, and confidence is at most medium.
  disputed: z
    .strictObject({
      belowAgreement: share,
      lowAtOrBelow: z.number().int().min(0).max(4),
      highAtOrAbove: z.number().int().min(0).max(4),
    })
    .optional(),
  // 2027.2 on: under this share of the expected answers, no readiness index and no stage (null).
  minCoverageForIndex: share.optional(),
  // 2027.2 on: a recommendation that unblocks a tripped gate or a diagnostic part that is not met
  // is flagged "blocks scaling" and never dropped by the per-dimension limit; neither is the data
  // audit (the recurring blind spot).
  blockersFirst: z.boolean().optional(),
  // 2027.2 on: "don't know" from people who cannot know. On a question with observers, once an
  // observer gave a level, other roles' "don't know" is reported as a visibility gap (a finding
  // for leadership) and left out of the score; a recommendation driven by "don't know" says
  // "find out", not "build".
  visibilityGaps: z.boolean().optional(),
  confidence: z.strictObject({
    high: z.strictObject({
      minRespondents: z.number().int().min(1),
      minCoverage: share,
      maxBlindSpotShare: share,
      minAgreement: share,
      // 2027.2 on: every gating question (critical, diagnostic, or named by a gate) must reach
      // this agreement too; one that does not holds confidence below high.
      minGatingAgreement: share.optional(),
    }),
    low: z.strictObject({
      belowRespondents: z.number().int().min(1),
      belowCoverage: share,
      aboveBlindSpotShare: share,
      belowAgreement: share,
    }),
  }),
});
export type ScoringRules = z.infer<typeof rulesSchema>;

// Kept in the newer version: how the ids of the version before it map onto this one.
export const questionIdMappingSchema = z.strictObject({
  fromVersion: z.string(),
  renamed: z.record(z.string(), z.string()),
  retired: z.array(z.string()),
  // Questions whose meaning changed (text or level anchors), from the old id to the id in this
  // version (the same id when it was kept): the id is followed, but a comparison across the change
  // is not like for like, so the question is listed as not compared.
  changed: z.record(z.string(), z.string()).optional(),
});
export type QuestionIdMapping = z.infer<typeof questionIdMappingSchema>;

const frameworkObjectSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d+$/, "version must look like 2027.1"),
  name: text,
  dimensions: z.array(dimensionSchema).min(1),
  diagnostic: diagnosticSchema,
  stages: z.array(stageSchema).length(5),
  gates: z.array(gateSchema),
  sequence: z.array(sequenceStepSchema).min(1),
  recommendations: z.array(recommendationSchema),
  rules: rulesSchema,
  questionIdMapping: questionIdMappingSchema.optional(),
});
type FrameworkShape = z.infer<typeof frameworkObjectSchema>;

export const frameworkSchema = frameworkObjectSchema.superRefine(checkCrossReferences);
export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkContent = z.input<typeof frameworkSchema>;

// Structural checks zod cannot express field by field: unique ids and references that resolve.
function checkCrossReferences(fw: FrameworkShape, ctx: z.RefinementCtx): void {
  const problem = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message });

  const dimensionIds = new Set<string>();
  const questionIds = new Set<string>();
  const questionsById = new Map<string, Question>();
  fw.dimensions.forEach((d, di) => {
    if (dimensionIds.has(d.id)) problem(["dimensions", di, "id"], `duplicate dimension id ${d.id}`);
    dimensionIds.add(d.id);
    d.questions.forEach((q, qi) => {
      const path = ["dimensions", di, "questions", qi, "id"];
      if (questionIds.has(q.id)) problem(path, `duplicate question id ${q.id}`);
      if (!q.id.startsWith(`${d.id}.`)) problem(path, `question id must start with "${d.id}."`);
      if (new Set(q.audience).size !== q.audience.length)
        problem(["dimensions", di, "questions", qi, "audience"], "duplicate role in audience");
      questionIds.add(q.id);
      questionsById.set(q.id, q);
    });
  });

  const { diagnostic } = fw;
  if (diagnostic.partialAtLevel > diagnostic.metAtLevel)
    problem(["diagnostic", "partialAtLevel"], "partialAtLevel must not exceed metAtLevel");
  const partIds = new Set(diagnostic.parts.map((p) => p.id));
  if (partIds.size !== diagnostic.parts.length)
    problem(["diagnostic", "parts"], "diagnostic parts must be data_audit, ownership, monitoring");
  diagnostic.parts.forEach((p, pi) =>
    p.questionIds.forEach((id, i) => {
      const q = questionsById.get(id);
      if (!q) problem(["diagnostic", "parts", pi, "questionIds", i], `unknown question ${id}`);
      else if (q.allowNotApplicable)
        problem(["diagnostic", "parts", pi, "questionIds", i], `${id} must not allow N/A`);
    }),
  );

  fw.stages.forEach((s, i) => {
    if (s.stage !== i + 1) problem(["stages", i, "stage"], "stages must be numbered 1..5 in order");
    const previous = fw.stages[i - 1];
    if (i === 0 && s.minScore !== 0) problem(["stages", 0, "minScore"], "stage 1 must start at 0");
    if (previous && s.minScore <= previous.minScore)
      problem(["stages", i, "minScore"], "thresholds must rise with the stage");
  });

  const gateIds = new Set<string>();
  fw.gates.forEach((g, gi) => {
    if (gateIds.has(g.id)) problem(["gates", gi, "id"], `duplicate gate id ${g.id}`);
    gateIds.add(g.id);
    if (g.kind === "dimension_below" && !dimensionIds.has(g.dimensionId))
      problem(["gates", gi, "dimensionId"], `unknown dimension ${g.dimensionId}`);
    if (g.kind === "question_below" && !questionIds.has(g.questionId))
      problem(["gates", gi, "questionId"], `unknown question ${g.questionId}`);
  });

  const stepIds = new Set<string>();
  fw.sequence.forEach((s, i) => {
    if (stepIds.has(s.id)) problem(["sequence", i, "id"], `duplicate step ${s.id}`);
    if (s.step !== i + 1) problem(["sequence", i, "step"], "steps must be numbered 1.. in order");
    stepIds.add(s.id);
  });

  const recIds = new Set<string>();
  fw.recommendations.forEach((r, ri) => {
    const path = ["recommendations", ri];
    if (recIds.has(r.id)) problem([...path, "id"], `duplicate recommendation ${r.id}`);
    recIds.add(r.id);
    if (!stepIds.has(r.step)) problem([...path, "step"], `unknown sequence step ${r.step}`);
    const a = r.appliesTo;
    if (a.kind === "question" && !questionIds.has(a.questionId))
      problem([...path, "appliesTo", "questionId"], `unknown question ${a.questionId}`);
    if (a.kind !== "question" && !dimensionIds.has(a.dimensionId))
      problem([...path, "appliesTo", "dimensionId"], `unknown dimension ${a.dimensionId}`);
  });

  const mapping = fw.questionIdMapping;
  if (mapping) {
    Object.entries(mapping.renamed).forEach(([from, to]) => {
      if (!questionIds.has(to))
        problem(["questionIdMapping", "renamed", from], `renamed to unknown question ${to}`);
      if (questionIds.has(from))
        problem(["questionIdMapping", "renamed", from], `${from} still exists in this version`);
    });
    Object.entries(mapping.changed ?? {}).forEach(([from, to]) => {
      if (!questionIds.has(to))
        problem(["questionIdMapping", "changed", from], `changed into unknown question ${to}`);
      if (from !== to && questionIds.has(from))
        problem(["questionIdMapping", "changed", from], `${from} still exists in this version`);
      if (mapping.renamed[from] !== undefined)
        problem(["questionIdMapping", "changed", from], `${from} is both renamed and changed`);
    });
    mapping.retired.forEach((id, i) => {
      if (questionIds.has(id))
        problem(["questionIdMapping", "retired", i], `${id} is retired but still present`);
    });
  }
}

export function validateFramework(content: unknown): Framework {
  return frameworkSchema.parse(content);
}
