import { z } from "zod";
import {
  type Framework,
  answerValueSchema,
  findFramework,
  listFrameworkVersions,
  respondentRoleSchema,
} from "../framework";
import { readAnswers } from "./answers";
import type { InputProblem, ScoreInput } from "./types";

export class ScoreInputError extends Error {
  readonly path: (string | number)[];
  readonly problem: string;
  constructor(problem: InputProblem) {
    super(`${formatIssuePath(problem.path)}: ${problem.message}`);
    this.name = "ScoreInputError";
    this.path = problem.path;
    this.problem = problem.message;
  }
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `responses[2].answers["data.workflow_audit"]`: the way a person would point at the field. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "input";
  return path
    .map((key, i) => {
      if (typeof key === "number") return `[${key}]`;
      const name = String(key);
      if (identifier.test(name)) return i === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join("");
}

const dimensionScores = z.record(
  z.string(),
  z
    .number({ error: "must be a score from 0 to 100" })
    .min(0, "must be a score from 0 to 100")
    .max(100, "must be a score from 0 to 100"),
);

const scoreResponseSchema = z.strictObject({
  respondent: z.string().trim().min(1, "respondent must be a non-empty string"),
  role: respondentRoleSchema,
  answers: z.record(z.string(), answerValueSchema),
  asked: z.array(z.string()).optional(),
});

const scoreInputShape = z.strictObject({
  frameworkVersion: z.string().min(1),
  responses: z.array(scoreResponseSchema).min(1, "at least one response is required"),
  targets: dimensionScores.optional(),
  baseline: dimensionScores.optional(),
});

/**
 * Checks that need the framework: known version, known question and dimension ids, N/A only where
 * allowed, one response per respondent, and at least one answer that can be scored.
 */
export function findInputProblems(input: ScoreInput, framework?: Framework): InputProblem[] {
  const fw = framework ?? findFramework(input.frameworkVersion);
  if (!fw || fw.version !== input.frameworkVersion) {
    const available = listFrameworkVersions().join(", ");
    return [
      {
        path: ["frameworkVersion"],
        message: `unknown framework version "${input.frameworkVersion}" (available: ${available})`,
      },
    ];
  }
  return readAnswers(input, fw).problems;
}

/** The score input, parsed and checked against its framework. Reuse it in forms, API and CLI. */
export const scoreInputSchema = scoreInputShape.superRefine((input, ctx) => {
  for (const problem of findInputProblems(input))
    ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
});

export type ParseScoreInputResult =
  { success: true; data: ScoreInput } | { success: false; problem: InputProblem; message: string };

/** Parses unknown data into a ScoreInput, or names the first bad field in one line. */
export function parseScoreInput(raw: unknown): ParseScoreInputResult {
  const parsed = scoreInputSchema.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const problem: InputProblem = issue
    ? describeIssue(issue)
    : { path: [], message: "invalid score input" };
  return {
    success: false,
    problem,
    message: `${formatIssuePath(problem.path)}: ${problem.message}`,
  };
}

function describeIssue(issue: z.core.$ZodIssue): InputProblem {
  const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
  if (issue.code === "unrecognized_keys") {
    const [key = ""] = issue.keys;
    return { path: [...path, key], message: "unknown field" };
  }
  if (issue.code === "invalid_type" && issue.input === undefined)
    return { path, message: `is required (expected ${issue.expected})` };
  return { path, message: issue.message };
}
