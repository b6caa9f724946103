import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requirePageContext } from "@/lib/auth/server";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { ctx, workspaces } = await requirePageContext();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Account" description={`${ctx.userName} · ${ctx.email}`} />
      <Card>
        <h2 className="text-lg font-semibold">Your workspaces</h2>
        <ul className="mt-2 space-y-1">
          {workspaces.map((w) => (
            <li key={w.id} className="flex justify-between text-sm">
              <span>{w.name}</span>
              <span className="text-slate-600">{ROLE_LABELS[w.role]}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Change password</h2>
        <p className="mt-1 text-sm text-slate-600">
          This signs you out everywhere, on every device; sign in again with the new password.
        </p>
        <ChangePasswordForm action={changePasswordAction} />
      </Card>
    </div>
  );
}
