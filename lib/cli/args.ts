import { z } from "zod";

/** `--key value` and `--flag` pairs after the command words; anything else is an error. */
export function parseFlags(
  argv: string[],
  booleanFlags: readonly string[] = [],
): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (!name) throw new CliUsageError(`unexpected "${arg}"`);
      if (booleanFlags.includes(name)) {
        flags[name] = true;
      } else if (inline !== undefined) {
        flags[name] = inline;
      } else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith("--"))
          throw new CliUsageError(`--${name} needs a value`);
        flags[name] = value;
        i++;
      }
    } else {
      positional.push(arg);
    }
  }
  return { flags, positional };
}

export class CliUsageError extends Error {}

/** Parses flags with a zod schema; the first problem becomes one line naming the flag. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  flags: Record<string, unknown>,
): z.output<T> {
  const result = schema.safeParse(flags);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const flag = issue.path.length ? `--${issue.path.join(".")}` : "arguments";
  throw new CliUsageError(`${flag}: ${issue.message}`);
}
