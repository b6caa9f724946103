import { describe, expect, it } from "vitest";
import { scoreCommand } from "@/lib/cli/commands/score";
import type { CliIO } from "@/lib/cli/types";
import { getFramework } from "@/lib/framework";

const questionIds = getFramework("2027.1").dimensions.flatMap((d) => d.questions.map((q) => q.id));

const valid = {
  frameworkVersion: "2027.1",
  responses: [
    {
      respondent: "r1",
      role: "executive",
      answers: Object.fromEntries(questionIds.map((id) => [id, 3])),
    },
    {
      respondent: "r2",
      role: "technical",
      answers: { "data.workflow_audit": 1, "monitoring.before_go_live": "dont_know" },
    },
  ],
  targets: { data: 80 },
};

function io(files: Record<string, string>, stdin = ""): CliIO {
  return {
    readStdin: async () => stdin,
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
  };
}

/** Runs `gapmap score` on one file holding `content` (a string is written as is). */
async function scoreFile(content: unknown) {
  const text = typeof content === "string" ? content : JSON.stringify(content);
  return scoreCommand(["answers.json"], io({ "answers.json": text }));
}

function withResponses(responses: unknown[]) {
  return { frameworkVersion: "2027.1", responses };
}

describe("gapmap score", () => {
  it("prints the result as JSON for a valid file", async () => {
    const run = await scoreFile(valid);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result).slice(0, 8)).toEqual([
      "frameworkVersion",
      "overall",
      "readyToScale",
      "readyToScaleReason",
      "dimensions",
      "diagnostic",
      "perceptionGaps",
      "recommendations",
    ]);
    expect(Object.keys(result.overall)).toEqual(
      expect.arrayContaining([
        "score",
        "stage",
        "stageName",
        "uncappedStage",
        "cappedBy",
        "confidence",
        "coverage",
      ]),
    );
    expect(Object.keys(result.dimensions[0])).toEqual(
      expect.arrayContaining(["id", "score", "coverage", "agreement", "blindSpotShare", "byRole"]),
    );
    expect(Object.keys(result.recommendations[0])).toEqual(
      expect.arrayContaining([
        "id",
        "dimension",
        "priority",
        "title",
        "why",
        "ownerRole",
        "effort",
      ]),
    );
    expect(result.frameworkVersion).toBe("2027.1");
    expect(result.readyToScale).toBe(false);
    expect(run.stdout.endsWith("}\n")).toBe(true);
  });

  it("reads the answers from stdin when the file is -", async () => {
    const run = await scoreCommand(["-"], io({}, JSON.stringify(valid)));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe((await scoreFile(valid)).stdout);
  });

  it("adds the explanation with --explain", async () => {
    const run = await scoreCommand(
      ["answers.json", "--explain"],
      io({ "answers.json": JSON.stringify(valid) }),
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).explanation.lines.length).toBeGreaterThan(5);
  });

  const invalid: [string, unknown, string][] = [
    ["bad JSON", '{ "frameworkVersion": "2027.1", ', "error: answers.json: invalid JSON: "],
    [
      "an unknown framework version",
      { ...valid, frameworkVersion: "2030.1" },
      'error: frameworkVersion: unknown framework version "2030.1" (available: 2026.4, 2027.1, 2027.2)',
    ],
    [
      "an unknown question id",
      withResponses([{ respondent: "r1", role: "data", answers: { "data.nope": 2 } }]),
      'error: responses[0].answers["data.nope"]: unknown question id in framework 2027.1',
    ],
    [
      "a level out of range",
      withResponses([
        { respondent: "r1", role: "data", answers: { "data.workflow_audit": 2 } },
        { respondent: "r2", role: "data", answers: {} },
        { respondent: "r3", role: "data", answers: { "data.workflow_audit": 7 } },
      ]),
      'error: responses[2].answers["data.workflow_audit"]: level must be 0..4 or "dont_know" or "not_applicable"',
    ],
    [
      "a duplicate respondent",
      withResponses([
        { respondent: "r1", role: "data", answers: { "data.workflow_audit": 2 } },
        { respondent: "r1", role: "business", answers: {} },
      ]),
      'error: responses[1].respondent: duplicate respondent "r1" (first at responses[0])',
    ],
    [
      "N/A where the question does not allow it",
      withResponses([
        { respondent: "r1", role: "data", answers: { "data.workflow_audit": "not_applicable" } },
      ]),
      'error: responses[0].answers["data.workflow_audit"]: "not_applicable" is not allowed for this question',
    ],
    ["no responses", withResponses([]), "error: responses: at least one response is required"],
    [
      "nothing to score",
      withResponses([{ respondent: "r1", role: "data", answers: {} }]),
      'error: responses: no answer to score: every question is unanswered or "not_applicable"',
    ],
    [
      "an unknown role",
      withResponses([{ respondent: "r1", role: "ceo", answers: { "data.workflow_audit": 1 } }]),
      'error: responses[0].role: role must be one of "executive", "business", "technical", "data"',
    ],
    [
      "a target out of range",
      { ...valid, targets: { data: 120 } },
      "error: targets.data: must be a score from 0 to 100",
    ],
    [
      "a target for an unknown dimension",
      { ...valid, targets: { speed: 50 } },
      "error: targets.speed: unknown dimension id in framework 2027.1",
    ],
    ["a misspelt field", { ...valid, target: {} }, "error: target: unknown field"],
    [
      "a missing field",
      { responses: valid.responses },
      "error: frameworkVersion: is required (expected string)",
    ],
  ];

  it.each(invalid)(
    "refuses %s with one line naming the field",
    async (_case, content, expected) => {
      const run = await scoreFile(content);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.startsWith(expected)).toBe(true);
      expect(run.stderr.endsWith("\n")).toBe(true);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it("refuses a file it cannot read, in one line", async () => {
    const run = await scoreCommand(["missing.json"], io({}));
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "error: cannot read missing.json: ENOENT: no such file or directory, open 'missing.json'\n",
    });
  });

  it("explains its usage when no file is given", async () => {
    const run = await scoreCommand([], io({}));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: missing input; usage: gapmap score FILE|- [--explain]\n");
  });
});

describe("gapmap score: the verdict block (issue 14)", () => {
  it("gathers the reasons, disputed questions, shared questions, visibility gaps and blockers of a 2027.2 round", async () => {
    const ids = getFramework("2027.2").dimensions.flatMap((d) => d.questions.map((q) => q.id));
    const at = (level: number, overrides: Record<string, unknown> = {}) => ({
      ...Object.fromEntries(ids.map((id) => [id, level])),
      ...overrides,
    });
    const split = "ownership.wrong_output_owner";
    const run = await scoreFile({
      frameworkVersion: "2027.2",
      responses: [
        ...[0, 1, 2, 3].map((i) => ({
          respondent: `t${i}`,
          role: "technical",
          answers: at(4, { [split]: i < 2 ? 0 : 4 }),
        })),
        ...[0, 1, 2, 3].map((i) => ({
          respondent: `e${i}`,
          role: "executive",
          answers: at(4, { [split]: i < 2 ? 0 : 4, "monitoring.before_go_live": "dont_know" }),
        })),
      ],
    });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out).at(-1)).toBe("verdict");
    expect(out.verdict.readyToScale).toBe(false);
    expect(out.verdict.reason).toBe(out.readyToScaleReason);
    expect(out.verdict.disputedQuestions).toEqual([split]);
    expect(out.verdict.reasons.join(" ")).toContain("Disputed");
    expect(out.verdict.visibilityGaps).toHaveLength(1);
    expect(out.verdict.visibilityGaps[0]).toMatch(/^4 executive respondents answered "don't know"/);
    expect(out.verdict.blocksScaling).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: "rec.ownership.name_accountable_owner",
          unblocks: ["diagnostic.ownership"],
        }),
      ]),
    );
    for (const gap of out.verdict.perceptionGaps)
      expect(gap.sharedQuestions).toBeGreaterThanOrEqual(2);
  });
});
