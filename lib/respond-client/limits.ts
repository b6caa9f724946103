// Mirrors lib/assessments/schema.ts COMMENT_MAX without pulling zod and the framework into the
// respondent's bundle; the server still checks it.
export const COMMENT_MAX = 2000;
