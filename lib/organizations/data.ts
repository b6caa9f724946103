import "server-only";
import { getDb, type DbTx, type Prisma } from "@/lib/db";
import { cursorCodec, toPage } from "@/lib/pagination/cursors";
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

// One codec per order: a cursor handed out for one sort is refused by another.
const byName = cursorCodec("organizations.name", "text");
const byUpdated = cursorCodec("organizations.updated", "date");
const byCreated = cursorCodec("organizations.created", "date");

type OrganizationRow = OrganizationView & { nameKey: string };
type Order = {
  orderBy: Prisma.OrganizationOrderByWithRelationInput[];
  /** Rows after the cursor's position, in the same order (null: from the first row). */
  after: Prisma.OrganizationWhereInput | null;
  cursorOf: (row: OrganizationRow) => string;
};

function orderFor(query: ListOrganizationsQuery): Order {
  const cursor = query.cursor;
  if (query.sort === "updated") {
    const at = cursor === undefined ? null : byUpdated.decode(cursor);
    return {
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      after: at && {
        OR: [{ updatedAt: { lt: at.key } }, { updatedAt: at.key, id: { gt: at.id } }],
      },
      cursorOf: (row) => byUpdated.encode(row.updatedAt, row.id),
    };
  }
  if (query.sort === "created") {
    const at = cursor === undefined ? null : byCreated.decode(cursor);
    return {
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      after: at && {
        OR: [{ createdAt: { lt: at.key } }, { createdAt: at.key, id: { gt: at.id } }],
      },
      cursorOf: (row) => byCreated.encode(row.createdAt, row.id),
    };
  }
  const at = cursor === undefined ? null : byName.decode(cursor);
  return {
    orderBy: [{ nameKey: "asc" }, { id: "asc" }],
    after: at && { OR: [{ nameKey: { gt: at.key } }, { nameKey: at.key, id: { gt: at.id } }] },
    cursorOf: (row) => byName.encode(row.nameKey, row.id),
  };
}

/** The caller's organisations, one keyset page at a time (`invalid_cursor` for a bad cursor). */
export async function listOrganizations(
  ctx: WorkspaceContext,
  query: ListOrganizationsQuery = {},
): Promise<{ items: OrganizationView[]; nextCursor: string | null; total: number }> {
  assertCan(ctx, "organization.read");
  const limit = query.limit ?? 100;
  const q = query.q?.toLowerCase();
  const where = { ...organizationScope(ctx), ...(q ? { nameKey: { contains: q } } : {}) };
  const order = orderFor(query);
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.organization.findMany({
      where: order.after ? { AND: [where, order.after] } : where,
      orderBy: order.orderBy,
      take: limit + 1,
      select: { ...organizationSelect, nameKey: true },
    }),
    db.organization.count({ where }),
  ]);
  const page = toPage(rows, limit, order.cursorOf);
  return {
    items: page.items.map(({ nameKey: _, ...view }) => view),
    nextCursor: page.nextCursor,
    total,
  };
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

/**
 * The id of an organisation the caller may see, read through `db` (a transaction's client, or the
 * shared one); 404 for another workspace's or an ungranted organisation. The one check every
 * write or list under an organisation starts with.
 */
export async function scopedOrganizationId(
  ctx: WorkspaceContext,
  organizationId: string,
  db: Pick<DbTx, "organization"> = getDb(),
): Promise<string> {
  const organization = await db.organization.findFirst({
    where: { ...organizationScope(ctx), id: organizationId },
    select: { id: true },
  });
  if (!organization) throw notFound("Organisation");
  return organization.id;
}
