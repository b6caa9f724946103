import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import { signUp } from "@/lib/accounts/mutations";
import { createAction } from "@/lib/actions/mutations";
import { openAssessment } from "@/lib/assessments/mutations";
import { startNextRound } from "@/lib/assessments/next-round";
import type { WorkspaceContext } from "@/lib/auth/context";
import { seedHistory } from "@/lib/demo/history";
import { seedInitiatives } from "@/lib/demo/initiatives";
import * as organizationExportRoute from "@/app/api/v1/organizations/[id]/export/route";
import * as importsRoute from "@/app/api/v1/imports/route";
import { databaseProvider, disconnectDb, getDb } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/mutations";
import { apiRequest, readResponse, routeParams } from "../fixtures/next-request";
import { AppError } from "@/lib/errors";
import { getFramework, latestFrameworkVersion } from "@/lib/framework";
import { createOrganization } from "@/lib/organizations/mutations";
import { exportOrganization, exportWorkspace, serializeExport } from "@/lib/portability/data";
import { importExport } from "@/lib/portability/mutations";
import type { ExportFile, ExportedRound } from "@/lib/portability/schema";
import { closeAssessment } from "@/lib/results/mutations";
import { setWorkspaceLogo, updateWorkspaceSettings } from "@/lib/workspaces/mutations";
import { PNG_1X1, SVG_AS_PNG, wideLogoPng } from "../fixtures/logo";
import {
  agreeLevel,
  castVote,
  createWorkshop,
  endWorkshop,
  joinWorkshop,
  openQuestion,
  revealVotes,
} from "@/lib/workshops/mutations";
import {
  buildWorld,
  contextFor,
  passwordFor,
  sessionCookieFor,
  uniqueSuffix,
  withWorkspaceCookie,
  type World,
} from "../fixtures/world";

// The lossless JSON export and import (issue 12, part 5): an organisation's whole history goes
// out and comes back into another workspace with new ids, identical but for them; a second
// import creates nothing; a bad file is refused whole, every problem listed, nothing written.

let world: World;
let organizationId: string;

const member = (ctx: WorkspaceContext) => ({ kind: "member" as const, ctx });

/** An empty workspace of its own owner, as sign-up makes it. */
async function emptyWorkspace(label: string): Promise<WorkspaceContext> {
  const suffix = uniqueSuffix();
  const { userId, workspaceId } = await signUp({
    name: `${label} owner`,
    email: `${label}-${suffix}@example.test`,
    password: passwordFor(suffix),
    workspaceName: `${label} ${suffix}`,
  });
  return contextFor(withWorkspaceCookie(await sessionCookieFor(userId), workspaceId));
}

/** What the target workspace holds, counted per table (to prove "nothing written"). */
async function holdings(workspaceId: string) {
  const db = getDb();
  const where = { workspaceId };
  return {
    organizations: await db.organization.count({ where }),
    rounds: await db.assessment.count({ where }),
    responses: await db.response.count({ where }),
    answers: await db.answer.count({ where: { response: where } }),
    keyQuotes: await db.keyQuote.count({ where }),
    results: await db.result.count({ where }),
    workshops: await db.workshop.count({ where }),
    agreed: await db.agreedLevel.count({ where }),
    initiatives: await db.initiative.count({ where }),
    changes: await db.initiativeStatusChange.count({ where: { initiative: where } }),
    actions: await db.action.count({ where }),
    imported: await db.importedRecord.count({ where }),
  };
}

/** The file with every id replaced by the order it first appears in: ids differ, nothing else. */
function withoutIds(file: ExportFile): unknown {
  const labels = new Map<string, string>();
  const label = (id: string) => {
    if (!labels.has(id)) labels.set(id, `#${labels.size}`);
    return labels.get(id)!;
  };
  const ID_KEYS = new Set([
    "id",
    "linkId",
    "responseId",
    "previousRoundId",
    "baselineRoundId",
    "focusInitiativeId",
    "previousLinkId",
    "roundId",
  ]);
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          ID_KEYS.has(k) && typeof v === "string" ? label(v) : walk(v),
        ]),
      );
    return value;
  };
  const { exportedAt: _at, source: _source, ...rest } = file;
  return walk(rest);
}

// A file exported from SQLite, kept in the repository, so the PostgreSQL run imports what SQLite
// exported. People are left out (no member of the importing workspace would match them). It was
// made before key quotes, the retakes' references and the workspace's settings were added to
// version 1: it is also the proof that a file without them still imports and exports back alike.
// Regenerate (on SQLite): GAPMAP_WRITE_EXPORT_FIXTURE=1 npx vitest run --project integration
// tests/integration/portability.test.ts -t "round trip"
const FIXTURE = path.resolve("tests", "fixtures", "export-from-sqlite.json");

function writeFixture(file: ExportFile): void {
  const people = JSON.parse(JSON.stringify(file), (key, value: unknown) => {
    if (["agreedBy", "changedBy", "checkedBy", "createdBy", "markedBy"].includes(key)) return null;
    if (key === "grantedTo") return [];
    if (key === "owner" && value && typeof value === "object" && "email" in value)
      return { kind: "person", name: (value as unknown as { name: string }).name, role: null };
    return value;
  }) as ExportFile;
  people.members = [];
  people.organizations[0]!.name = "Exported from SQLite";
  writeFileSync(FIXTURE, serializeExport(people));
}

/** The error an import was refused with. */
async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  world = await buildWorld();
  const ctx = world.a.owner.ctx;
  const org = await createOrganization(ctx, {
    name: `Portable ${uniqueSuffix()}`,
    sector: "Logistics",
    region: "Nordics",
    notes: "Émile's notes: 🚚 and “quotes”.",
  });
  organizationId = org.id;
  await seedHistory(
    ctx,
    [{ organizationId, start: 1.4, gain: 0.4, weak: ["data"], respondents: 6 }],
    [
      { name: "Q1", frameworkVersion: latestFrameworkVersion, closedAt: new Date("2026-03-20") },
      { name: "Q2", frameworkVersion: latestFrameworkVersion, closedAt: new Date("2026-06-19") },
    ],
  );
  const db = getDb();
  // Respondents' comments: the evidence behind an answer travels with it, and so does the mark
  // of a key quote (who marked it, when).
  const answers = await db.answer.findMany({
    where: { response: { assessment: { organizationId } } },
    take: 3,
    orderBy: { id: "asc" },
    select: { id: true, response: { select: { assessmentId: true } } },
  });
  for (const [i, answer] of answers.entries())
    await db.answer.update({
      where: { id: answer.id },
      data: { comment: `Comment ${i}: no monitoring owner yet — “ask IT” 🙂` },
    });
  await db.keyQuote.create({
    data: {
      workspaceId: ctx.workspaceId,
      assessmentId: answers[0]!.response.assessmentId,
      answerId: answers[0]!.id,
      markedByUserId: world.a.owner.userId,
      markedAt: new Date("2026-07-01T09:00:00Z"),
    },
  });
  await seedInitiatives(ctx, organizationId, world.a.consultant.memberId);
  // Both tracked in Q2 (the newest round): the open one is carried over into Q3, the done one stays.
  await createAction(ctx, organizationId, {
    title: "Name an owner for monitoring",
    owner: { kind: "member", memberId: world.a.consultant.memberId },
    dueDate: "2026-12-01",
  });
  await createAction(ctx, organizationId, { title: "Audit the ticket data", status: "done" });
  // Q2 focuses on an initiative and shows returning respondents their last answers; two of its
  // respondents are named, so the next round copies their links, each naming the one it continues.
  const q2 = await db.assessment.findFirstOrThrow({
    where: { organizationId, name: "Q2" },
    select: { id: true },
  });
  const focus = await db.initiative.findFirstOrThrow({
    where: { organizationId },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  await db.assessment.update({
    where: { id: q2.id },
    data: { focusInitiativeId: focus.id, showPreviousAnswers: true },
  });
  const named = await db.assessmentInvitation.findMany({
    where: { assessmentId: q2.id },
    orderBy: { id: "asc" },
    take: 2,
    select: { id: true },
  });
  for (const [i, link] of named.entries())
    await db.assessmentInvitation.update({
      where: { id: link.id },
      data: { name: `Respondent ${i}`, email: `respondent-${i}@example.test` },
    });
  // A third round, the retake of Q2 (baseline Q1, the same focus), settled in a workshop: an
  // agreed level the result scores.
  const { round } = await startNextRound(ctx, q2.id, { name: "Q3 workshop" });
  await openAssessment(ctx, round.id);
  const workshop = await createWorkshop(ctx, round.id, { plan: { kind: "all" } });
  const question = getFramework(latestFrameworkVersion)
    .dimensions.flatMap((d) => d.questions)
    .find((q) => (q.audience as readonly string[]).includes("technical"))!.id;
  const phone = await joinWorkshop({ code: workshop.code, role: "technical" }, "198.51.100.77");
  await openQuestion(ctx, workshop.id, { questionId: question });
  await castVote(phone.token, workshop.id, { questionId: question, value: 1 });
  await revealVotes(ctx, workshop.id);
  await agreeLevel(ctx, workshop.id, { questionId: question, value: 2, reason: "Agreed in room" });
  await endWorkshop(ctx, workshop.id);
  await closeAssessment(ctx, round.id);
}, 120_000);

afterAll(async () => {
  await disconnectDb();
});

describe("an organisation's export, imported into an empty workspace", () => {
  it("round trip: the second export equals the first but for ids; a second import creates nothing", async () => {
    const first = await exportOrganization(member(world.a.owner.ctx), organizationId);
    expect(first.organizations).toHaveLength(1);
    const org = first.organizations[0]!;
    expect(org.rounds).toHaveLength(3);
    expect(org.rounds.every((r) => r.result !== null)).toBe(true);
    expect(org.rounds.flatMap((r) => r.workshops.flatMap((w) => w.agreedLevels))).toHaveLength(1);
    expect(
      org.rounds.flatMap((r) => r.responses.flatMap((x) => x.answers)).filter((a) => a.comment),
    ).toHaveLength(3);
    expect(org.initiatives.length).toBeGreaterThan(0);
    expect(org.actions.map((a) => a.title)).toContain("Name an owner for monitoring");
    // The retakes: baselines, the focus, returning respondents' links, actions' rounds.
    const [q1, q2, q3] = org.rounds as [ExportedRound, ExportedRound, ExportedRound];
    expect(q1.baselineRoundId).toBeUndefined();
    expect(q2.baselineRoundId).toBe(q1.id);
    expect(q3).toMatchObject({
      name: "Q3 workshop",
      previousRoundId: q2.id,
      baselineRoundId: q1.id,
      focusInitiativeId: q2.focusInitiativeId,
      showPreviousAnswers: true,
    });
    expect(org.initiatives.map((i) => i.id)).toContain(q3.focusInitiativeId);
    const returning = q3.links.flatMap((l) => (l.previousLinkId ? [l.previousLinkId] : []));
    expect(returning).toHaveLength(2);
    expect(q2.links.map((l) => l.id)).toEqual(expect.arrayContaining(returning));
    const action = (title: string) => org.actions.find((a) => a.title === title);
    expect(action("Name an owner for monitoring")?.roundId).toBe(q3.id);
    expect(action("Audit the ticket data")?.roundId).toBe(q2.id);
    const quotes = org.rounds.flatMap((r) =>
      r.responses.flatMap((x) => x.answers.flatMap((a) => (a.keyQuote ? [a] : []))),
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.comment).toMatch(/^Comment 0:/);
    expect(quotes[0]!.keyQuote).toEqual({
      markedBy: world.a.owner.email,
      markedAt: "2026-07-01T09:00:00.000Z",
    });
    expect(first.settings).toBeUndefined();
    const text = serializeExport(first);
    if (process.env.GAPMAP_WRITE_EXPORT_FIXTURE) writeFixture(first);
    expect(text).not.toMatch(/passwordHash|tokenHash|gmr_|gmt_/);

    const target = await emptyWorkspace("Target");
    // The source's people are members of the target too: references by email find them.
    for (const person of [world.a.owner, world.a.consultant])
      await getDb().member.create({
        data: { workspaceId: target.workspaceId, userId: person.userId, role: person.role },
      });
    const dry = await importExport(member(target), text, { dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.created.organizations).toBe(1);
    expect(dry.created.rounds).toBe(3);
    expect(dry.created.keyQuotes).toBe(1);
    expect(dry.created.answers).toBe(
      org.rounds.reduce((n, r) => n + r.responses.reduce((m, x) => m + x.answers.length, 0), 0),
    );
    expect((await holdings(target.workspaceId)).organizations).toBe(0);

    const report = await importExport(member(target), text, { dryRun: false });
    expect(report.created).toEqual(dry.created);
    const imported = await getDb().organization.findFirstOrThrow({
      where: { workspaceId: target.workspaceId },
      select: { id: true },
    });
    expect(imported.id).not.toBe(organizationId);
    // References point into the target workspace, at the records made from the ones named.
    const quote = await getDb().keyQuote.findFirstOrThrow({
      where: { workspaceId: target.workspaceId },
      select: {
        assessmentId: true,
        markedByUserId: true,
        answer: { select: { response: { select: { assessmentId: true } } } },
      },
    });
    expect(quote.assessmentId).toBe(quote.answer.response.assessmentId);
    expect(quote.markedByUserId).toBe(world.a.owner.userId);
    const targetRounds = await getDb().assessment.findMany({
      where: { workspaceId: target.workspaceId },
      orderBy: { id: "asc" },
      select: { id: true, baselineAssessmentId: true, focusInitiativeId: true },
    });
    expect(targetRounds[2]!.baselineAssessmentId).toBe(targetRounds[0]!.id);
    expect(
      await getDb().initiative.count({
        where: { workspaceId: target.workspaceId, id: targetRounds[2]!.focusInitiativeId! },
      }),
    ).toBe(1);
    const second = await exportOrganization(member(target), imported.id);
    expect(withoutIds(second)).toEqual(withoutIds(first));
    // Snapshots byte for byte (as stored: they keep the respondent ids they were scored with).
    const snapshots = (f: ExportFile) =>
      f.organizations[0]!.rounds.map((r) => JSON.stringify([r.result?.result, r.result?.input]));
    expect(snapshots(second)).toEqual(snapshots(first));

    const before = await holdings(target.workspaceId);
    const again = await importExport(member(target), text, { dryRun: false });
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(again.skipped.keyQuotes).toBe(1);
    expect(again.organizations).toEqual([
      { sourceId: org.id, name: org.name, outcome: "unchanged" },
    ]);
    expect(await holdings(target.workspaceId)).toEqual(before);

    const audit = await getDb().auditEvent.findFirst({
      where: { workspaceId: target.workspaceId, action: "workspace.imported" },
    });
    expect(audit?.actorUserId).toBe(target.userId);
  }, 60_000);

  it("a workshop's expected room size travels with it, and a file without one imports as not said", async () => {
    const file = JSON.parse(readFileSync(FIXTURE, "utf8")) as ExportFile;
    const workshops = file.organizations.flatMap((o) => o.rounds.flatMap((r) => r.workshops));
    expect(workshops.length).toBeGreaterThan(0);
    expect(workshops.every((w) => w.expectedParticipants === undefined)).toBe(true);
    workshops[0]!.expectedParticipants = 450;
    const target = await emptyWorkspace("RoomSize");
    await importExport(member(target), JSON.stringify(file), { dryRun: false });
    const stored = await getDb().workshop.findMany({
      where: { workspaceId: target.workspaceId },
      select: { expectedParticipants: true },
    });
    expect(stored.map((w) => w.expectedParticipants).sort()).toEqual(
      [450, ...Array(workshops.length - 1).fill(null)].sort(),
    );
    const imported = await getDb().organization.findFirstOrThrow({
      where: { workspaceId: target.workspaceId },
      select: { id: true },
    });
    const again = await exportOrganization(member(target), imported.id);
    expect(withoutIds(again)).toEqual(withoutIds(file));
  });

  it(`a file exported from SQLite imports on ${databaseProvider()} and exports back the same`, async () => {
    const text = readFileSync(FIXTURE, "utf8");
    const file = JSON.parse(text) as ExportFile;
    const target = await emptyWorkspace("FromSqlite");
    await importExport(member(target), text, { dryRun: false });
    const imported = await getDb().organization.findFirstOrThrow({
      where: { workspaceId: target.workspaceId },
      select: { id: true },
    });
    const again = await exportOrganization(member(target), imported.id);
    expect(withoutIds(again)).toEqual(withoutIds(file));
    const before = await holdings(target.workspaceId);
    const second = await importExport(member(target), text, { dryRun: false });
    expect(Object.values(second.created).every((n) => n === 0)).toBe(true);
    expect(await holdings(target.workspaceId)).toEqual(before);
  });

  it("REST: the owner downloads the export and imports it with a dry run first", async () => {
    const response = await organizationExportRoute.GET(
      apiRequest(`/api/v1/organizations/${organizationId}/export`, {
        bearer: world.a.owner.bearer,
      }),
      routeParams({ id: organizationId }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="(gapmap-portable-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json)"; filename\*=UTF-8''\1$/,
    );
    const text = await response.text();
    const target = await emptyWorkspace("Rest");
    const { id: _tokenId, token } = await createApiToken(target, { name: "import" });
    const post = (query: string, body: string, headers: Record<string, string> = {}) =>
      importsRoute.POST(apiRequest(`/api/v1/imports${query}`, { bearer: token, body, headers }));
    const dry = await readResponse(await post("?dryRun=true", text));
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: { organizations: 1, rounds: 3 } });
    expect((await holdings(target.workspaceId)).organizations).toBe(0);
    const done = await readResponse(await post("", text));
    expect(done.status).toBe(201);
    expect((await holdings(target.workspaceId)).rounds).toBe(3);
    const plain = await readResponse(await post("", text, { "content-type": "text/plain" }));
    expect(plain.status).toBe(415);
    const truncated = await readResponse(await post("?dryRun=true", text.slice(0, 5000)));
    expect(truncated.status).toBe(422);
    expect(truncated.body).toMatchObject({
      error: { code: "validation_failed", fields: { _: expect.any(String) } },
    });
    const consultant = await organizationExportRoute.GET(
      apiRequest(`/api/v1/organizations/${organizationId}/export`, {
        bearer: world.a.consultant.bearer,
      }),
      routeParams({ id: organizationId }),
    );
    expect(consultant.status).toBe(403);
  });

  it("a workspace export lists members by email only and every organisation", async () => {
    const file = await exportWorkspace(member(world.a.owner.ctx));
    expect(file.scope).toBe("workspace");
    expect(file.members.map((m) => m.email)).toContain(world.a.consultant.email);
    expect(Object.keys(file.members[0]!).sort()).toEqual(["email", "name", "role"]);
    expect(file.organizations.map((o) => o.id)).toEqual(
      expect.arrayContaining([world.a.granted.id, world.a.notGranted.id, organizationId]),
    );
  });

  it("a workspace export carries the logo and the retake interval; export, import, export is the same but for ids", async () => {
    const ctx = world.a.owner.ctx;
    const logo = wideLogoPng();
    await setWorkspaceLogo(ctx, logo);
    await updateWorkspaceSettings(ctx, { retakeIntervalDays: 120 });
    const first = await exportWorkspace(member(ctx));
    expect(first.settings?.retakeIntervalDays).toBe(120);
    expect(Buffer.from(first.settings!.logo!.data, "base64").equals(logo)).toBe(true);
    const text = serializeExport(first);

    const target = await emptyWorkspace("Whole");
    // Every member of the source is one of the target too: references by email find them all.
    const db = getDb();
    for (const m of await db.member.findMany({
      where: { workspaceId: world.a.id },
      select: { userId: true, role: true },
    }))
      await db.member.create({
        data: { workspaceId: target.workspaceId, userId: m.userId, role: m.role },
      });
    const dry = await importExport(member(target), text, { dryRun: true });
    expect(dry.created).toMatchObject({
      organizations: first.organizations.length,
      logo: 1,
      retakeInterval: 1,
    });
    expect(
      await db.workspace.findUniqueOrThrow({
        where: { id: target.workspaceId },
        select: { logoType: true, retakeIntervalDays: true },
      }),
    ).toEqual({ logoType: null, retakeIntervalDays: 91 });
    await importExport(member(target), text, { dryRun: false });
    const row = await db.workspace.findUniqueOrThrow({
      where: { id: target.workspaceId },
      select: { logo: true, logoType: true, retakeIntervalDays: true },
    });
    expect(Buffer.from(row.logo!).equals(logo)).toBe(true);
    expect(row).toMatchObject({ logoType: "image/png", retakeIntervalDays: 120 });
    const second = await exportWorkspace(member(target));
    // The members differ (the target has its own owner); everything else is the same.
    const body = (f: ExportFile) => withoutIds({ ...f, members: [] });
    expect(body(second)).toEqual(body(first));

    const again = await importExport(member(target), text, { dryRun: false });
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(again.skipped).toMatchObject({ logo: 1, retakeInterval: 1 });

    // A workspace that set its own logo and interval keeps them.
    const own = await emptyWorkspace("OwnSettings");
    await setWorkspaceLogo(own, PNG_1X1);
    await updateWorkspaceSettings(own, { retakeIntervalDays: 30 });
    const kept = await importExport(member(own), text, { dryRun: false });
    expect(kept.created).toMatchObject({ logo: 0, retakeInterval: 0 });
    expect(kept.skipped).toMatchObject({ logo: 1, retakeInterval: 1 });
    const ownRow = await db.workspace.findUniqueOrThrow({
      where: { id: own.workspaceId },
      select: { logo: true, retakeIntervalDays: true },
    });
    expect(Buffer.from(ownRow.logo!).equals(PNG_1X1)).toBe(true);
    expect(ownRow.retakeIntervalDays).toBe(30);
  }, 60_000);

  it("a file without the fields added since version 1 first shipped still imports", async () => {
    const file = await exportOrganization(member(world.a.owner.ctx), organizationId);
    const added = new Set([
      "baselineRoundId",
      "focusInitiativeId",
      "showPreviousAnswers",
      "previousLinkId",
      "keyQuote",
      "roundId",
      "settings",
    ]);
    const old = JSON.stringify(file, (key, value: unknown) => (added.has(key) ? undefined : value));
    expect(old).not.toMatch(
      /"(baselineRoundId|focusInitiativeId|previousLinkId|keyQuote|roundId)"/,
    );
    const target = await emptyWorkspace("OldShape");
    const report = await importExport(member(target), old, { dryRun: false });
    expect(report.created).toMatchObject({ organizations: 1, rounds: 3, keyQuotes: 0 });
    const rounds = await getDb().assessment.findMany({
      where: { workspaceId: target.workspaceId },
      select: { baselineAssessmentId: true, focusInitiativeId: true, showPreviousAnswers: true },
    });
    expect(rounds).toHaveLength(3);
    for (const r of rounds)
      expect(r).toEqual({
        baselineAssessmentId: null,
        focusInitiativeId: null,
        showPreviousAnswers: false,
      });
    expect(
      await getDb().action.count({
        where: { workspaceId: target.workspaceId, assessmentId: { not: null } },
      }),
    ).toBe(0);
  });

  it("an unknown member's ownership becomes a named person; nobody is added to the workspace", async () => {
    const file = await exportOrganization(member(world.a.owner.ctx), organizationId);
    const target = await emptyWorkspace("Stranger");
    const report = await importExport(member(target), serializeExport(file), { dryRun: false });
    expect(report.unmatchedMembers).toContain(world.a.consultant.email);
    expect(await getDb().member.count({ where: { workspaceId: target.workspaceId } })).toBe(1);
    const action = await getDb().action.findFirstOrThrow({
      where: { workspaceId: target.workspaceId, title: "Name an owner for monitoring" },
    });
    expect(action.ownerMemberId).toBeNull();
    expect(action.ownerName).toBe(world.a.consultant.name);
  });
});

describe("a bad file is refused whole, every problem listed, nothing written", () => {
  let text: string;
  let target: WorkspaceContext;
  beforeAll(async () => {
    text = serializeExport(await exportOrganization(member(world.a.owner.ctx), organizationId));
    target = await emptyWorkspace("Refusing");
  });

  async function expectRefused(body: string, paths: string[]) {
    const before = await holdings(target.workspaceId);
    for (const dryRun of [true, false]) {
      const error = await refusal(importExport(member(target), body, { dryRun }));
      expect(error.code).toBe("validation_failed");
      for (const path of paths) expect(Object.keys(error.fields ?? {})).toContain(path);
    }
    expect(await holdings(target.workspaceId)).toEqual(before);
  }

  it("a truncated file", async () => {
    await expectRefused(text.slice(0, Math.floor(text.length / 2)), ["_"]);
  });

  it("a newer format version", async () => {
    await expectRefused(text.replace('"version": 1', '"version": 2'), ["version"]);
  });

  it("hostile strings: a lone surrogate, a NUL, a 100 KB name, each at its path", async () => {
    const file = JSON.parse(text) as ExportFile;
    const org = file.organizations[0]!;
    org.name = "x".repeat(100_000);
    org.rounds[0]!.name = "Q1 \ud800";
    org.rounds[0]!.responses[0]!.answers[0]!.comment = "a\u0000b";
    org.rounds[1]!.links[0]!.role = "\udc00";
    await expectRefused(JSON.stringify(file), [
      "organizations.0.name",
      "organizations.0.rounds.0.name",
      "organizations.0.rounds.0.responses.0.answers.0.comment",
      "organizations.0.rounds.1.links.0.role",
    ]);
  });

  it("broken references and unknown framework content", async () => {
    const file = JSON.parse(text) as ExportFile;
    const org = file.organizations[0]!;
    org.rounds[0]!.responses[0]!.linkId = "nowhere";
    org.rounds[1]!.frameworkVersion = "1999.1";
    org.rounds[2]!.result!.result = { nonsense: true };
    await expectRefused(JSON.stringify(file), [
      "organizations.0.rounds.0.responses.0.linkId",
      "organizations.0.rounds.1.frameworkVersion",
      "organizations.0.rounds.2.result.result.overall",
    ]);
  });

  it("broken references of the retakes, settings in an organisation's file, a logo that is no image", async () => {
    const file = JSON.parse(text) as ExportFile;
    const org = file.organizations[0]!;
    const q3 = org.rounds[2]!;
    q3.baselineRoundId = "nowhere";
    q3.focusInitiativeId = "nowhere";
    const returning = q3.links.findIndex((l) => l.previousLinkId);
    expect(returning).toBeGreaterThanOrEqual(0);
    // A link continuing one of its own round's links is no returning respondent.
    q3.links[returning]!.previousLinkId = q3.links[0]!.id;
    org.rounds[0]!.anonymous = true;
    org.rounds[0]!.showPreviousAnswers = true;
    org.actions[0]!.roundId = "nowhere";
    file.settings = {
      retakeIntervalDays: 120,
      logo: { data: SVG_AS_PNG.toString("base64"), updatedAt: null },
    };
    await expectRefused(JSON.stringify(file), [
      "organizations.0.rounds.2.baselineRoundId",
      "organizations.0.rounds.2.focusInitiativeId",
      `organizations.0.rounds.2.links.${returning}.previousLinkId`,
      "organizations.0.rounds.0.showPreviousAnswers",
      "organizations.0.actions.0.roundId",
      "settings",
      "settings.logo.data",
    ]);
  });

  it("a file over 50 MB", async () => {
    const big = text.replace(
      '"notes": ',
      `"padding": "${"x".repeat(50 * 1024 * 1024)}", "notes": `,
    );
    await expectRefused(big, ["_"]);
  });

  it("an organisation whose name the workspace already uses (not from this file)", async () => {
    const error = await refusal(importExport(member(world.a.owner.ctx), text, { dryRun: true }));
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {})).toEqual(["organizations.0.name"]);
  });

  it("consultants and executives may neither export nor import", async () => {
    for (const person of [world.a.consultant, world.a.executive]) {
      expect((await refusal(exportOrganization(member(person.ctx), organizationId))).code).toBe(
        "forbidden",
      );
      expect((await refusal(importExport(member(person.ctx), text, { dryRun: true }))).code).toBe(
        "forbidden",
      );
    }
    expect(
      (await refusal(exportOrganization(member(world.b.owner.ctx), organizationId))).code,
    ).toBe("not_found");
  });
});

describe("the CLI: gapmap export and gapmap import", () => {
  const scratch = path.resolve("tmp", `portability-cli-${uniqueSuffix()}`);
  beforeAll(() => mkdirSync(scratch, { recursive: true }));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("exports an organisation to a file, dry-runs, imports, and a second import creates nothing", async () => {
    const file = path.join(scratch, "org.json");
    const exported = await runCli(["export", "--organization", organizationId, file]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({
      format: "gapmap-export",
      version: 1,
      scope: "organization",
    });
    const target = await emptyWorkspace("Cli");
    const dry = await runCli(["import", file, "--workspace", target.workspaceId, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.stdout) as { created: { rounds: number } }).created.rounds).toBe(3);
    expect((await holdings(target.workspaceId)).organizations).toBe(0);
    const done = await runCli(["import", file, "--workspace", target.workspaceId]);
    expect(done.code).toBe(0);
    const before = await holdings(target.workspaceId);
    expect(before.rounds).toBe(3);
    const again = await runCli(["import", file, "--workspace", target.workspaceId]);
    const created = (JSON.parse(again.stdout) as { created: Record<string, number> }).created;
    expect(Object.values(created).every((n) => n === 0)).toBe(true);
    expect(await holdings(target.workspaceId)).toEqual(before);
    const audit = await getDb().auditEvent.findFirst({
      where: { workspaceId: target.workspaceId, action: "workspace.imported" },
    });
    expect(audit?.actorLabel).toBe("system (cli)");
  });

  it("a bad file: exit code 1, every problem on its own line, nothing written", async () => {
    const file = path.join(scratch, "bad.json");
    const good = JSON.parse(
      serializeExport(await exportOrganization(member(world.a.owner.ctx), organizationId)),
    ) as ExportFile;
    good.organizations[0]!.name = "";
    (good.organizations[0]!.rounds[0] as { state: string }).state = "finished";
    writeFileSync(file, JSON.stringify(good));
    const target = await emptyWorkspace("CliBad");
    const outcome = await runCli(["import", file, "--workspace", target.workspaceId]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("organizations.0.name:");
    expect(outcome.stderr).toContain("organizations.0.rounds.0.state:");
    expect((await holdings(target.workspaceId)).organizations).toBe(0);
  });

  it("export needs exactly one of --organization and --workspace", async () => {
    const outcome = await runCli(["export", path.join(scratch, "x.json")]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/--organization ID or --workspace ID/);
  });
});
