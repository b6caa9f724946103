export { progressOf, score } from "./score";
export type { ScoreOptions } from "./score";
export { explain } from "./explain";
export type {
  DimensionContribution,
  DimensionExplanation,
  Explanation,
  QuestionContribution,
} from "./explain";
export { compare } from "./compare";
export { shortList, unblocksOf } from "./shortlist";
export { verdictOf } from "./verdict";
export type { Verdict } from "./verdict";
export type { Comparison, DimensionChange, QuestionDriver } from "./compare";
export {
  ScoreInputError,
  findInputProblems,
  formatIssuePath,
  parseScoreInput,
  scoreInputSchema,
} from "./input";
export type { ParseScoreInputResult } from "./input";
export type {
  BlindSpot,
  ByRole,
  Confidence,
  DiagnosticResult,
  DiagnosticStatus,
  DimensionResult,
  InputProblem,
  OverallResult,
  PerceptionGap,
  QuestionResult,
  RecommendationResult,
  ScoreInput,
  ScoreResponse,
  ScoreResult,
  StageCap,
  VisibilityGap,
} from "./types";
export { agreementFromCounts, medianLevelFromCounts } from "./numbers";
