import type { CliResult } from "../types";

// Exit codes shared by the framework and score commands.
export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

export function ok(value: unknown): CliResult {
  return { code: EXIT_OK, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: "" };
}

/** Exactly one line on stderr, whatever the message held. */
export function fail(code: number, message: string): CliResult {
  const line = message.replace(/\s*[\r\n]+\s*/g, " ").trim();
  return { code, stdout: "", stderr: `error: ${line}\n` };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
