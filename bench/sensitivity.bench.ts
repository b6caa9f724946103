// `npm run bench sensitivity`: how fragile are the verdicts? Moves each weight and threshold of
// framework 2027.2 by -10% and +10%, one at a time, re-scores the demo's rounds and a generated
// population, and counts the stage and ready-to-scale verdicts that flip. The method note
// (docs/method-note.md) quotes the figures and says why each value is what it is.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { seededRandom } from "../lib/demo/random";
import type { AnswerValue, Framework, RespondentRole } from "../lib/framework";
import type { ScoreInput } from "../lib/scoring";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dbFile = path.join(root, "tmp", "bench", "sensitivity.db");
const VERSION = "2027.2";
const POPULATION = 400;
const ROLES: RespondentRole[] = ["executive", "business", "technical", "data"];

/** The demo's closed rounds on 2027.1 (2026.4 asks other questions), read as 2027.2 rounds. */
async function demoInputs(): Promise<ScoreInput[]> {
  process.env.DATABASE_URL = `file:${dbFile}`;
  if (!fs.existsSync(dbFile)) {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    const { migrate } = (await import(
      pathToFileURL(path.join(root, "scripts", "migrate.mjs")).href
    )) as { migrate(o: { databaseUrl: string; log?: (l: string) => void }): Promise<unknown> };
    await migrate({ databaseUrl: process.env.DATABASE_URL, log: () => {} });
    const { seed } = (await import(
      pathToFileURL(path.join(root, "scripts", "start.mjs")).href
    )) as {
      seed(env: NodeJS.ProcessEnv): Promise<void>;
    };
    await seed({ ...process.env });
  }
  const { getDb } = await import("../lib/db");
  const rows = await getDb().result.findMany({
    where: { frameworkVersion: "2027.1" },
    select: { input: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ ...(r.input as unknown as ScoreInput), frameworkVersion: VERSION }));
}

/**
 * Organisations of every kind: a base level, one or two weak dimensions, 3 to 12 respondents of
 * mixed roles, executives more optimistic, some "don't know" (more on data), some unanswered.
 */
function population(framework: Framework, n: number): ScoreInput[] {
  const random = seededRandom(2027);
  const inputs: ScoreInput[] = [];
  for (let i = 0; i < n; i += 1) {
    const base = 0.5 + random() * 3.2;
    const weak = new Set(framework.dimensions.filter(() => random() < 0.2).map((d) => d.id));
    const respondents = 3 + Math.floor(random() * 10);
    const dontKnow = random() * 0.15;
    // Most rounds are well answered; one in five leaves many questions blank.
    const skip = random() < 0.2 ? 0.3 + random() * 0.4 : random() * 0.1;
    const responses = Array.from({ length: respondents }, (_, r) => {
      const role = ROLES[Math.floor(random() * ROLES.length)] as RespondentRole;
      const answers: Record<string, AnswerValue> = {};
      for (const d of framework.dimensions)
        for (const q of d.questions) {
          if (!q.audience.includes(role) || random() < skip) continue;
          if (random() < dontKnow * (d.id === "data" ? 2 : 1)) {
            answers[q.id] = "dont_know";
            continue;
          }
          const level =
            base +
            (role === "executive" ? 0.4 : 0) -
            (weak.has(d.id) ? 1.2 : 0) +
            (random() - 0.5) * 1.6;
          answers[q.id] = Math.max(0, Math.min(4, Math.round(level))) as AnswerValue;
        }
      return { respondent: `p${i}r${r}`, role, answers };
    });
    inputs.push({ frameworkVersion: VERSION, responses });
  }
  return inputs;
}

type Variant = { name: string; apply: (fw: Framework, factor: number) => void };

function gate(fw: Framework, id: string) {
  const g = fw.gates.find((x) => x.id === id);
  if (!g) throw new Error(`no gate ${id}`);
  return g;
}

/** Every weight and threshold the issue names, and the other gates' thresholds. */
function variants(framework: Framework): Variant[] {
  const list: Variant[] = framework.dimensions.map((d, i) => ({
    name: `weight of ${d.name.toLowerCase()} (${d.weight})`,
    apply: (fw, f) => {
      const dim = fw.dimensions[i];
      if (dim) dim.weight = d.weight * f;
    },
  }));
  list.push({
    name: "weight of the 1.5 questions (1.5)",
    apply: (fw, f) =>
      fw.dimensions.forEach((d) =>
        d.questions.forEach((q) => {
          if (q.weight === 1.5) q.weight = 1.5 * f;
        }),
      ),
  });
  framework.stages.slice(1).forEach((s, i) =>
    list.push({
      name: `stage ${s.stage} band starts at ${s.minScore}`,
      apply: (fw, f) => {
        const stage = fw.stages[i + 1];
        if (stage) stage.minScore = s.minScore * f;
      },
    }),
  );
  const scoreGate = (id: string, label: string): Variant => ({
    name: label,
    apply: (fw, f) => {
      const g = gate(fw, id);
      if ("belowScore" in g) g.belowScore *= f;
    },
  });
  list.push(scoreGate("missing_link", "missing link: a gap below 40"));
  list.push(scoreGate("workflow_not_redesigned", "redesign first: redesign below 50"));
  list.push({
    name: "critical question below level 2",
    apply: (fw, f) => {
      const g = gate(fw, "critical_question_low");
      if ("belowLevel" in g) g.belowLevel *= f;
    },
  });
  list.push({
    name: 'blind spots: over 30% "don\'t know"',
    apply: (fw, f) => {
      const g = gate(fw, "blind_spots");
      if ("aboveShare" in g) g.aboveShare *= f;
    },
  });
  list.push({
    name: "leaders modelling below level 3",
    apply: (fw, f) => {
      const g = gate(fw, "leaders_not_modelling");
      if ("belowLevel" in g) g.belowLevel *= f;
    },
  });
  list.push({
    name: "diagnostic met at level 3",
    apply: (fw, f) => void (fw.diagnostic.metAtLevel = Math.min(4, 3 * f)),
  });
  list.push({
    name: "diagnostic partial at level 2",
    apply: (fw, f) => void (fw.diagnostic.partialAtLevel = 2 * f),
  });
  list.push({
    name: 'diagnostic unknown at 50% "don\'t know"',
    apply: (fw, f) => void (fw.diagnostic.unknownAtDontKnowShare = 0.5 * f),
  });
  list.push({
    name: "index needs 50% coverage",
    apply: (fw, f) => void (fw.rules.minCoverageForIndex = 0.5 * f),
  });
  list.push({
    name: "default target 70",
    apply: (fw, f) => void (fw.rules.defaultTarget = 70 * f),
  });
  list.push({
    name: "perception gap at 20 points",
    apply: (fw, f) => void (fw.rules.perceptionGapPoints = 20 * f),
  });
  return list;
}

export async function run(): Promise<{ title: string; markdown: string }> {
  const { getFramework } = await import("../lib/framework");
  const { score } = await import("../lib/scoring");
  const framework = getFramework(VERSION);
  const sets = [
    { name: "demo", inputs: await demoInputs() },
    { name: "generated", inputs: population(framework, POPULATION) },
  ];
  const baselines = sets.map((s) => s.inputs.map((input) => score(input, { framework })));
  const rows: string[] = [];
  const perceptionMoved: number[] = [];
  for (const variant of variants(framework)) {
    const cells: string[] = [];
    for (const factor of [0.9, 1.1]) {
      const fw = structuredClone(framework) as Framework;
      variant.apply(fw, factor);
      for (const [i, set] of sets.entries()) {
        let stage = 0;
        let ready = 0;
        set.inputs.forEach((input, j) => {
          const before = baselines[i]?.[j];
          const after = score(input, { framework: fw });
          if (!before) return;
          if (after.overall.stage !== before.overall.stage) stage += 1;
          if (after.readyToScale !== before.readyToScale) ready += 1;
          if (
            variant.name.startsWith("perception") &&
            after.perceptionGaps.length !== before.perceptionGaps.length
          )
            perceptionMoved.push(j);
        });
        cells.push(`${stage} / ${ready}`);
      }
    }
    rows.push(`| ${variant.name} | ${cells.join(" | ")} |`);
  }
  const [demo, generated] = sets;
  const count = (k: number) =>
    (baselines[k] ?? []).reduce(
      (acc, r) => ({
        ready: acc.ready + (r.readyToScale ? 1 : 0),
        noIndex: acc.noIndex + (r.overall.stage === null ? 1 : 0),
      }),
      { ready: 0, noIndex: 0 },
    );
  const markdown = [
    `Framework ${VERSION}, each weight or threshold moved alone by -10% and +10%; each cell is the`,
    "number of rounds whose **stage / ready-to-scale** verdict flipped. Rounds: the demo's",
    `${demo?.inputs.length} closed rounds on 2027.1 re-scored as ${VERSION} (ready to scale: ${count(0).ready}), and`,
    `${generated?.inputs.length} generated organisations (seeded; ready: ${count(1).ready}, no index: ${count(1).noIndex}).`,
    "",
    "| moved | demo -10% | generated -10% | demo +10% | generated +10% |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `The perception-gap threshold moves no verdict by design; at -10% or +10% it changes how many gaps are named in ${perceptionMoved.length} round-variants out of ${2 * (sets[0]?.inputs.length ?? 0) + 2 * (sets[1]?.inputs.length ?? 0)}. The default target moves no verdict either: it ranks recommendations.`,
  ].join("\n");
  return { title: "Sensitivity of the verdicts (framework 2027.2)", markdown };
}
