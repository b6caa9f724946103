import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { switchWorkspaceAction } from "./workspace-actions";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { ctx, workspaces } = await requirePageContext();
  const nav = [
    { href: "/organizations", label: "Organisations" },
    ...(can(ctx.role, "assessment.read") ? [{ href: "/portfolio", label: "Portfolio" }] : []),
    ...(can(ctx.role, "assessment.read") ? [{ href: "/retakes", label: "Retakes due" }] : []),
    ...(can(ctx.role, "member.read") ? [{ href: "/settings/members", label: "Members" }] : []),
    ...(can(ctx.role, "token.manage") ? [{ href: "/settings/tokens", label: "API tokens" }] : []),
    ...(can(ctx.role, "workspace.export")
      ? [{ href: "/settings/data", label: "Export and import" }]
      : []),
    ...(can(ctx.role, "webhook.manage") ? [{ href: "/settings/webhooks", label: "Webhooks" }] : []),
    ...(can(ctx.role, "audit.read") ? [{ href: "/settings/audit", label: "Audit log" }] : []),
    ...(can(ctx.role, "workspace.update")
      ? [{ href: "/settings/workspace", label: "Workspace" }]
      : []),
    // Owners only, as the audit log: it names every respondent written to.
    ...(can(ctx.role, "audit.read") ? [{ href: "/settings/mail", label: "Mail" }] : []),
  ];
  return (
    <AppShell
      nav={nav}
      user={{ name: ctx.userName, email: ctx.email, role: ctx.role }}
      workspace={{ id: ctx.workspaceId, name: ctx.workspaceName }}
      workspaces={workspaces}
      switchWorkspace={switchWorkspaceAction}
    >
      {children}
    </AppShell>
  );
}
