import "server-only";
import { getDb, type DbTx } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { recordAudit } from "@/lib/audit/mutations";
import { notFound, parseInput } from "@/lib/errors";
import { createTokenSchema } from "./schema";

/** Creates an API token acting as the given member. The token is returned once, never stored. */
export async function issueApiToken(
  tx: DbTx,
  member: { workspaceId: WorkspaceContext["workspaceId"]; memberId: string },
  name: string,
  actor: { userId: string | null; label: string },
): Promise<{ id: string; token: string }> {
  const token = createSecretToken("gm");
  const row = await tx.apiToken.create({
    data: {
      workspaceId: member.workspaceId,
      memberId: member.memberId,
      name,
      tokenHash: hashSecretToken(token),
      prefix: token.slice(0, 10),
    },
    select: { id: true },
  });
  await recordAudit(
    {
      workspaceId: member.workspaceId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "token.created",
      targetType: "api_token",
      targetId: row.id,
      detail: { name },
    },
    tx,
  );
  return { id: row.id, token };
}

export async function createApiToken(
  ctx: WorkspaceContext,
  input: unknown,
): Promise<{ id: string; token: string }> {
  assertCan(ctx, "token.manage");
  const { name } = parseInput(createTokenSchema, input);
  return getDb().$transaction((tx) =>
    issueApiToken(tx, ctx, name, { userId: ctx.userId, label: ctx.email }),
  );
}

export async function revokeApiToken(ctx: WorkspaceContext, tokenId: string): Promise<void> {
  assertCan(ctx, "token.manage");
  const result = await getDb().apiToken.updateMany({
    where: { id: tokenId, workspaceId: ctx.workspaceId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw notFound("Active API token");
  await recordAudit({
    workspaceId: ctx.workspaceId,
    actorUserId: ctx.userId,
    actorLabel: ctx.email,
    action: "token.revoked",
    targetType: "api_token",
    targetId: tokenId,
  });
}
