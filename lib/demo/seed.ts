import "server-only";
import { getDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/mutations";
import { seesOnlyGrantedOrganizations, type Role } from "@/lib/auth/roles";
import { actAsMember, systemContext, type WorkspaceContext } from "@/lib/auth/context";
import { seedFocusInitiative, seedInitiatives } from "./initiatives";
import { seedWorkshop } from "./workshop";
import { seedHistory, type DemoAssessment } from "./history";
import { seedComments } from "./comments";

// The demo workspace a first-time visitor sees after `npm start`: a consultancy with a handful
// of client organisations, an owner, a consultant and one client executive.

export type DemoAccount = { email: string; password: string; role: Role; note: string };

export const DEMO_WORKSPACE = "Northwind Advisory";

const DEMO_NAMES: Record<string, string> = {
  "owner@gapmap.demo": "Olivia Owens",
  "consultant@gapmap.demo": "Callum Reyes",
  "exec@gapmap.demo": "Erin Marsh",
};

const ORGANIZATIONS = [
  {
    name: "Meridian Logistics",
    sector: "Logistics",
    sizeBand: "1000-4999",
    region: "UK & Ireland",
    notes:
      "Route-planning assistant live in two depots; the sponsor (COO) wants a go/no-go for national rollout.",
  },
  {
    name: "Halden Mutual",
    sector: "Insurance",
    sizeBand: "5000+",
    region: "Nordics",
    notes:
      "Claims triage pilot: strong accuracy in the sandbox, stalled at the integration with the policy core.",
  },
  {
    name: "Corvane Manufacturing",
    sector: "Manufacturing",
    sizeBand: "1000-4999",
    region: "DACH",
    notes: "Visual inspection and maintenance copilots; data lives in three MES versions.",
  },
  {
    name: "Brightwell Health",
    sector: "Healthcare",
    sizeBand: "5000+",
    region: "UK & Ireland",
    notes:
      "Discharge-summary drafting pilot; clinical safety wants monitoring before any expansion.",
  },
  {
    name: "Aster Retail Group",
    sector: "Retail",
    sizeBand: "5000+",
    region: "Benelux",
    notes:
      "Demand forecasting and a customer-service agent; ownership split between IT and marketing.",
  },
  {
    name: "Kestrel Energy",
    sector: "Energy",
    sizeBand: "250-999",
    region: "Iberia",
    notes: "Field-report summarisation; no data governance lead yet.",
  },
] as const;

/** Seeds the demo workspace into an empty database. Returns false (and writes nothing) otherwise. */
export async function seedDemo(accounts: DemoAccount[]): Promise<boolean> {
  const db = getDb();
  if ((await db.user.count()) > 0 || (await db.workspace.count()) > 0) return false;
  const hashes = new Map<string, string>();
  for (const account of accounts) {
    hashes.set(
      account.password,
      hashes.get(account.password) ?? (await hashPassword(account.password)),
    );
  }
  const created = await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name: DEMO_WORKSPACE },
      select: { id: true },
    });
    const { workspaceId } = systemContext(workspace.id, "seed");
    const organizations = [];
    for (const o of ORGANIZATIONS) {
      organizations.push(
        await tx.organization.create({
          data: { ...o, workspaceId, nameKey: o.name.toLowerCase() },
          select: { id: true, name: true },
        }),
      );
    }
    let owner: { userId: string; memberId: string; email: string; name: string } | null = null;
    for (const account of accounts) {
      const user = await tx.user.create({
        data: {
          email: account.email,
          name: DEMO_NAMES[account.email] ?? account.email.split("@")[0]!,
          passwordHash: hashes.get(account.password)!,
        },
        select: { id: true },
      });
      const member = await tx.member.create({
        data: { workspaceId, userId: user.id, role: account.role },
        select: { id: true },
      });
      if (account.role === "owner" && !owner) {
        owner = {
          userId: user.id,
          memberId: member.id,
          email: account.email,
          name: DEMO_NAMES[account.email] ?? account.email,
        };
      }
      if (seesOnlyGrantedOrganizations(account.role)) {
        await tx.organizationGrant.create({
          data: { workspaceId, memberId: member.id, organizationId: organizations[0]!.id },
        });
      }
    }
    await recordAudit(
      {
        workspaceId,
        actorUserId: null,
        actorLabel: "seed",
        action: "workspace.created",
        targetType: "workspace",
        targetId: workspace.id,
        detail: { demo: true },
      },
      tx,
    );
    return { workspaceId: workspace.id, organizations, owner };
  });
  if (created.owner) {
    const ctx = actAsMember(systemContext(created.workspaceId, "seed"), {
      userId: created.owner.userId,
      userName: created.owner.name,
      email: created.owner.email,
      memberId: created.owner.memberId,
      workspaceName: DEMO_WORKSPACE,
      role: "owner",
    });
    const [meridian, halden, corvane, brightwell, aster, kestrel] = created.organizations;
    const haldenFocus = halden ? await seedFocusInitiative(ctx, halden.id) : undefined;
    // `diagnosticFrom`: the quarter from which the organisation did the three-part diagnostic
    // work (its diagnostic questions rise), so some rounds pass the gate and some do not.
    const profiles = [
      { organization: meridian, ...MERIDIAN },
      {
        organization: halden,
        start: 1.7,
        gain: 0.35,
        weak: ["integration"],
        respondents: 10,
        diagnosticFrom: 3,
        focusLastRoundOn: haldenFocus,
      },
      {
        organization: corvane,
        start: 1.3,
        gain: 0.3,
        weak: ["data", "integration"],
        respondents: 9,
      },
      {
        organization: brightwell,
        start: 2.2,
        gain: 0.35,
        weak: [],
        respondents: 10,
        diagnosticFrom: 1,
      },
      { organization: aster, start: 1.6, gain: 0.25, weak: ["ownership"], respondents: 8 },
      { organization: kestrel, start: 1.1, gain: 0.3, weak: ["data", "ownership"], respondents: 8 },
    ].flatMap((p) => (p.organization ? [{ ...p, organizationId: p.organization.id }] : []));
    // Aster Retail's latest quarter ran its gating questions as a live workshop two days before
    // it closed: agreed levels, and a split room on the accountable owner, resolved.
    await seedHistory(ctx, profiles, DEMO_ROUNDS, async (round) => {
      if (round.organizationId !== aster?.id || round.index !== DEMO_ROUNDS.length - 1) return;
      await seedWorkshop(
        ctx,
        round.assessmentId,
        new Date(round.closedAt.getTime() - 2 * 86400000),
      );
    });
    if (meridian) await seedRichestExtras(ctx, meridian.id, created.owner.memberId);
  }
  return true;
}

// Meridian Logistics, the demo's richest organisation: the most respondents, every quarter, and
// the only one with initiatives, actions, comments and key quotes.
const MERIDIAN = {
  start: 1.9,
  gain: 0.4,
  weak: ["integration"],
  respondents: 12,
  diagnosticFrom: 2,
};

async function seedRichestExtras(
  ctx: WorkspaceContext,
  organizationId: string,
  ownerMemberId: string,
): Promise<void> {
  await seedInitiatives(ctx, organizationId, ownerMemberId);
  await seedComments(ctx, organizationId);
}

/**
 * The demo's richest organisation (Meridian's history, initiatives, actions, comments and key
 * quotes) into an organisation of any workspace: the report tests and benchmarks use it. The
 * history is the seed's own (Meridian is its first profile, so the same generator seed).
 */
export async function seedRichestOrganization(
  ctx: WorkspaceContext,
  organizationId: string,
  ownerMemberId: string,
): Promise<void> {
  await seedHistory(ctx, [{ organizationId, ...MERIDIAN }], DEMO_ROUNDS);
  await seedRichestExtras(ctx, organizationId, ownerMemberId);
}

// Four closed quarters; the oldest was scored with the previous framework version.
const DEMO_ROUNDS: DemoAssessment[] = [
  { name: "Q4 2025", frameworkVersion: "2026.4", closedAt: new Date("2025-12-12T16:00:00Z") },
  { name: "Q1 2026", frameworkVersion: "2027.1", closedAt: new Date("2026-03-20T16:00:00Z") },
  { name: "Q2 2026", frameworkVersion: "2027.1", closedAt: new Date("2026-06-19T16:00:00Z") },
  { name: "Q3 2026", frameworkVersion: "2027.1", closedAt: new Date("2026-09-18T16:00:00Z") },
];
