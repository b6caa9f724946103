// The lossless export and import (lib/portability) at workspace scale: a generated workspace of
// 100 organisations (4 closed rounds of 8 respondents each, answers with comments, results as
// scored, initiatives with diagnostic and history, actions) on SQLite, exported whole, then
// imported into an empty workspace of the same database, then imported again (nothing new).
// Time and peak memory of each step, with the machine's load noted. Built fresh on each run.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../lib/demo/random";
import { freshDatabase } from "./lib/server";

const ORGANIZATIONS = 100;
const ROUNDS = 4;
const RESPONDENTS = 8;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dbFile = path.join(root, "tmp", "bench", "portability.db");

async function buildDataset(): Promise<{ workspaceId: string; answers: number }> {
  await freshDatabase(dbFile);
  const { getDb } = await import("../lib/db");
  const { getFramework, RESPONDENT_ROLES } = await import("../lib/framework");
  const { score } = await import("../lib/scoring");
  const { encodeAnswer } = await import("../lib/assessments/schema");
  const db = getDb();
  const framework = getFramework();
  const random = seededRandom(12);
  const user = await db.user.create({
    data: { email: "bench-owner@example.test", name: "Bench owner", passwordHash: "x" },
  });
  const workspace = await db.workspace.create({ data: { name: "Bench source" } });
  const member = await db.member.create({
    data: { workspaceId: workspace.id, userId: user.id, role: "owner" },
  });
  let answersWritten = 0;
  for (let o = 0; o < ORGANIZATIONS; o++) {
    const organization = await db.organization.create({
      data: {
        workspaceId: workspace.id,
        name: `Organisation ${o}`,
        nameKey: `organisation ${o}`,
        sector: "Logistics",
        notes: `Client ${o}: “notes” with unicode ✓`,
      },
      select: { id: true },
    });
    const assessments = [];
    const invitations = [];
    const responses = [];
    const answers = [];
    const results = [];
    let previous: string | null = null;
    for (let r = 0; r < ROUNDS; r++) {
      const closedAt = new Date(Date.UTC(2025, r * 3, 15));
      const assessmentId = `p${o}r${r}`;
      assessments.push({
        id: assessmentId,
        workspaceId: workspace.id,
        organizationId: organization.id,
        name: `Q${r + 1} 2025`,
        frameworkVersion: framework.version,
        state: "closed" as const,
        roles: [...RESPONDENT_ROLES],
        targets: { data: 70, monitoring: 75 },
        previousAssessmentId: previous,
        closedAt,
        openedAt: closedAt,
      });
      previous = assessmentId;
      const scoreResponses = [];
      for (let p = 0; p < RESPONDENTS; p++) {
        const role = RESPONDENT_ROLES[p % RESPONDENT_ROLES.length]!;
        const invitationId = `${assessmentId}i${p}`;
        invitations.push({
          id: invitationId,
          workspaceId: workspace.id,
          assessmentId,
          kind: "personal" as const,
          tokenHash: `h${invitationId}`,
          role,
          name: `Respondent ${p}`,
        });
        responses.push({
          id: `${invitationId}x`,
          workspaceId: workspace.id,
          assessmentId,
          invitationId,
          role,
          startedAt: closedAt,
          submittedAt: closedAt,
        });
        const given: Record<string, 0 | 1 | 2 | 3 | 4> = {};
        for (const question of framework.dimensions.flatMap((d) => d.questions)) {
          if (!question.audience.includes(role)) continue;
          const level = Math.max(0, Math.min(4, Math.round(1 + r * 0.3 + random() * 1.8))) as
            0 | 1 | 2 | 3 | 4;
          given[question.id] = level;
          answers.push({
            responseId: `${invitationId}x`,
            questionId: question.id,
            value: encodeAnswer(level),
            comment: random() < 0.1 ? "Evidence: we checked this with the data team." : null,
          });
        }
        scoreResponses.push({ respondent: `${invitationId}x`, role, answers: given });
      }
      const input = { frameworkVersion: framework.version, responses: scoreResponses };
      const result = score(input, { framework });
      results.push({
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
      });
    }
    await db.$transaction([
      db.assessment.createMany({ data: assessments }),
      db.assessmentInvitation.createMany({ data: invitations }),
      db.response.createMany({ data: responses }),
      db.answer.createMany({ data: answers }),
      db.result.createMany({ data: results }),
    ]);
    for (let i = 0; i < 2; i++) {
      await db.initiative.create({
        data: {
          workspaceId: workspace.id,
          organizationId: organization.id,
          name: `Initiative ${i}`,
          status: "pilot",
          ownerMemberId: member.id,
          statusChanges: {
            create: [
              { toStatus: "idea", changedByLabel: "bench" },
              { fromStatus: "idea", toStatus: "pilot", changedByLabel: "bench" },
            ],
          },
          diagnosticParts: {
            create: ["data_audit", "ownership", "monitoring"].map((part) => ({
              part,
              status: "partial" as const,
              evidence: "Checked in a workshop.",
              checkedAt: new Date("2025-06-01"),
              checkedByLabel: "bench",
            })),
          },
        },
      });
    }
    await db.action.createMany({
      data: [0, 1, 2].map((a) => ({
        workspaceId: workspace.id,
        organizationId: organization.id,
        title: `Action ${a}`,
        ownerName: "Dana Ruiz",
        ownerRole: "COO",
        dueDate: new Date("2026-03-31"),
      })),
    });
    answersWritten += answers.length;
  }
  return { workspaceId: workspace.id, answers: answersWritten };
}

/** Runs `work`, sampling the process's memory every 10 ms: time and peak RSS / heap. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; peakRss: number; peakHeap: number; rssBefore: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 10);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  peakHeap = Math.max(peakHeap, after.heapUsed);
  return { value, ms, peakRss, peakHeap, rssBefore: before.rss };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

export async function run(): Promise<{ title: string; markdown: string }> {
  process.env.DATABASE_URL = `file:${dbFile}`;
  const loadBefore = os.loadavg();
  const buildStarted = performance.now();
  const { workspaceId, answers } = await buildDataset();
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const { getDb } = await import("../lib/db");
  const { systemContext } = await import("../lib/auth/context");
  const { exportWorkspace, serializeExport } = await import("../lib/portability/data");
  const { importExport } = await import("../lib/portability/mutations");
  const db = getDb();
  const source = { kind: "system" as const, system: systemContext(workspaceId, "seed") };

  const exported = await measured(async () => serializeExport(await exportWorkspace(source)));
  const text = exported.value;
  const target = await db.workspace.create({ data: { name: "Bench target" } });
  const into = { kind: "system" as const, system: systemContext(target.id, "seed") };
  const dryRun = await measured(() => importExport(into, text, { dryRun: true }));
  const imported = await measured(() => importExport(into, text, { dryRun: false }));
  const again = await measured(() => importExport(into, text, { dryRun: false }));
  if (imported.value.created.organizations !== ORGANIZATIONS) throw new Error("import incomplete");
  if (Object.values(again.value.created).some((n) => n !== 0))
    throw new Error("the second import created records");
  const loadAfter = os.loadavg();
  const c = imported.value.created;
  const row = (
    label: string,
    m: { ms: number; peakRss: number; peakHeap: number; rssBefore: number },
  ) =>
    `| ${label} | ${(m.ms / 1000).toFixed(1)} s | ${mib(m.peakRss)} MiB (+${mib(m.peakRss - m.rssBefore)}) | ${mib(m.peakHeap)} MiB |`;
  const markdown = `
A generated workspace on SQLite: ${ORGANIZATIONS} organisations, ${c.rounds} closed rounds, ${c.responses} responses,
${answers.toLocaleString("en")} answers (10% with a comment), ${c.results} results as scored, ${c.initiatives} initiatives
(${c.statusChanges} status changes, ${c.diagnosticParts} diagnostic parts), ${c.actions} actions. Built in ${buildSeconds.toFixed(0)} s.
The file: ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB (the import's cap is 50 MB).

| step | time | peak RSS (rise) | peak heap |
| --- | --- | --- | --- |
${row("export the workspace (read, build, serialise)", exported)}
${row("import, dry run (parse, validate, plan)", dryRun)}
${row("import into an empty workspace (one transaction)", imported)}
${row("import the same file again (creates nothing)", again)}

Load average (1/5/15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(" / ")}; after: ${loadAfter
    .map((l) => l.toFixed(2))
    .join(" / ")} on ${os.cpus().length} cores shared with other work: times are an upper bound.
`;
  await db.$disconnect?.();
  return {
    title: `Export and import of a workspace (${ORGANIZATIONS} organisations, SQLite)`,
    markdown,
  };
}
