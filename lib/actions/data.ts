import "server-only";
import { scopedOrganizationId } from "@/lib/organizations/data";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { cursorCodec, toPage } from "@/lib/pagination/cursors";
import type { InitiativeOwner } from "@/lib/initiatives/data";
import { isOverdue } from "./overdue";
import type { ActionStatus } from "./schema";
import { actionScope } from "./scope";

export type ActionView = {
  id: string;
  organizationId: string;
  title: string;
  dimension: string | null;
  recommendationId: string | null;
  owner: InitiativeOwner | null;
  dueDate: Date | null;
  status: ActionStatus;
  /** Open or in progress after its due date, as of the read. */
  overdue: boolean;
  completedAt: Date | null;
  /** The round it is tracked in (carried to the next round until done or dropped). */
  assessmentId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const actionSelect = {
  id: true,
  organizationId: true,
  title: true,
  dimension: true,
  recommendationId: true,
  ownerName: true,
  ownerRole: true,
  ownerMember: { select: { id: true, user: { select: { name: true, email: true } } } },
  dueDate: true,
  status: true,
  completedAt: true,
  assessmentId: true,
  createdAt: true,
  updatedAt: true,
} as const;

type ActionRow = Omit<ActionView, "owner" | "overdue"> & {
  ownerName: string | null;
  ownerRole: string | null;
  ownerMember: { id: string; user: { name: string; email: string } } | null;
};

export function toActionView(row: ActionRow, now: Date): ActionView {
  const { ownerName, ownerRole, ownerMember, ...rest } = row;
  const owner: InitiativeOwner | null = ownerMember
    ? {
        kind: "member",
        memberId: ownerMember.id,
        name: ownerMember.user.name,
        email: ownerMember.user.email,
      }
    : ownerName
      ? { kind: "person", name: ownerName, role: ownerRole ?? "" }
      : null;
  return { ...rest, owner, overdue: isOverdue(row, now) };
}

const oldestFirst = cursorCodec("actions.created", "date");

/** An organisation's actions, one keyset page at a time (`invalid_cursor` for a bad cursor). */
export async function listActions(
  ctx: WorkspaceContext,
  organizationId: string,
  page: { cursor?: string; limit?: number } = {},
): Promise<{ items: ActionView[]; nextCursor: string | null }> {
  assertCan(ctx, "action.read");
  const db = getDb();
  const scopedId = await scopedOrganizationId(ctx, organizationId);
  const limit = page.limit ?? 100;
  const at = page.cursor === undefined ? null : oldestFirst.decode(page.cursor);
  const rows = await db.action.findMany({
    where: {
      ...actionScope(ctx),
      organizationId: scopedId,
      ...(at
        ? { OR: [{ createdAt: { gt: at.key } }, { createdAt: at.key, id: { gt: at.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: actionSelect,
  });
  const now = new Date();
  const { items, nextCursor } = toPage(rows, limit, (row) =>
    oldestFirst.encode(row.createdAt, row.id),
  );
  return { items: items.map((row) => toActionView(row, now)), nextCursor };
}

export const ACTIONS_ON_PAGE = 200;

/** The actions of an organisation the caller's scope already found (the organisation page). */
export async function readActionsOfScopedOrganization(
  ctx: WorkspaceContext,
  organizationId: string,
): Promise<ActionView[]> {
  assertCan(ctx, "action.read");
  const rows = await getDb().action.findMany({
    where: { ...actionScope(ctx), organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: ACTIONS_ON_PAGE,
    select: actionSelect,
  });
  const now = new Date();
  return rows.map((row) => toActionView(row, now));
}
