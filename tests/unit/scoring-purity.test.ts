import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return full.endsWith(".ts") ? [full] : [];
  });
}

// What would make the same answers give a different result, or tie scoring to a runtime.
const forbidden: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, "the clock"],
  [/\bnew Date\s*\(/, "the clock"],
  [/\bMath\.random\s*\(/, "randomness"],
  [/\bperformance\.now\s*\(/, "the clock"],
  [/from\s+["'](node:)?(fs|path|os|child_process|http|https|net)["']/, "I/O"],
  [/from\s+["']@prisma\//, "the database"],
  [/from\s+["']@\/lib\/db/, "the database"],
  [/\bprocess\.(env|argv|stdin|stdout)/, "the process environment"],
];

describe("lib/scoring and lib/framework stay pure", () => {
  const files = [
    ...sources(path.join(root, "lib/scoring")),
    ...sources(path.join(root, "lib/framework")),
  ];

  it.each(forbidden)("no source file uses %s", (pattern, what) => {
    const offenders = files.filter((file) => pattern.test(readFileSync(file, "utf8")));
    expect(offenders, `${what} in ${offenders.join(", ")}`).toEqual([]);
  });
});
