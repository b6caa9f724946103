import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import type { ListOrganizationsQuery } from "./schema";
import { organizationScope } from "./scope";

export const organizationSelect = {
  id: true,
  name: true,
  sector: true,
  sizeBand: true,
  region: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type OrganizationView = {
  id: string;
  name: string;
  sector: string | null;
  sizeBand: string | null;
  region: string | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export async function listOrganizations(
  ctx: WorkspaceContext,
  query: ListOrganizationsQuery = {},
): Promise<{ items: OrganizationView[]; nextCursor: string | null; total: number }> {
  assertCan(ctx, "organization.read");
  const limit = query.limit ?? 100;
  const q = query.q?.toLowerCase();
  const where = { ...organizationScope(ctx), ...(q ? { nameKey: { contains: q } } : {}) };
  const orderBy =
    query.sort === "updated"
      ? [{ updatedAt: "desc" as const }, { id: "asc" as const }]
      : query.sort === "created"
        ? [{ createdAt: "desc" as const }, { id: "asc" as const }]
        : [{ nameKey: "asc" as const }, { id: "asc" as const }];
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.organization.findMany({
      where,
      orderBy,
      take: limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
      select: organizationSelect,
    }),
    db.organization.count({ where }),
  ]);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null, total };
}

export async function findOrganization(
  ctx: WorkspaceContext,
  id: string,
): Promise<OrganizationView | null> {
  assertCan(ctx, "organization.read");
  return getDb().organization.findFirst({
    where: { ...organizationScope(ctx), id },
    select: organizationSelect,
  });
}

export async function getOrganization(
  ctx: WorkspaceContext,
  id: string,
): Promise<OrganizationView> {
  const organization = await findOrganization(ctx, id);
  if (!organization) throw notFound("Organisation");
  return organization;
}

/** Names of every organisation in the workspace, for granting access to executives. */
export async function listOrganizationChoices(
  ctx: WorkspaceContext,
): Promise<{ id: string; name: string }[]> {
  assertCan(ctx, "organization.read");
  return getDb().organization.findMany({
    where: organizationScope(ctx),
    orderBy: { nameKey: "asc" },
    select: { id: true, name: true },
  });
}
