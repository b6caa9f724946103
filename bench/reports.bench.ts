// Report files at scale: the PDF report and the XLSX export of one organisation with 8 closed
// rounds of 400 respondents each (every question of their role answered, some with comments,
// names in the named rounds, every other round anonymous), on SQLite. Each file is rendered three
// times in a fresh child process (the first render includes warming up), which reports the time
// of each render and its peak resident memory. The child runs without `--conditions=react-server`
// (react-pdf needs React's full build, as the app's server externals get it; decision 0013).
// The dataset is built once into tmp/bench/reports.db and reused.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../lib/demo/random";
import { freshDatabase } from "./lib/server";

const ROUNDS = 8;
const RESPONDENTS = 400;
const RUNS = 3;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dbFile = path.join(root, "tmp", "bench", "reports.db");

async function buildDataset(): Promise<{ seconds: number }> {
  const started = performance.now();
  await freshDatabase(dbFile);
  const { getDb } = await import("../lib/db");
  const { getFramework, RESPONDENT_ROLES } = await import("../lib/framework");
  const { score } = await import("../lib/scoring");
  const { encodeAnswer } = await import("../lib/assessments/schema");
  const db = getDb();
  const framework = getFramework();
  const random = seededRandom(12);
  const user = await db.user.create({
    data: { email: "bench-reports@example.test", name: "Bench", passwordHash: "x" },
  });
  const workspace = await db.workspace.create({ data: { name: "Bench Advisory" } });
  const member = await db.member.create({
    data: { workspaceId: workspace.id, userId: user.id, role: "owner" },
  });
  const organization = await db.organization.create({
    data: {
      workspaceId: workspace.id,
      name: "Large Logistics Group",
      nameKey: "large logistics group",
      sector: "Logistics",
    },
  });
  await db.initiative.createMany({
    data: ["idea", "pilot", "pilot", "production", "scaled", "retired"].map((status, i) => ({
      workspaceId: workspace.id,
      organizationId: organization.id,
      name: `Initiative ${i + 1}`,
      status: status as "idea" | "pilot" | "production" | "scaled" | "retired",
      ownerMemberId: member.id,
    })),
  });
  await db.action.createMany({
    data: Array.from({ length: 8 }, (_, i) => ({
      workspaceId: workspace.id,
      organizationId: organization.id,
      title: `Action ${i + 1}: name an owner for the workflow`,
      ownerName: `Owner ${i + 1}`,
      ownerRole: "Process owner",
      dueDate: new Date(Date.UTC(2027, i, 1)),
    })),
  });
  for (let r = 0; r < ROUNDS; r++) {
    const closedAt = new Date(Date.UTC(2025, r * 3, 15));
    const assessmentId = `rb${r}`;
    const anonymous = r % 2 === 1;
    await db.assessment.create({
      data: {
        id: assessmentId,
        workspaceId: workspace.id,
        organizationId: organization.id,
        name: `Q${(r % 4) + 1} ${2025 + Math.floor(r / 4)}`,
        frameworkVersion: framework.version,
        state: "closed",
        roles: [...RESPONDENT_ROLES],
        anonymous,
        closedAt,
        openedAt: closedAt,
        createdAt: new Date(closedAt.getTime() - 86400000 * 20),
      },
    });
    const invitations = [];
    const responses = [];
    const answers = [];
    const scored = [];
    for (let p = 0; p < RESPONDENTS; p++) {
      const role = RESPONDENT_ROLES[p % RESPONDENT_ROLES.length]!;
      const id = `${assessmentId}p${String(p).padStart(4, "0")}`;
      invitations.push({
        id: `${id}i`,
        workspaceId: workspace.id,
        assessmentId,
        kind: "personal" as const,
        tokenHash: `h${id}`,
        role,
        name: anonymous ? null : `Respondent ${p + 1}`,
      });
      responses.push({
        id,
        workspaceId: workspace.id,
        assessmentId,
        invitationId: `${id}i`,
        role,
        startedAt: closedAt,
        submittedAt: closedAt,
      });
      const given: Record<string, 0 | 1 | 2 | 3 | 4 | "dont_know"> = {};
      for (const dimension of framework.dimensions) {
        for (const question of dimension.questions) {
          if (!question.audience.includes(role)) continue;
          const value =
            random() < 0.06
              ? ("dont_know" as const)
              : (Math.max(0, Math.min(4, Math.round(1 + r * 0.3 + random() * 1.6))) as
                  0 | 1 | 2 | 3 | 4);
          given[question.id] = value;
          answers.push({
            responseId: id,
            questionId: question.id,
            value: encodeAnswer(value),
            comment:
              random() < 0.08
                ? `Comment ${p}-${question.id}: the workflow still depends on a manual hand-off.`
                : null,
          });
        }
      }
      scored.push({ respondent: anonymous ? `r${p + 1}` : id, role, answers: given });
    }
    const input = { frameworkVersion: framework.version, responses: scored };
    const result = score(input, { framework });
    await db.$transaction([
      db.assessmentInvitation.createMany({ data: invitations }),
      db.response.createMany({ data: responses }),
      db.answer.createMany({ data: answers }),
      db.result.create({
        data: {
          workspaceId: workspace.id,
          assessmentId,
          organizationId: organization.id,
          frameworkVersion: framework.version,
          result: JSON.parse(JSON.stringify(result)),
          input: JSON.parse(JSON.stringify(input)),
          inputHash: `bench-${assessmentId}`,
          computedAt: closedAt,
          score: result.overall.score,
          stage: result.overall.stage,
          readyToScale: result.readyToScale,
        },
      }),
    ]);
  }
  const quoted = await db.answer.findMany({
    where: { comment: { not: null }, response: { assessmentId: `rb${ROUNDS - 1}` } },
    take: 10,
    select: { id: true },
  });
  await db.keyQuote.createMany({
    data: quoted.map((a) => ({
      workspaceId: workspace.id,
      assessmentId: `rb${ROUNDS - 1}`,
      answerId: a.id,
    })),
  });
  await db.$disconnect();
  return { seconds: (performance.now() - started) / 1000 };
}

type ChildResult = {
  kind: string;
  times: number[];
  bytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
};

function child(kind: "pdf" | "xlsx"): ChildResult {
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./bench/lib/no-server-only.mjs",
      "bench/lib/report-child.ts",
      kind,
      String(RUNS),
    ],
    { cwd: root, env: { ...process.env, NODE_OPTIONS: "" }, encoding: "utf8" },
  );
  const line = out.trim().split("\n").at(-1)!;
  return JSON.parse(line) as ChildResult;
}

export async function run(): Promise<{ title: string; markdown: string }> {
  process.env.DATABASE_URL = `file:${dbFile}`;
  const built = fs.existsSync(dbFile) ? null : await buildDataset();
  const { getDb } = await import("../lib/db");
  const db = getDb();
  const counts = {
    rounds: await db.assessment.count({ where: { state: "closed" } }),
    responses: await db.response.count(),
    answers: await db.answer.count(),
    comments: await db.answer.count({ where: { comment: { not: null } } }),
  };
  await db.$disconnect();
  const loadBefore = os.loadavg()[0]!;
  const pdf = child("pdf");
  const xlsx = child("xlsx");
  const loadAfter = os.loadavg()[0]!;
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const mb = (n: number) => n.toFixed(0);
  const row = (name: string, r: ChildResult) =>
    `| ${name} | ${s(r.times[0]!)} s | ${s(Math.min(...r.times.slice(1)))} s | ${mb(r.rssBeforeMb)} MB | ${mb(r.peakRssMb)} MB | ${(r.bytes / 2 ** 20).toFixed(2)} MB |`;
  return {
    title: "Report files: PDF and XLSX of an organisation with 8 rounds x 400 respondents",
    markdown: `
Dataset: one organisation, ${counts.rounds} closed rounds of ${RESPONDENTS} respondents (${counts.responses.toLocaleString("en")} responses, ${counts.answers.toLocaleString("en")} answers, ${counts.comments.toLocaleString("en")} with a comment; every other round anonymous), 6 initiatives, 8 actions, 10 key quotes, SQLite (${built ? `built in ${built.seconds.toFixed(1)} s this run` : "reused from tmp/bench/reports.db"}). Each file is made ${RUNS} times in a fresh child process, reading through the same lib functions the routes call (getReportData + renderReportPdf; readExport + exportXlsx, both sheets).

| file | first (cold) | best of the next ${RUNS - 1} | RSS before | peak RSS | size |
|---|---|---|---|---|---|
${row("PDF report (A4)", pdf)}
${row("XLSX (answers + results)", xlsx)}

The PDF reads only the dashboard's snapshots and the key quotes, so its cost hardly grows with respondents; the XLSX writes every answer (one row each) and holds the workbook in memory. Load average (1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${os.cpus().length} cores shared with other engineers' builds and tests.
`,
  };
}
