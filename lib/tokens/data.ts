import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  member: { user: { email: string } };
};

export async function listApiTokens(ctx: WorkspaceContext): Promise<ApiTokenView[]> {
  assertCan(ctx, "token.manage");
  return getDb().apiToken.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      member: { select: { user: { select: { email: true } } } },
    },
  });
}
