import { describe, expect, it } from "vitest";
import { frameworkCommand } from "@/lib/cli/commands/framework";
import type { CliIO } from "@/lib/cli/types";

const io: CliIO = {
  readStdin: async () => "",
  readFile: async () => "",
};

describe("gapmap framework", () => {
  it("prints the latest framework in the documented shape", async () => {
    const run = await frameworkCommand([], io);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const fw = JSON.parse(run.stdout);
    expect(fw.version).toBe("2027.2");
    expect(Object.keys(fw).slice(0, 4)).toEqual(["version", "dimensions", "diagnostic", "stages"]);
    expect(Object.keys(fw.dimensions[0]).slice(0, 5)).toEqual([
      "id",
      "name",
      "kind",
      "weight",
      "questions",
    ]);
    expect(Object.keys(fw.dimensions[0].questions[0]).slice(0, 7)).toEqual([
      "id",
      "text",
      "levels",
      "allowNotApplicable",
      "critical",
      "weight",
      "audience",
    ]);
    expect(fw.dimensions[0].questions[0].levels).toHaveLength(5);
    expect(fw.diagnostic.map((p: { id: string }) => p.id)).toEqual([
      "data_audit",
      "ownership",
      "monitoring",
    ]);
    expect(Object.keys(fw.diagnostic[0]).slice(0, 3)).toEqual(["id", "name", "questionIds"]);
    expect(
      fw.stages.map((s: { stage: number; minScore: number }) => [s.stage, s.minScore]),
    ).toEqual([
      [1, 0],
      [2, 30],
      [3, 55],
      [4, 70],
      [5, 85],
    ]);
  });

  it("prints an earlier version with --version", async () => {
    for (const args of [["--version", "2026.4"], ["--version=2026.4"]]) {
      const run = await frameworkCommand(args, io);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).version).toBe("2026.4");
    }
  });

  it("refuses an unknown version in one line listing the known ones", async () => {
    const run = await frameworkCommand(["--version", "1999.1"], io);
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'error: --version: unknown framework version "1999.1" (available: 2026.4, 2027.1, 2027.2)\n',
    });
  });

  it("refuses unexpected arguments with its usage", async () => {
    const run = await frameworkCommand(["--versoin", "2027.1"], io);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'error: unexpected argument "--versoin"; usage: gapmap framework [--version V]\n',
    );
    expect((await frameworkCommand(["--version"], io)).stderr).toBe(
      "error: --version needs a value; usage: gapmap framework [--version V]\n",
    );
  });
});
