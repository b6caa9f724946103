import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { AuthorizedWorkspaceId, SystemContext, WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/mutations";
import { notFound } from "@/lib/errors";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportFile,
  type ExportedOrganization,
  type ExportedOwner,
  type ExportedSettings,
  type StoredAnswerValue,
} from "./schema";

// The export: reads an organisation (or all of a workspace's) with everything hanging from it,
// in an order that does not depend on the database (ids within a parent, natural keys where
// there are some), so the same data exported from SQLite and from PostgreSQL is the same file.

/** Who asks: a member (REST, pages) or the operator's CLI. */
export type PortabilityCaller =
  { kind: "member"; ctx: WorkspaceContext } | { kind: "system"; system: SystemContext };

function workspaceOf(caller: PortabilityCaller): AuthorizedWorkspaceId {
  return caller.kind === "member" ? caller.ctx.workspaceId : caller.system.workspaceId;
}

export function actorOf(caller: PortabilityCaller): { userId: string | null; label: string } {
  return caller.kind === "member"
    ? { userId: caller.ctx.userId, label: caller.ctx.email }
    : { userId: null, label: `system (${caller.system.reason})` };
}

/**
 * Stored JSON with its object keys sorted, at every depth. PostgreSQL's jsonb keeps keys in its
 * own order and SQLite keeps them as written: sorted, a snapshot is the same bytes from either.
 */
export type JsonTree = string | number | boolean | null | JsonTree[] | { [key: string]: JsonTree };

export function canonicalJson(value: unknown): JsonTree {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value !== null && typeof value === "object") {
    const out: Record<string, JsonTree> = {};
    for (const key of Object.keys(value).sort())
      out[key] = canonicalJson((value as Record<string, unknown>)[key]);
    return out;
  }
  return value as JsonTree;
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const organizationInclude = {
  grants: { select: { member: { select: { user: { select: { email: true } } } } } },
  assessments: {
    orderBy: { id: "asc" },
    include: {
      invitations: { orderBy: { id: "asc" } },
      responses: {
        orderBy: { id: "asc" },
        include: {
          answers: {
            orderBy: { questionId: "asc" },
            include: { keyQuote: { select: { markedByUserId: true, markedAt: true } } },
          },
        },
      },
      result: true,
      workshops: {
        orderBy: { id: "asc" },
        include: {
          participants: { orderBy: { id: "asc" } },
          agreedLevels: { orderBy: { questionId: "asc" } },
        },
      },
    },
  },
  initiatives: {
    orderBy: { id: "asc" },
    include: {
      ownerMember: { select: { user: { select: { email: true, name: true } } } },
      statusChanges: { orderBy: [{ changedAt: "asc" }, { id: "asc" }] },
      diagnosticParts: { orderBy: { part: "asc" } },
    },
  },
  actions: {
    orderBy: { id: "asc" },
    include: { ownerMember: { select: { user: { select: { email: true, name: true } } } } },
  },
} satisfies Prisma.OrganizationInclude;

type OrganizationRow = Prisma.OrganizationGetPayload<{ include: typeof organizationInclude }>;

function ownerOf(row: {
  ownerMember: { user: { email: string; name: string } } | null;
  ownerName: string | null;
  ownerRole: string | null;
}): ExportedOwner {
  if (row.ownerMember)
    return { kind: "member", email: row.ownerMember.user.email, name: row.ownerMember.user.name };
  if (row.ownerName) return { kind: "person", name: row.ownerName, role: row.ownerRole };
  return null;
}

function userIdsOf(row: OrganizationRow): Set<string> {
  const ids = new Set<string>();
  const add = (v: string | null) => v && ids.add(v);
  for (const a of row.assessments) {
    for (const r of a.responses) for (const x of r.answers) add(x.keyQuote?.markedByUserId ?? null);
    for (const w of a.workshops) {
      add(w.createdByUserId);
      for (const l of w.agreedLevels) add(l.agreedByUserId);
    }
  }
  for (const i of row.initiatives) {
    for (const c of i.statusChanges) add(c.changedByUserId);
    for (const p of i.diagnosticParts) add(p.checkedByUserId);
  }
  return ids;
}

function toExported(row: OrganizationRow, emails: Map<string, string>): ExportedOrganization {
  const emailOf = (userId: string | null) => (userId ? (emails.get(userId) ?? null) : null);
  // The retakes' references, written only when they name a record of this file, so the file
  // always imports (the baseline and the previous link are ids no foreign key checks).
  const rounds = new Set(row.assessments.map((a) => a.id));
  const links = new Set(row.assessments.flatMap((a) => a.invitations.map((l) => l.id)));
  const initiatives = new Set(row.initiatives.map((i) => i.id));
  const ref = <K extends string>(key: K, id: string | null, known: Set<string>) =>
    (id !== null && known.has(id) ? { [key]: id } : {}) as Partial<Record<K, string>>;
  return {
    id: row.id,
    name: row.name,
    sector: row.sector,
    sizeBand: row.sizeBand,
    region: row.region,
    notes: row.notes,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    grantedTo: row.grants.map((g) => g.member.user.email).sort(),
    rounds: row.assessments.map((a) => ({
      id: a.id,
      name: a.name,
      frameworkVersion: a.frameworkVersion,
      state: a.state,
      roles: canonicalJson(a.roles),
      anonymous: a.anonymous,
      minGroupSize: a.minGroupSize,
      opensAt: isoOrNull(a.opensAt),
      closesAt: isoOrNull(a.closesAt),
      targets: a.targets === null ? null : canonicalJson(a.targets),
      previousRoundId: a.previousAssessmentId,
      ...ref("baselineRoundId", a.baselineAssessmentId, rounds),
      ...ref("focusInitiativeId", a.focusInitiativeId, initiatives),
      ...(a.showPreviousAnswers ? { showPreviousAnswers: true } : {}),
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
      openedAt: isoOrNull(a.openedAt),
      closedAt: isoOrNull(a.closedAt),
      links: a.invitations.map((l) => ({
        id: l.id,
        kind: l.kind,
        role: l.role,
        name: l.name,
        email: l.email,
        createdAt: iso(l.createdAt),
        revokedAt: isoOrNull(l.revokedAt),
        ...ref("previousLinkId", l.previousInvitationId, links),
      })),
      responses: a.responses.map((r) => ({
        id: r.id,
        linkId: r.invitationId,
        role: r.role,
        startedAt: isoOrNull(r.startedAt),
        submittedAt: isoOrNull(r.submittedAt),
        updatedAt: iso(r.updatedAt),
        answers: r.answers.map((x) => ({
          questionId: x.questionId,
          value: x.value as StoredAnswerValue,
          comment: x.comment,
          updatedAt: iso(x.updatedAt),
          ...(x.keyQuote
            ? {
                keyQuote: {
                  markedBy: emailOf(x.keyQuote.markedByUserId),
                  markedAt: iso(x.keyQuote.markedAt),
                },
              }
            : {}),
        })),
      })),
      result: a.result
        ? {
            id: a.result.id,
            frameworkVersion: a.result.frameworkVersion,
            result: canonicalJson(a.result.result),
            input: canonicalJson(a.result.input),
            inputHash: a.result.inputHash,
            computedAt: iso(a.result.computedAt),
            score: a.result.score,
            stage: a.result.stage,
            readyToScale: a.result.readyToScale,
          }
        : null,
      workshops: a.workshops.map((w) => ({
        id: w.id,
        code: w.code,
        phase: w.phase,
        plan: canonicalJson(w.plan),
        currentQuestionId: w.currentQuestionId,
        countdownEndsAt: isoOrNull(w.countdownEndsAt),
        // Written only when set, so files from before the field read back the same.
        ...(w.expectedParticipants === null
          ? {}
          : { expectedParticipants: w.expectedParticipants }),
        createdBy: emailOf(w.createdByUserId),
        createdAt: iso(w.createdAt),
        updatedAt: iso(w.updatedAt),
        endedAt: isoOrNull(w.endedAt),
        participants: w.participants.map((p) => ({
          id: p.id,
          responseId: p.responseId,
          joinedAt: iso(p.joinedAt),
        })),
        agreedLevels: w.agreedLevels.map((l) => ({
          questionId: l.questionId,
          value: l.value as StoredAnswerValue,
          reason: l.reason,
          agreedBy: emailOf(l.agreedByUserId),
          agreedAt: iso(l.agreedAt),
        })),
      })),
    })),
    initiatives: row.initiatives.map((i) => ({
      id: i.id,
      name: i.name,
      businessFunction: i.businessFunction,
      workflow: i.workflow,
      dataSources: i.dataSources,
      status: i.status,
      owner: ownerOf(i),
      createdAt: iso(i.createdAt),
      updatedAt: iso(i.updatedAt),
      statusChanges: i.statusChanges.map((c) => ({
        id: c.id,
        fromStatus: c.fromStatus,
        toStatus: c.toStatus,
        changedAt: iso(c.changedAt),
        changedBy: emailOf(c.changedByUserId),
        changedByLabel: c.changedByLabel,
        overrideReason: c.overrideReason,
        overriddenParts: c.overriddenParts,
      })),
      diagnostic: i.diagnosticParts.map((p) => ({
        part: p.part as "data_audit" | "ownership" | "monitoring",
        status: p.status,
        evidence: p.evidence,
        links: p.links,
        checkedAt: iso(p.checkedAt),
        checkedBy: emailOf(p.checkedByUserId),
        checkedByLabel: p.checkedByLabel,
      })),
    })),
    actions: row.actions.map((x) => ({
      id: x.id,
      title: x.title,
      dimension: x.dimension,
      recommendationId: x.recommendationId,
      owner: ownerOf(x),
      dueDate: isoOrNull(x.dueDate),
      status: x.status,
      completedAt: isoOrNull(x.completedAt),
      ...ref("roundId", x.assessmentId, rounds),
      createdAt: iso(x.createdAt),
      updatedAt: iso(x.updatedAt),
    })),
  };
}

async function exportOne(
  workspaceId: AuthorizedWorkspaceId,
  organizationId: string,
): Promise<ExportedOrganization | null> {
  const db = getDb();
  const row = await db.organization.findFirst({
    where: { id: organizationId, workspaceId },
    include: organizationInclude,
  });
  if (!row) return null;
  const userIds = [...userIdsOf(row)];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })
    : [];
  return toExported(row, new Map(users.map((u) => [u.id, u.email])));
}

async function build(
  caller: PortabilityCaller,
  scope: "organization" | "workspace",
  organizationIds: string[],
): Promise<ExportFile> {
  const workspaceId = workspaceOf(caller);
  const db = getDb();
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { name: true, retakeIntervalDays: true, logo: true, logoUpdatedAt: true },
  });
  const organizations: ExportedOrganization[] = [];
  for (const id of organizationIds) {
    const one = await exportOne(workspaceId, id);
    if (!one) throw notFound("Organisation");
    organizations.push(one);
  }
  const members =
    scope === "workspace"
      ? (
          await db.member.findMany({
            where: { workspaceId },
            select: { role: true, user: { select: { email: true, name: true } } },
          })
        )
          .map((m) => ({ email: m.user.email, name: m.user.name, role: m.role }))
          .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))
      : [];
  const actor = actorOf(caller);
  await recordAudit({
    workspaceId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: "workspace.exported",
    targetType: scope,
    targetId: scope === "organization" ? (organizationIds[0] ?? null) : workspaceId,
    detail: { organizations: organizations.length },
  });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    scope,
    source: { workspaceId, workspaceName: workspace.name },
    ...(scope === "workspace" ? { settings: settingsOf(workspace) } : {}),
    members,
    organizations,
  };
}

/** The workspace's settings as the file carries them: the logo's bytes as base64. */
function settingsOf(workspace: {
  retakeIntervalDays: number;
  logo: Uint8Array | null;
  logoUpdatedAt: Date | null;
}): ExportedSettings {
  return {
    retakeIntervalDays: workspace.retakeIntervalDays,
    logo: workspace.logo
      ? {
          data: Buffer.from(workspace.logo).toString("base64"),
          updatedAt: isoOrNull(workspace.logoUpdatedAt),
        }
      : null,
  };
}

function assertMayExport(caller: PortabilityCaller): void {
  if (caller.kind === "member") assertCan(caller.ctx, "workspace.export");
}

/** One organisation's whole history (404 when it is not in the caller's workspace). */
export async function exportOrganization(
  caller: PortabilityCaller,
  organizationId: string,
): Promise<ExportFile> {
  assertMayExport(caller);
  return build(caller, "organization", [organizationId]);
}

/** Every organisation of the workspace, and its members as references by email. */
export async function exportWorkspace(caller: PortabilityCaller): Promise<ExportFile> {
  assertMayExport(caller);
  const ids = await getDb().organization.findMany({
    where: { workspaceId: workspaceOf(caller) },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return build(
    caller,
    "workspace",
    ids.map((o) => o.id),
  );
}

/** The file as written to disk or sent over HTTP. */
export function serializeExport(file: ExportFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** A file name for the download: `gapmap-<what>-<date>.json`, ASCII only. */
export function exportFileName(file: ExportFile): string {
  const what =
    file.scope === "organization" ? (file.organizations[0]?.name ?? "organisation") : "workspace";
  const slug =
    what
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .toLowerCase()
      .slice(0, 60) || "export";
  return `gapmap-${slug}-${file.exportedAt.slice(0, 10)}.json`;
}

export type ExportableOrganization = { id: string; name: string; rounds: number };

/** The settings page's list: every organisation of the workspace, by name (owners only). */
export async function listExportableOrganizations(
  ctx: WorkspaceContext,
): Promise<ExportableOrganization[]> {
  assertCan(ctx, "workspace.export");
  const rows = await getDb().organization.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ nameKey: "asc" }, { id: "asc" }],
    select: { id: true, name: true, _count: { select: { assessments: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, rounds: r._count.assessments }));
}
