export {
  ANSWER_VALUE_ERROR,
  LEVELS,
  RESPONDENT_ROLES,
  answerValueSchema,
  diagnosticPartIdSchema,
  dimensionSchema,
  frameworkSchema,
  questionSchema,
  respondentRoleSchema,
  validateFramework,
} from "./schema";
export type {
  AnswerValue,
  Diagnostic,
  DiagnosticPart,
  DiagnosticPartId,
  Dimension,
  DimensionKind,
  Effort,
  Framework,
  FrameworkContent,
  Gate,
  Level,
  Question,
  QuestionIdMapping,
  Recommendation,
  RecommendationTrigger,
  RespondentRole,
  ScoringRules,
  SequenceStep,
  Stage,
} from "./schema";
export {
  FrameworkMappingError,
  UnknownFrameworkVersionError,
  compareFrameworkVersions,
  findFramework,
  getFramework,
  latestFrameworkVersion,
  listFrameworkVersions,
  loadFrameworks,
  mapQuestionId,
  questionChangedIn,
} from "./registry";
export { frameworkContents } from "./content";
export { unaskedDecidingQuestions, unobservedDecidingQuestions } from "./questionnaire";
export type { UnaskedQuestion } from "./questionnaire";
