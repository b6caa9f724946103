import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ActionForm } from "@/components/settings/action-form";
import { LogoForm } from "@/components/settings/logo-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { readWorkspaceLogo } from "@/lib/workspaces/data";
import { LOGO_MAX_BYTES } from "@/lib/workspaces/logo";
import { removeLogoAction, uploadLogoAction } from "../actions";

export const metadata: Metadata = { title: "Workspace" };

export default async function WorkspaceSettingsPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx.role, "workspace.update")) redirect("/organizations");
  const logo = await readWorkspaceLogo(ctx);
  return (
    <>
      <PageHeader
        title="Workspace"
        description={`${ctx.workspaceName}: how the reports you hand out look.`}
      />
      <Card>
        <h2 className="text-lg font-semibold">Logo on report covers</h2>
        <p className="mt-1 text-sm text-slate-600">
          Printed on the cover of every PDF report and board deck of this workspace.
        </p>
        <div className="mt-4 flex flex-col gap-6 sm:flex-row sm:items-start">
          <div className="flex h-24 w-48 shrink-0 items-center justify-center rounded-lg border border-slate-200 bg-white p-2">
            {logo ? (
              // A data URL of bytes checked as PNG or JPEG: nothing else is ever stored.
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={`data:${logo.type};base64,${Buffer.from(logo.bytes).toString("base64")}`}
                alt={`${ctx.workspaceName} logo`}
                className="max-h-full max-w-full object-contain"
              />
            ) : (
              <span className="text-sm text-slate-600">No logo yet</span>
            )}
          </div>
          <div className="flex-1 space-y-4">
            <LogoForm action={uploadLogoAction} maxKb={LOGO_MAX_BYTES / 1024} />
            {logo ? (
              <ActionForm action={removeLogoAction}>
                <p className="mb-2 text-sm text-slate-600">
                  {logo.updatedAt ? `Uploaded ${formatDateTime(logo.updatedAt)}.` : null}
                </p>
                <SubmitButton variant="secondary" pendingLabel="Removing…">
                  Remove logo
                </SubmitButton>
              </ActionForm>
            ) : null}
          </div>
        </div>
      </Card>
    </>
  );
}
