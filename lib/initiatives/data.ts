import "server-only";
import { scopedOrganizationId } from "@/lib/organizations/data";
import { getDb, type Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import { can } from "@/lib/auth/roles";
import type { WorkspaceContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { cursorCodec, toPage } from "@/lib/pagination/cursors";
import { organizationScope } from "@/lib/organizations/scope";
import type { DiagnosticPartId } from "@/lib/framework";
import { decideGo, DIAGNOSTIC_PARTS, type GoDecision } from "./diagnostic";
import {
  diagnosticPartIdSchema,
  INITIATIVE_STATUSES,
  parseStoredLinks,
  parseStoredParts,
  type InitiativeStatus,
  type PartStatus,
} from "./schema";
import { initiativeScope } from "./scope";
import { portfolioPipeline, type PortfolioPipeline } from "./pipeline";

export type InitiativeOwner =
  | { kind: "member"; memberId: string; name: string; email: string }
  | { kind: "person"; name: string; role: string };

export type DiagnosticPartView = {
  part: DiagnosticPartId;
  name: string;
  /** null: never checked. */
  status: PartStatus | null;
  evidence: string | null;
  links: string[];
  checkedAt: Date | null;
  checkedBy: string | null;
};

export type StatusChangeView = {
  from: InitiativeStatus | null;
  to: InitiativeStatus;
  changedAt: Date;
  changedBy: string;
  /** Set when the change went past a no-go diagnostic. */
  override: null | { reason: string; parts: DiagnosticPartId[] };
};

export type InitiativeView = {
  id: string;
  organizationId: string;
  name: string;
  businessFunction: string | null;
  workflow: string | null;
  dataSources: string | null;
  status: InitiativeStatus;
  owner: InitiativeOwner | null;
  diagnostic: { parts: DiagnosticPartView[] } & GoDecision;
  /** Oldest first; the first entry is the initiative's creation. */
  history: StatusChangeView[];
  createdAt: Date;
  updatedAt: Date;
};

// Oldest change first; the id orders changes made in the same millisecond.
const historyOrder: Prisma.InitiativeStatusChangeOrderByWithRelationInput[] = [
  { changedAt: "asc" },
  { id: "asc" },
];

export const initiativeSelect = {
  id: true,
  organizationId: true,
  name: true,
  businessFunction: true,
  workflow: true,
  dataSources: true,
  status: true,
  ownerName: true,
  ownerRole: true,
  ownerMember: { select: { id: true, user: { select: { name: true, email: true } } } },
  createdAt: true,
  updatedAt: true,
  diagnosticParts: {
    select: {
      part: true,
      status: true,
      evidence: true,
      links: true,
      checkedAt: true,
      checkedByLabel: true,
    },
  },
  statusChanges: {
    orderBy: historyOrder,
    select: {
      fromStatus: true,
      toStatus: true,
      changedAt: true,
      changedByLabel: true,
      overrideReason: true,
      overriddenParts: true,
    },
  },
} as const;

type InitiativeRow = {
  id: string;
  organizationId: string;
  name: string;
  businessFunction: string | null;
  workflow: string | null;
  dataSources: string | null;
  status: InitiativeStatus;
  ownerName: string | null;
  ownerRole: string | null;
  ownerMember: { id: string; user: { name: string; email: string } } | null;
  createdAt: Date;
  updatedAt: Date;
  diagnosticParts: {
    part: string;
    status: PartStatus;
    evidence: string;
    links: string | null;
    checkedAt: Date;
    checkedByLabel: string;
  }[];
  statusChanges: {
    fromStatus: InitiativeStatus | null;
    toStatus: InitiativeStatus;
    changedAt: Date;
    changedByLabel: string;
    overrideReason: string | null;
    overriddenParts: string | null;
  }[];
};

export function toInitiativeView(row: InitiativeRow): InitiativeView {
  const recorded = row.diagnosticParts.flatMap((p) => {
    const part = diagnosticPartIdSchema.safeParse(p.part);
    return part.success ? [{ ...p, part: part.data }] : [];
  });
  const parts: DiagnosticPartView[] = DIAGNOSTIC_PARTS.map(({ id, name }) => {
    const found = recorded.find((p) => p.part === id);
    return {
      part: id,
      name,
      status: found?.status ?? null,
      evidence: found?.evidence ?? null,
      links: parseStoredLinks(found?.links ?? null),
      checkedAt: found?.checkedAt ?? null,
      checkedBy: found?.checkedByLabel ?? null,
    };
  });
  const owner: InitiativeOwner | null = row.ownerMember
    ? {
        kind: "member",
        memberId: row.ownerMember.id,
        name: row.ownerMember.user.name,
        email: row.ownerMember.user.email,
      }
    : row.ownerName
      ? { kind: "person", name: row.ownerName, role: row.ownerRole ?? "" }
      : null;
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    businessFunction: row.businessFunction,
    workflow: row.workflow,
    dataSources: row.dataSources,
    status: row.status,
    owner,
    diagnostic: { parts, ...decideGo(recorded) },
    history: row.statusChanges.map((c) => ({
      from: c.fromStatus,
      to: c.toStatus,
      changedAt: c.changedAt,
      changedBy: c.changedByLabel,
      override:
        c.overrideReason === null
          ? null
          : { reason: c.overrideReason, parts: parseStoredParts(c.overriddenParts) },
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

// Oldest first: an organisation's initiatives read in the order they were added.
const oldestFirst = cursorCodec("initiatives.created", "date");

/** An organisation's initiatives, one keyset page at a time (`invalid_cursor` for a bad cursor). */
export async function listInitiatives(
  ctx: WorkspaceContext,
  organizationId: string,
  page: { cursor?: string; limit?: number } = {},
): Promise<{ items: InitiativeView[]; nextCursor: string | null }> {
  assertCan(ctx, "initiative.read");
  const db = getDb();
  const scopedId = await scopedOrganizationId(ctx, organizationId);
  const limit = page.limit ?? 100;
  const at = page.cursor === undefined ? null : oldestFirst.decode(page.cursor);
  const rows = await db.initiative.findMany({
    where: {
      ...initiativeScope(ctx),
      organizationId: scopedId,
      ...(at
        ? { OR: [{ createdAt: { gt: at.key } }, { createdAt: at.key, id: { gt: at.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: initiativeSelect,
  });
  const { items, nextCursor } = toPage(rows, limit, (row) =>
    oldestFirst.encode(row.createdAt, row.id),
  );
  return { items: items.map(toInitiativeView), nextCursor };
}

/** Initiatives shown on a page at most; the API pages through all of them. */
export const INITIATIVES_ON_PAGE = 200;

/**
 * The initiatives of an organisation the caller's scope already found (the organisation page's
 * one data call, lib/dashboards/data.ts), oldest first.
 */
export async function readInitiativesOfScopedOrganization(
  ctx: WorkspaceContext,
  organizationId: string,
): Promise<InitiativeView[]> {
  assertCan(ctx, "initiative.read");
  const rows = await getDb().initiative.findMany({
    where: { ...initiativeScope(ctx), organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: INITIATIVES_ON_PAGE,
    select: initiativeSelect,
  });
  return rows.map(toInitiativeView);
}

export async function findInitiative(
  ctx: WorkspaceContext,
  id: string,
): Promise<InitiativeView | null> {
  assertCan(ctx, "initiative.read");
  const row = await getDb().initiative.findFirst({
    where: { ...initiativeScope(ctx), id },
    select: initiativeSelect,
  });
  return row ? toInitiativeView(row) : null;
}

export async function getInitiative(ctx: WorkspaceContext, id: string): Promise<InitiativeView> {
  const initiative = await findInitiative(ctx, id);
  if (!initiative) throw notFound("Initiative");
  return initiative;
}

export type Pipeline = { status: InitiativeStatus; count: number }[];

/** Initiatives per status, every status listed (zero included), in the pipeline's order. */
export function pipelineOf(initiatives: readonly { status: InitiativeStatus }[]): Pipeline {
  return INITIATIVE_STATUSES.map((status) => ({
    status,
    count: initiatives.filter((i) => i.status === status).length,
  }));
}

export type InitiativePage = {
  initiative: InitiativeView;
  organization: { id: string; name: string };
  /** The members an owner can be chosen from; empty for a caller who cannot edit. */
  members: { id: string; name: string; email: string }[];
};

/** Everything the initiative page shows, in one call; null when the caller may not see it. */
export async function findInitiativePage(
  ctx: WorkspaceContext,
  id: string,
): Promise<InitiativePage | null> {
  assertCan(ctx, "initiative.read");
  const db = getDb();
  const row = await db.initiative.findFirst({
    where: { ...initiativeScope(ctx), id },
    select: { ...initiativeSelect, organization: { select: { id: true, name: true } } },
  });
  if (!row) return null;
  const { organization, ...rest } = row;
  const members = await membersToOwn(ctx);
  return { initiative: toInitiativeView(rest), organization, members };
}

/** The workspace's members, for the owner picker of a caller who may manage initiatives. */
export async function membersToOwn(
  ctx: WorkspaceContext,
): Promise<{ id: string; name: string; email: string }[]> {
  if (!can(ctx.role, "initiative.manage")) return [];
  const rows = await getDb().member.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((m) => ({ id: m.id, name: m.user.name, email: m.user.email }));
}

/** The new-initiative page: the organisation (null when out of reach) and the owner choices. */
export async function findNewInitiativePage(
  ctx: WorkspaceContext,
  organizationId: string,
): Promise<{
  organization: { id: string; name: string };
  members: { id: string; name: string; email: string }[];
} | null> {
  assertCan(ctx, "initiative.read");
  const organization = await getDb().organization.findFirst({
    where: { ...organizationScope(ctx), id: organizationId },
    select: { id: true, name: true },
  });
  if (!organization) return null;
  return { organization, members: await membersToOwn(ctx) };
}

/**
 * The pipeline across every organisation the caller sees (the portfolio): initiatives by status,
 * the pilot-to-production conversion from the dated status changes, the share of organisations
 * at Deloitte's 40% mark, and which initiatives each diagnostic part holds.
 */
export async function getPortfolioPipeline(
  ctx: WorkspaceContext,
): Promise<PortfolioPipeline & { organizationNames: Record<string, string> }> {
  assertCan(ctx, "initiative.read");
  const rows = await getDb().initiative.findMany({
    where: initiativeScope(ctx),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      organizationId: true,
      status: true,
      organization: { select: { name: true } },
      diagnosticParts: { select: { part: true, status: true } },
      statusChanges: { select: { toStatus: true, changedAt: true } },
    },
  });
  const organizationNames: Record<string, string> = {};
  const initiatives = rows.map((row) => {
    organizationNames[row.organizationId] = row.organization.name;
    const recorded = row.diagnosticParts.flatMap((p) => {
      const part = diagnosticPartIdSchema.safeParse(p.part);
      return part.success ? [{ part: part.data, status: p.status }] : [];
    });
    return {
      id: row.id,
      name: row.name,
      organizationId: row.organizationId,
      status: row.status,
      diagnostic: decideGo(recorded),
      history: row.statusChanges.map((c) => ({ to: c.toStatus, changedAt: c.changedAt })),
    };
  });
  return { ...portfolioPipeline(initiatives), organizationNames };
}
