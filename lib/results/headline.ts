import type { ScoreResult } from "@/lib/scoring";

/** The headline of a result: stage, index, confidence and the ready-to-scale verdict with its caps. */
export function buildHeadline(result: ScoreResult) {
  const { overall } = result;
  return {
    stage: overall.stage,
    stageName: overall.stageName,
    uncappedStage: overall.uncappedStage,
    index: overall.score,
    confidence: overall.confidence,
    confidenceReason: overall.confidenceReason,
    readyToScale: result.readyToScale,
    readyToScaleReason: result.readyToScaleReason,
    caps: overall.cappedBy,
    respondents: overall.respondents,
    coverage: overall.coverage,
  };
}

export type Headline = ReturnType<typeof buildHeadline>;
