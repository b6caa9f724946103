import type {
  AnswerValue,
  DiagnosticPartId,
  DimensionKind,
  Effort,
  RespondentRole,
} from "../framework";

/** Where an input does not fit its framework: the path of the bad field and what is wrong. */
export type InputProblem = { path: (string | number)[]; message: string };

/** One respondent's answers, keyed by question id. A missing key means "not answered". */
export type ScoreResponse = {
  respondent: string;
  role: RespondentRole;
  answers: Record<string, AnswerValue>;
  /**
   * The questions this respondent was asked, when fewer than their role's: a workshop participant
   * is asked the workshop's plan (the gating questions, one dimension). A question outside it that
   * they left unanswered is not expected of them, so it does not lower coverage; an answer outside
   * it still counts. Absent: every question of their role was asked.
   */
  asked?: string[];
};

export type ScoreInput = {
  frameworkVersion: string;
  responses: ScoreResponse[];
  /** Target score 0..100 per dimension; the framework's default target applies to the others. */
  targets?: Record<string, number>;
  /** Score 0..100 per dimension at the start of the improvement (usually the previous result). */
  baseline?: Record<string, number>;
};

export type Confidence = "low" | "medium" | "high";
/** "disputed" (2027.2 on): the room splits on one of the part's questions; never met. */
export type DiagnosticStatus = "met" | "partial" | "unmet" | "unknown" | "disputed";
export type ByRole = Partial<Record<RespondentRole, number>>;

export type StageCap = { rule: string; capsAt: number; reason: string };

export type OverallResult = {
  /**
   * The readiness index. null (from 2027.2) when under `rules.minCoverageForIndex` of the expected
   * answers were given: no index without evidence. The stage and its names are null with it.
   */
  score: number | null;
  stage: number | null;
  stageName: string | null;
  uncappedStage: number | null;
  uncappedStageName: string | null;
  cappedBy: StageCap[];
  confidence: Confidence;
  confidenceReason: string;
  coverage: number;
  blindSpotShare: number;
  agreement: number | null;
  respondents: number;
  respondentsByRole: ByRole;
};

export type DimensionResult = {
  id: string;
  name: string;
  kind: DimensionKind;
  weight: number;
  /** null when no question of the dimension received a level or "dont_know". */
  score: number | null;
  coverage: number;
  agreement: number | null;
  blindSpotShare: number;
  byRole: ByRole;
  target: number;
  targetSource: "input" | "default";
  gapToTarget: number | null;
  baseline: number | null;
  /** (score - baseline) / (target - baseline); null without a baseline or when target <= baseline. */
  progress: number | null;
};

export type QuestionResult = {
  id: string;
  dimension: string;
  weight: number;
  critical: boolean;
  score: number | null;
  /** Median across respondents, on the 0..4 scale; "dont_know" counts as 0. */
  medianLevel: number | null;
  agreement: number | null;
  coverage: number;
  levels: number;
  dontKnow: number;
  notApplicable: number;
  unanswered: number;
  byRole: ByRole;
  /** 2027.2 on, critical and diagnostic questions only: the room splits on it (rule in README). */
  disputed?: boolean;
  /**
   * 2027.2 on, questions with observers: "don't know" answers from roles that cannot observe the
   * practice, left out of the figures because its observers rated it (counted in coverage).
   */
  notVisible?: number;
};

/**
 * 2027.2 on: roles that answered "don't know" about a practice its observers rated. A finding for
 * leadership (people do not see what exists), not the practice's absence.
 */
export type VisibilityGap = {
  question: string;
  text: string;
  dimension: string;
  /** The roles that did not know, with how many of their respondents said so. */
  dontKnowBy: ByRole;
  observers: RespondentRole[];
  /** The practice's median level, from the answers of those who gave one. */
  medianLevel: number | null;
  finding: string;
};

export type DiagnosticResult = {
  id: DiagnosticPartId;
  name: string;
  status: DiagnosticStatus;
  reason: string;
  questions: { id: string; medianLevel: number | null; dontKnowShare: number }[];
};

export type PerceptionGap = {
  dimension: string;
  higherRole: RespondentRole;
  higherScore: number;
  lowerRole: RespondentRole;
  lowerScore: number;
  points: number;
  /**
   * 2027.2 on: how many questions both roles answered. The two scores are over those questions
   * only (like for like), so a gap is never an artefact of roles being asked different questions.
   */
  sharedQuestions?: number;
};

export type RecommendationResult = {
  id: string;
  dimension: string;
  questionId: string | null;
  /** 1 = do first. Sequence step first, then impact. */
  priority: number;
  step: number;
  stepName: string;
  title: string;
  why: string;
  ownerRole: RespondentRole;
  ownerTitle: string;
  effort: Effort;
  /** Gap to target in points x weight: the ranking figure within a dimension. */
  impact: number;
  trigger: string;
  /** 2027.2 on: how the client knows it is finished. */
  done?: string;
  /**
   * 2027.2 on: "find_out" when the recommendation is driven by "don't know" (half or more of the
   * question's answers, or a dimension's blind spots): find out where it stands before building.
   */
  action?: "build" | "find_out";
  /**
   * 2027.2 on: it moves what holds the organisation back from scaling: a tripped gate capping
   * below "Ready to scale", or a diagnostic part that is not met. Such a recommendation is never
   * dropped by the per-dimension limit, and the short lists always carry one per blocker.
   */
  blocksScaling?: boolean;
  /** 2027.2 on: what it unblocks: gate ids, and `diagnostic.<part>` for diagnostic parts. */
  unblocks?: string[];
};

export type BlindSpot = {
  question: string;
  /** 2027.2 on: the question as respondents saw it. */
  text?: string;
  dontKnow: number;
  answers: number;
  share: number;
};

export type ScoreResult = {
  frameworkVersion: string;
  overall: OverallResult;
  readyToScale: boolean;
  readyToScaleReason: string;
  dimensions: DimensionResult[];
  diagnostic: DiagnosticResult[];
  perceptionGaps: PerceptionGap[];
  recommendations: RecommendationResult[];
  blindSpots: BlindSpot[];
  /** 2027.2 on (rules.visibilityGaps): "don't know" from people who cannot see the practice. */
  visibilityGaps?: VisibilityGap[];
  questions: QuestionResult[];
};
