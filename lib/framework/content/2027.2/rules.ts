import type { z } from "zod";
import type { gateSchema, rulesSchema } from "../../schema";

// The diagnostic, the stages and the sequence are 2027.1's; 2027.2 changes the gates and the rules.
export { diagnostic, sequence, stages } from "../2027.1/rules";

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
      "of working, not just mandate them (cited in the article).",
  },
];

// The article's order: redesign the workflow, establish ownership, build monitoring from day one.
// The remaining gaps follow; the chain of failure itself starts with outdated process design.
export const rules: z.input<typeof rulesSchema> = {
  perceptionGapPoints: 20,
  defaultTarget: 70,
  recommendationsPerDimension: 3,
  reasonsInWords: true,
  minCoverageForIndex: 0.5,
  blockersFirst: true,
  visibilityGaps: true,
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
