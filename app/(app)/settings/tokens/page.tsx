import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ActionForm } from "@/components/settings/action-form";
import { TokenForm } from "@/components/settings/token-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { listApiTokens } from "@/lib/tokens/data";
import { createTokenAction, revokeTokenAction } from "../actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx.role, "token.manage")) redirect("/organizations");
  const tokens = await listApiTokens(ctx);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="For BI tools and scripts: send `Authorization: Bearer <token>` to /api/v1. A token acts with your role in this workspace."
      />
      <Card className="mb-6">
        <h2 className="mb-4 text-lg font-semibold">Create a token</h2>
        <TokenForm action={createTokenAction} />
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Tokens</h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-slate-600">No tokens yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {tokens.map((t) => (
              <li
                key={t.id}
                className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="font-medium">
                    {t.name}{" "}
                    <code className="ml-1 rounded bg-slate-100 px-1 text-xs">{t.prefix}…</code>
                  </p>
                  <p className="text-sm text-slate-600">
                    {t.member.user.email} · created {formatDateTime(t.createdAt)} ·{" "}
                    {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt)}` : "never used"}
                  </p>
                </div>
                {t.revokedAt ? (
                  <span className="text-sm font-medium text-slate-500">Revoked</span>
                ) : (
                  <ActionForm action={revokeTokenAction}>
                    <input type="hidden" name="tokenId" value={t.id} />
                    <SubmitButton variant="secondary" pendingLabel="Revoking…">
                      Revoke
                    </SubmitButton>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
