import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { OrganizationFrame } from "@/components/organizations/organization-frame";
import { InitiativesSection } from "@/components/initiatives/initiatives-section";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganizationPage } from "@/lib/dashboards/data";

export const metadata: Metadata = { title: "Initiatives" };

// Each AI initiative with its go / no-go from the three-part diagnostic, and the pipeline.
export default async function OrganizationInitiativesPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const dashboard = await findOrganizationPage(ctx, id, ["initiatives"]);
  if (!dashboard) notFound();
  return (
    <OrganizationFrame page={dashboard} role={ctx.role} tab="initiatives">
      <Card>
        <InitiativesSection
          organizationId={dashboard.organization.id}
          initiatives={dashboard.initiatives.list}
          pipeline={dashboard.initiatives.pipeline}
          canManage={can(ctx.role, "initiative.manage")}
        />
      </Card>
    </OrganizationFrame>
  );
}
