import type { z } from "zod";
import type {
  diagnosticSchema,
  gateSchema,
  rulesSchema,
  sequenceStepSchema,
  stageSchema,
} from "../../schema";

export const diagnostic: z.input<typeof diagnosticSchema> = {
  metAtLevel: 3,
  partialAtLevel: 2,
  unknownAtDontKnowShare: 0.5,
  parts: [
    {
      id: "data_audit",
      name: "Data readiness audited at the workflow level",
      description:
        "Data readiness is audited for the workflow to be scaled, not for the platform in general, " +
        "and the data AI uses is governed.",
      questionIds: ["data.workflow_audit", "data.governance_practices"],
    },
    {
      id: "ownership",
      name: "Ownership defined",
      description:
        "A named person is accountable if the deployed model produces a wrong output at scale, and " +
        "the initiative is owned by the business that runs the workflow.",
      questionIds: ["ownership.wrong_output_owner", "ownership.business_owner"],
    },
    {
      id: "monitoring",
      name: "Monitoring built before go-live",
      description:
        "Monitoring of the AI, including the quality of its outputs, is built and tested before " +
        "going live, not after.",
      questionIds: ["monitoring.before_go_live", "monitoring.output_quality_tracking"],
    },
  ],
};

export const stages: z.input<typeof stageSchema>[] = [
  {
    stage: 1,
    name: "Exploring",
    description:
      "AI is explored in demos and experiments; the structures production needs are largely absent.",
    minScore: 0,
  },
  {
    stage: 2,
    name: "Piloting",
    description:
      "Pilots run, but the organisation cannot yet take them into production safely: gaps in " +
      "integration, quality, monitoring, ownership or data remain open.",
    minScore: 30,
  },
  {
    stage: 3,
    name: "Ready to scale",
    description:
      "The three-part diagnostic is met and the structural gaps are mostly closed: the " +
      "organisation can take a pilot into production with confidence.",
    minScore: 55,
  },
  {
    stage: 4,
    name: "Scaling",
    description:
      "AI runs in production across several workflows, redesigned, owned and monitored, and " +
      "each deployment makes the next one easier.",
    minScore: 70,
  },
  {
    stage: 5,
    name: "Embedded",
    description:
      "Running AI in production is an operational discipline: leaders model it, and every new " +
      "workflow follows the same sequence.",
    minScore: 85,
  },
];

export const gates: z.input<typeof gateSchema>[] = [
  {
    id: "missing_link",
    kind: "gap_dimension_below",
    belowScore: 40,
    capAt: 2,
    reason:
      "One missing link makes a pilot collapse in real operations: a high average cannot make up " +
      "for one of the five structural gaps left open (integration, output quality, monitoring, " +
      "ownership, data), so none of them may score below 40.",
  },
  {
    id: "diagnostic_not_met",
    kind: "diagnostic",
    capAt: 2,
    reason:
      "The three-part diagnostic comes before any scaling decision: data readiness audited at " +
      "the workflow level, an accountable owner for wrong outputs at scale, and monitoring built " +
      "before go-live. Until all three are met, the organisation is not ready to scale.",
  },
  {
    id: "critical_question_low",
    kind: "critical_question",
    belowLevel: 2,
    unansweredTrips: true,
    capAt: 2,
    reason:
      "A critical practice is absent or ad hoc (level 0 or 1, or most respondents do not know), " +
      "or nobody in the round was asked about it: unanswered is unknown, not passed. Any one of " +
      "these is enough to make a pilot collapse when it touches real operations.",
  },
  {
    id: "blind_spots",
    kind: "blind_spot_share",
    aboveShare: 0.3,
    capAt: 2,
    reason:
      'More than 30% of the answers in a dimension are "don\'t know". Not knowing whether a ' +
      "practice exists is a gap, not a blank (63% of organisations lack data management " +
      "practices for AI or are not sure whether they have them); an organisation cannot scale " +
      "what its own people cannot see.",
  },
  {
    id: "workflow_not_redesigned",
    kind: "dimension_below",
    dimensionId: "workflow_redesign",
    belowScore: 50,
    // 2027.2: below "Ready to scale" (stage 3), not at it: redesign comes first.
    capAt: 2,
    reason:
      "Redesign comes first: scaling AI on workflows that were not redesigned spreads the " +
      "integration friction that causes inconsistent outputs, so an organisation is not ready to " +
      "scale until it has redesigned them. AI high performers are 2.8 times more likely to have " +
      "redesigned their workflows (55% vs 20%, McKinsey, State of AI).",
  },
  {
    id: "leaders_not_modelling",
    kind: "question_below",
    questionId: "leadership.visible_modelling",
    belowLevel: 3,
    capAt: 4,
    reason:
      "AI is embedded only when senior leaders visibly work in the new ways themselves: " +
      "transformation success is more than five times more likely when they model the new ways " +
      "of working, not just mandate them (McKinsey, State of AI).",
  },
];

// The article's order: redesign the workflow, establish ownership, build monitoring from day one.
// The remaining gaps follow, in the order the article's chain of failure meets them.
export const sequence: z.input<typeof sequenceStepSchema>[] = [
  { id: "redesign", step: 1, name: "Redesign the workflow" },
  { id: "ownership", step: 2, name: "Establish ownership" },
  { id: "monitoring", step: 3, name: "Build monitoring before go-live" },
  { id: "data", step: 4, name: "Make the workflow's data ready" },
  { id: "integration", step: 5, name: "Integrate with the systems of record" },
  { id: "quality", step: 6, name: "Hold output quality at volume" },
];

export const rules: z.input<typeof rulesSchema> = {
  perceptionGapPoints: 20,
  defaultTarget: 70,
  recommendationsPerDimension: 3,
  reasonsInWords: true,
  minCoverageForIndex: 0.5,
  perceptionMinSharedQuestions: 2,
  disputed: { belowAgreement: 0.5, lowAtOrBelow: 1, highAtOrAbove: 3 },
  confidence: {
    high: {
      minRespondents: 5,
      minCoverage: 0.85,
      maxBlindSpotShare: 0.1,
      minAgreement: 0.75,
      minGatingAgreement: 0.75,
    },
    low: { belowRespondents: 3, belowCoverage: 0.6, aboveBlindSpotShare: 0.3, belowAgreement: 0.5 },
  },
};
