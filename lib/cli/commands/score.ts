import { explain, parseScoreInput, score, verdictOf } from "../../scoring";
import type { CliIO, CliResult } from "../types";
import { EXIT_INVALID_INPUT, EXIT_USAGE, errorMessage, fail, ok } from "./output";

const USAGE = "usage: gapmap score FILE|- [--explain]";

function parseArgs(
  args: string[],
): { source: string; withExplanation: boolean } | { error: string } {
  let source: string | undefined;
  let withExplanation = false;
  for (const arg of args) {
    if (arg === "--explain") withExplanation = true;
    else if (arg === "-" || !arg.startsWith("-")) {
      if (source !== undefined)
        return { error: `only one input file, got "${source}" and "${arg}"; ${USAGE}` };
      source = arg;
    } else return { error: `unexpected option "${arg}"; ${USAGE}` };
  }
  if (source === undefined) return { error: `missing input; ${USAGE}` };
  return { source, withExplanation };
}

/**
 * `gapmap score FILE|-`: scores the answers in FILE (or stdin) and prints the result as JSON,
 * with `verdict` (verdictOf) at the end. Any problem with the input is one line on stderr naming the bad field, never a stack trace.
 */
export async function scoreCommand(args: string[], io: CliIO): Promise<CliResult> {
  const parsed = parseArgs(args);
  if ("error" in parsed) return fail(EXIT_USAGE, parsed.error);
  const { source, withExplanation } = parsed;
  const label = source === "-" ? "stdin" : source;

  let text: string;
  try {
    text = source === "-" ? await io.readStdin() : await io.readFile(source);
  } catch (error) {
    return fail(EXIT_INVALID_INPUT, `cannot read ${label}: ${errorMessage(error)}`);
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(EXIT_INVALID_INPUT, `${label}: invalid JSON: ${errorMessage(error)}`);
  }

  const input = parseScoreInput(raw);
  if (!input.success) return fail(EXIT_INVALID_INPUT, input.message);

  try {
    const result = score(input.data);
    // `verdict` gathers what stands behind readyToScale (caps, unmet parts, disputed questions,
    // like-for-like perception, visibility gaps, steps that block scaling) for a reader of the JSON.
    const out = { ...result, verdict: verdictOf(result) };
    return ok(withExplanation ? { ...out, explanation: explain(result) } : out);
  } catch (error) {
    return fail(EXIT_INVALID_INPUT, `cannot score ${label}: ${errorMessage(error)}`);
  }
}
