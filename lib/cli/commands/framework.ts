import {
  type Framework,
  findFramework,
  latestFrameworkVersion,
  listFrameworkVersions,
} from "../../framework";
import type { CliIO, CliResult } from "../types";
import { EXIT_INVALID_INPUT, EXIT_USAGE, fail, ok } from "./output";

const USAGE = "usage: gapmap framework [--version V]";

/** The framework as the CLI prints it: the documented fields first, the full content after. */
export function frameworkToJson(fw: Framework) {
  return {
    version: fw.version,
    dimensions: fw.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      kind: d.kind,
      weight: d.weight,
      questions: d.questions.map((q) => ({
        id: q.id,
        text: q.text,
        levels: q.levels,
        allowNotApplicable: q.allowNotApplicable,
        critical: q.critical,
        weight: q.weight,
        audience: q.audience,
        help: q.help,
      })),
      description: d.description,
    })),
    diagnostic: fw.diagnostic.parts.map((p) => ({
      id: p.id,
      name: p.name,
      questionIds: p.questionIds,
      description: p.description,
    })),
    stages: fw.stages.map((s) => ({
      stage: s.stage,
      name: s.name,
      minScore: s.minScore,
      description: s.description,
    })),
    name: fw.name,
    diagnosticRule: {
      metAtLevel: fw.diagnostic.metAtLevel,
      partialAtLevel: fw.diagnostic.partialAtLevel,
      unknownAtDontKnowShare: fw.diagnostic.unknownAtDontKnowShare,
    },
    gates: fw.gates,
    sequence: fw.sequence,
    recommendations: fw.recommendations,
    rules: fw.rules,
    questionIdMapping: fw.questionIdMapping ?? null,
  };
}

function parseArgs(args: string[]): { version: string } | { error: string } {
  let version = latestFrameworkVersion;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === "--version") {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--"))
        return { error: `--version needs a value; ${USAGE}` };
      version = value;
      i += 1;
    } else if (arg.startsWith("--version=")) version = arg.slice("--version=".length);
    else return { error: `unexpected argument "${arg}"; ${USAGE}` };
  }
  return { version };
}

/** `gapmap framework [--version V]`: prints the framework as JSON. */
export async function frameworkCommand(args: string[], _io: CliIO): Promise<CliResult> {
  const parsed = parseArgs(args);
  if ("error" in parsed) return fail(EXIT_USAGE, parsed.error);
  const fw = findFramework(parsed.version);
  if (!fw)
    return fail(
      EXIT_INVALID_INPUT,
      `--version: unknown framework version "${parsed.version}" (available: ${listFrameworkVersions().join(", ")})`,
    );
  return ok(frameworkToJson(fw));
}
