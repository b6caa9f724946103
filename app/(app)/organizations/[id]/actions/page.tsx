import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { OrganizationFrame } from "@/components/organizations/organization-frame";
import { ActionsTable } from "@/components/actions/actions-table";
import { updateActionStatusAction } from "../../../action-items/actions";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganizationPage } from "@/lib/dashboards/data";

export const metadata: Metadata = { title: "Actions" };

// The actions between quarters: who does what by when, and which are overdue. New actions start
// from a next step on the overview or from a result.
export default async function OrganizationActionsPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const dashboard = await findOrganizationPage(ctx, id, ["actions"]);
  if (!dashboard) notFound();
  const { organization, latest } = dashboard;
  const dimensionNames = Object.fromEntries((latest?.dimensions ?? []).map((d) => [d.id, d.name]));
  return (
    <OrganizationFrame page={dashboard} role={ctx.role} tab="actions">
      <Card>
        <ActionsTable
          organizationId={organization.id}
          actions={dashboard.actions}
          dimensionNames={dimensionNames}
          statusAction={can(ctx.role, "action.manage") ? updateActionStatusAction : undefined}
          rounds={dashboard.rounds}
        />
      </Card>
    </OrganizationFrame>
  );
}
