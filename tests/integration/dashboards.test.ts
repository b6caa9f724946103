import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dashboardRoute from "@/app/api/v1/organizations/[id]/dashboard/route";
import * as portfolioRoute from "@/app/api/v1/portfolio/route";
import { createAssessment, createInvitations, openAssessment } from "@/lib/assessments/mutations";
import { closeAssessment } from "@/lib/results/mutations";
import type { WorkspaceContext } from "@/lib/auth/context";
import { disconnectDb, getDb } from "@/lib/db";
import { createInitiative } from "@/lib/initiatives/mutations";
import {
  findOrganizationPage,
  getOrganizationDashboard,
  getPortfolio,
  peerBenchmark,
} from "@/lib/dashboards/data";
import { getAssessmentComparison } from "@/lib/dashboards/compare";
import { getFramework, type RespondentRole } from "@/lib/framework";
import { createOrganization } from "@/lib/organizations/mutations";
import { questionsFor } from "@/lib/responses/data";
import { saveAnswers, submitResponse } from "@/lib/responses/mutations";
import { apiRequest, routeParams } from "../fixtures/next-request";
import { buildWorld, freshOrganization, uniqueSuffix, type World } from "../fixtures/world";

// Dashboards read the result snapshots of closed rounds. The rounds here are made the way the app
// makes them: created, invited, opened, answered through respondent links, closed.

type Round = {
  name: string;
  version: string;
  /** Respondents per role, each answering every question of their role at `level`. */
  respondents: Partial<Record<RespondentRole, number>>;
  level: 0 | 1 | 2 | 3 | 4;
  closedAt: Date;
  minGroupSize?: number;
};

async function closedRound(ctx: WorkspaceContext, organizationId: string, round: Round) {
  const roles = Object.keys(round.respondents) as RespondentRole[];
  const assessment = await createAssessment(ctx, organizationId, {
    name: round.name,
    frameworkVersion: round.version,
    roles,
    minGroupSize: round.minGroupSize ?? 2,
  });
  const links = await createInvitations(ctx, assessment.id, {
    invitations: roles.flatMap((role) =>
      Array.from({ length: round.respondents[role] ?? 0 }, () => ({ role })),
    ),
  });
  await openAssessment(ctx, assessment.id);
  const framework = getFramework(round.version);
  for (const link of links) {
    const role = link.role!;
    // Executives answer one level higher than everyone else: the role disagreement the
    // perception view is meant to show.
    const level = Math.min(4, round.level + (role === "executive" ? 1 : 0));
    const answers = Object.fromEntries(
      questionsFor(framework, role).flatMap((s) => s.questions.map((q) => [q.id, level])),
    );
    await saveAnswers(link.token, { answers });
    await submitResponse(link.token, null);
  }
  await closeAssessment(ctx, assessment.id, round.closedAt);
  return assessment;
}

let world: World;
let history = "";
const quarters: Round[] = [
  {
    name: "Q4 2025",
    version: "2026.4",
    respondents: { executive: 2, business: 2, data: 1 },
    level: 1,
    closedAt: new Date("2025-12-15T12:00:00Z"),
  },
  {
    name: "Q1 2026",
    version: "2027.1",
    respondents: { executive: 2, business: 2, data: 1 },
    level: 2,
    closedAt: new Date("2026-03-15T12:00:00Z"),
  },
  {
    name: "Q2 2026",
    version: "2027.1",
    respondents: { executive: 2, business: 2, data: 1 },
    level: 2,
    closedAt: new Date("2026-06-15T12:00:00Z"),
  },
  {
    name: "Q3 2026",
    version: "2027.1",
    respondents: { executive: 2, business: 2, data: 1 },
    level: 3,
    closedAt: new Date("2026-09-15T12:00:00Z"),
  },
];

beforeAll(async () => {
  world = await buildWorld();
  const ctx = world.a.consultant.ctx;
  history = world.a.granted.id;
  for (const q of quarters) await closedRound(ctx, history, q);
  // An open round counts in the portfolio's "open rounds", never in the trend.
  const open = await createAssessment(ctx, history, { name: "Q4 2026", roles: ["business"] });
  await openAssessment(ctx, open.id);
}, 120_000);
afterAll(async () => {
  await disconnectDb();
});

describe("organisation dashboard", () => {
  it("has one trend point per closed round, oldest first, marking where the framework version changed", async () => {
    const dashboard = await getOrganizationDashboard(world.a.consultant.ctx, history);
    expect(dashboard.trend.map((p) => p.name)).toEqual([
      "Q4 2025",
      "Q1 2026",
      "Q2 2026",
      "Q3 2026",
    ]);
    expect(dashboard.trend.map((p) => p.frameworkVersion)).toEqual([
      "2026.4",
      "2027.1",
      "2027.1",
      "2027.1",
    ]);
    expect(dashboard.trend.map((p) => p.versionChanged)).toEqual([false, true, false, false]);
    // Dimension ids are stable across versions: every round has a value on every line.
    for (const point of dashboard.trend) {
      expect(Object.keys(point.dimensions).sort()).toEqual(
        Object.keys(dashboard.trend[3]!.dimensions).sort(),
      );
    }
    // Answers rose from level 1 to level 3: the index rises with them.
    expect(dashboard.trend[3]!.index).toBeGreaterThan(dashboard.trend[0]!.index);
    expect(dashboard.openRounds).toBe(1);
  });

  it("compares the latest round with the one before: change, previous and delta per dimension", async () => {
    const { latest, trend } = await getOrganizationDashboard(world.a.consultant.ctx, history);
    expect(latest?.name).toBe("Q3 2026");
    expect(latest?.change).toEqual({
      index: Math.round((trend[3]!.index - trend[2]!.index) * 10) / 10,
      stage: trend[3]!.stage - trend[2]!.stage,
      since: "Q2 2026",
    });
    expect(latest?.dimensions).toHaveLength(7);
    for (const d of latest!.dimensions) {
      expect(d.previous).toBe(trend[2]!.dimensions[d.id]);
      expect(d.score).toBe(trend[3]!.dimensions[d.id]);
      expect(d.delta).toBeGreaterThan(0);
    }
    expect(latest?.diagnostic).toHaveLength(3);
    const priorities = latest!.recommendations.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
  });

  it("hides a role with fewer respondents than the minimum group, in perception and agreement alike", async () => {
    const { latest } = await getOrganizationDashboard(world.a.consultant.ctx, history);
    const perception = latest!.perception;
    expect(perception.roles.find((r) => r.role === "data")).toMatchObject({
      respondents: 1,
      shown: false,
    });
    expect(
      perception.roles
        .filter((r) => r.shown)
        .map((r) => r.role)
        .sort(),
    ).toEqual(["business", "executive"]);
    for (const row of perception.rows)
      expect(Object.keys(row.byRole).sort()).toEqual(["business", "executive"]);
    expect(perception.hiddenReason).toMatch(/data not shown: fewer than 2 respondents/);
    expect(perception.gaps.every((g) => g.higherRole !== "data" && g.lowerRole !== "data")).toBe(
      true,
    );
    expect(latest!.agreement.length).toBeGreaterThan(0);
    expect(latest!.agreement.some((c) => c.role === "data")).toBe(false);
    // Executives answered a level higher: the gap is called out.
    expect(
      perception.gaps.some((g) => g.higherRole === "executive" && g.lowerRole === "business"),
    ).toBe(true);
  });

  it("is the same through GET /api/v1/organizations/{id}/dashboard with a token", async () => {
    const response = await dashboardRoute.GET(
      apiRequest(`/api/v1/organizations/${history}/dashboard`, {
        bearer: world.a.executive.bearer,
      }),
      routeParams({ id: history }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      trend: { frameworkVersion: string }[];
      latest: { name: string };
    };
    expect(body.trend).toHaveLength(4);
    expect(body.latest.name).toBe("Q3 2026");
  });

  it("gives the organisation page everything in one read: the organisation, its rounds newest first with the open one, and the dashboard", async () => {
    const page = await findOrganizationPage(world.a.consultant.ctx, history);
    expect(page?.organization.id).toBe(history);
    expect(page?.rounds.map((r) => r.name)[0]).toBe("Q4 2026");
    expect(page?.assessmentCount).toBe(quarters.length + 1);
    expect(page?.openRounds).toBe(1);
    expect(page?.latest?.name).toBe("Q3 2026");
    expect(page?.latest?.perception.minGroupSize).toBe(2);
    expect(await findOrganizationPage(world.b.owner.ctx, history)).toBeNull();
    expect(await findOrganizationPage(world.a.executive.ctx, world.a.notGranted.id)).toBeNull();
  });

  it("reads for each tab only the parts it asks for, and every part when none are named", async () => {
    const overview = await findOrganizationPage(world.a.consultant.ctx, history, [
      "actions",
      "members",
    ]);
    expect(overview).toHaveProperty("actions");
    expect(overview).toHaveProperty("members");
    expect(overview).not.toHaveProperty("comments");
    expect(overview).not.toHaveProperty("initiatives");
    const rounds = await findOrganizationPage(world.a.consultant.ctx, history, []);
    for (const part of ["actions", "members", "comments", "initiatives"])
      expect(rounds).not.toHaveProperty(part);
    expect(rounds?.latest?.name).toBe("Q3 2026");
    const all = await findOrganizationPage(world.a.consultant.ctx, history);
    for (const part of ["actions", "members", "comments", "initiatives"])
      expect(all).toHaveProperty(part);
    expect(await findOrganizationPage(world.b.owner.ctx, history, [])).toBeNull();
  });

  it("is not found from another workspace, or for an executive not granted the organisation", async () => {
    await expect(getOrganizationDashboard(world.b.owner.ctx, history)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      getOrganizationDashboard(world.a.executive.ctx, world.a.notGranted.id),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getAssessmentComparison(world.b.consultant.ctx, history)).rejects.toMatchObject({
      code: "not_found",
    });
    for (const [bearer, id] of [
      [world.b.owner.bearer, history],
      [world.a.executive.bearer, world.a.notGranted.id],
    ] as const) {
      const response = await dashboardRoute.GET(
        apiRequest(`/api/v1/organizations/${id}/dashboard`, { bearer }),
        routeParams({ id }),
      );
      expect(response.status).toBe(404);
    }
  });

  it("shows a round as soon as it closes, though the dashboard before it was remembered", async () => {
    const organization = await freshOrganization(world.a, "Remembered");
    const ctx = world.a.consultant.ctx;
    await closedRound(ctx, organization.id, {
      name: "Q1 2026",
      version: "2027.1",
      respondents: { executive: 2, business: 2 },
      level: 1,
      closedAt: new Date("2026-03-31T12:00:00Z"),
    });
    const first = await getOrganizationDashboard(ctx, organization.id);
    expect(await getOrganizationDashboard(ctx, organization.id)).toEqual(first);
    await closedRound(ctx, organization.id, {
      name: "Q2 2026",
      version: "2027.1",
      respondents: { executive: 2, business: 2 },
      level: 3,
      closedAt: new Date("2026-06-30T12:00:00Z"),
    });
    const second = await getOrganizationDashboard(ctx, organization.id);
    expect(second.trend.map((t) => t.name)).toEqual(["Q1 2026", "Q2 2026"]);
    expect(second.latest?.name).toBe("Q2 2026");
    expect(second.latest!.headline.index!).toBeGreaterThan(first.latest!.headline.index!);
    // Remembered for one workspace, still not found from another.
    await expect(
      getOrganizationDashboard(world.b.owner.ctx, organization.id),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts a closed round without a readiness index as closed, though the trend cannot draw it", async () => {
    const organization = await freshOrganization(world.a, "Thin");
    const ctx = world.a.consultant.ctx;
    const round = await createAssessment(ctx, organization.id, {
      name: "Thin round",
      frameworkVersion: "2027.2",
      roles: ["business"],
    });
    const [link] = await createInvitations(ctx, round.id, { invitations: [{ role: "business" }] });
    await openAssessment(ctx, round.id);
    const question = questionsFor(getFramework("2027.2"), "business")[0]!.questions[0]!.id;
    await saveAnswers(link!.token, { answers: { [question]: 4 } });
    await closeAssessment(ctx, round.id);
    const page = await findOrganizationPage(ctx, organization.id);
    expect(page?.closedRounds).toBe(1);
    expect(page?.trend).toEqual([]);
    expect(page?.latest?.headline.index).toBeNull();
    expect(page?.latest?.recommendations).toEqual([]);
    expect(page?.latest?.dimensions.filter((d) => d.score === null).length).toBeGreaterThan(0);
  });

  it("shows an empty dashboard before any round closes", async () => {
    const organization = await freshOrganization(world.a, "Unassessed");
    const dashboard = await getOrganizationDashboard(world.a.owner.ctx, organization.id);
    expect(dashboard.latest).toBeNull();
    expect(dashboard.trend).toEqual([]);
    expect(dashboard.closedRounds).toBe(0);
  });
});

describe("round comparison", () => {
  it("defaults to the last two closed rounds and explains each dimension's change by its questions", async () => {
    const data = await getAssessmentComparison(world.a.executive.ctx, history);
    expect(data.rounds.map((r) => r.name)).toEqual(["Q4 2025", "Q1 2026", "Q2 2026", "Q3 2026"]);
    expect([data.before?.name, data.after?.name]).toEqual(["Q2 2026", "Q3 2026"]);
    const changed = data.comparison!.dimensions.filter((d) => (d.delta ?? 0) > 0);
    expect(changed.length).toBeGreaterThan(0);
    for (const d of changed) expect(d.drivers.length).toBeGreaterThan(0);
    expect(data.comparison!.dimensionNames[changed[0]!.id]).toBeTruthy();
  });

  it("compares across a framework-version change, in the newer version's terms", async () => {
    const { rounds } = await getAssessmentComparison(world.a.consultant.ctx, history);
    const data = await getAssessmentComparison(world.a.consultant.ctx, history, {
      before: rounds[0]!.id,
      after: rounds[3]!.id,
    });
    expect(data.comparison!.questionMapping).toMatchObject({
      fromVersion: "2026.4",
      toVersion: "2027.1",
    });
    expect(data.comparison!.overall.delta).toBeGreaterThan(0);
  });

  it("does not find a round of another organisation", async () => {
    const other = await getAssessmentComparison(world.a.consultant.ctx, world.a.notGranted.id);
    expect(other.rounds).toEqual([]);
    const { rounds } = await getAssessmentComparison(world.a.consultant.ctx, history);
    await expect(
      getAssessmentComparison(world.a.consultant.ctx, world.a.notGranted.id, {
        before: rounds[0]!.id,
        after: rounds[1]!.id,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("portfolio", () => {
  it("has one row per organisation the member may see, with stage, index, change and open rounds", async () => {
    const rows = await getPortfolio(world.a.consultant.ctx);
    const row = rows.find((r) => r.id === history);
    const { trend } = await getOrganizationDashboard(world.a.consultant.ctx, history);
    expect(row).toMatchObject({ stage: trend[3]!.stage, index: trend[3]!.index, openRounds: 1 });
    expect(row?.change).toBe(Math.round((trend[3]!.index - trend[2]!.index) * 10) / 10);
    expect(rows.some((r) => r.id === world.a.notGranted.id)).toBe(true);
    const executive = await getPortfolio(world.a.executive.ctx);
    expect(executive.map((r) => r.id)).toEqual([world.a.granted.id]);
    const elsewhere = await getPortfolio(world.b.owner.ctx);
    expect(elsewhere.some((r) => r.id === history)).toBe(false);
  });

  it("gives a sector's peer benchmark only once 5 organisations of the sector have a result", async () => {
    const ctx = world.b.consultant.ctx;
    const sector = "Energy";
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const organization = await createOrganization(world.b.owner.ctx, {
        name: `Peer ${i} ${uniqueSuffix()}`,
        sector,
      });
      ids.push(organization.id);
      await closedRound(ctx, organization.id, {
        name: "Q1 2026",
        version: "2027.1",
        respondents: { business: 1 },
        level: ((i % 4) + 1) as 1 | 2 | 3 | 4,
        closedAt: new Date("2026-03-15T12:00:00Z"),
        minGroupSize: 1,
      });
      const rows = await getPortfolio(ctx);
      const benchmark = peerBenchmark(rows, sector);
      if (i < 4) expect(benchmark).toBeNull();
      else {
        const indices = rows
          .filter((r) => ids.includes(r.id))
          .map((r) => r.index!)
          .sort((a, b) => a - b);
        expect(benchmark).toEqual({ sector, median: Math.round(indices[2]! * 10) / 10, size: 5 });
      }
    }
    const response = await portfolioRoute.GET(
      apiRequest("/api/v1/portfolio", { bearer: world.b.consultant.bearer }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: { id: string; peerBenchmark: { size: number } | null }[];
    };
    expect(
      body.items.filter((r) => ids.includes(r.id)).every((r) => r.peerBenchmark?.size === 5),
    ).toBe(true);
    expect(
      body.items.filter((r) => !ids.includes(r.id)).every((r) => r.peerBenchmark === null),
    ).toBe(true);
  }, 120_000);

  it("GET /api/v1/portfolio carries the initiatives' pipeline across the organisations the caller sees", async () => {
    const organization = await freshOrganization(world.a, "Portfolio pipeline");
    await createInitiative(world.a.consultant.ctx, organization.id, {
      name: "Claims triage",
      status: "pilot",
    });
    const read = async (bearer: string) => {
      const response = await portfolioRoute.GET(apiRequest("/api/v1/portfolio", { bearer }));
      expect(response.status).toBe(200);
      return (await response.json()) as {
        items: { id: string }[];
        pipeline: null | {
          byStatus: { status: string; count: number }[];
          conversion: { piloted: number; converted: number; rate: number | null };
          held: { part: string; initiatives: { id: string; organizationId: string }[] }[];
          organizationNames?: unknown;
        };
      };
    };
    const consultant = await read(world.a.consultant.bearer);
    const total = await getDb().initiative.count({ where: { workspaceId: world.a.id } });
    expect(consultant.pipeline!.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(total);
    expect(consultant.pipeline!.byStatus.find((s) => s.status === "pilot")!.count).toBeGreaterThan(
      0,
    );
    // A pilot without a recorded diagnostic is held by every part, under its organisation's id.
    expect(
      consultant.pipeline!.held.every((p) =>
        p.initiatives.some((i) => i.organizationId === organization.id),
      ),
    ).toBe(true);
    expect(consultant.pipeline).not.toHaveProperty("organizationNames");
    // Another workspace counts only its own.
    const other = await read(world.b.consultant.bearer);
    const otherTotal = await getDb().initiative.count({ where: { workspaceId: world.b.id } });
    expect(other.pipeline!.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(otherTotal);
    expect(
      other
        .pipeline!.held.flatMap((p) => p.initiatives)
        .some((i) => i.organizationId === organization.id),
    ).toBe(false);
  });
});
