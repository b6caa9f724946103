import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { InitiativeForm } from "@/components/initiatives/initiative-form";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findNewInitiativePage } from "@/lib/initiatives/data";
import { organizationPath } from "@/lib/organizations/paths";
import { createInitiativeAction } from "../../../../initiatives/actions";

export const metadata: Metadata = { title: "New initiative" };

export default async function NewInitiativePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const page = await findNewInitiativePage(ctx, id);
  if (!page) notFound();
  if (!can(ctx.role, "initiative.manage")) redirect(organizationPath(id, "initiatives"));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={`New initiative for ${page.organization.name}`}
        description="One AI pilot or workflow: the unit the three-part diagnostic is applied to before any scaling decision."
      />
      <Card>
        <InitiativeForm
          action={createInitiativeAction}
          organizationId={page.organization.id}
          members={page.members}
          submitLabel="Add initiative"
          cancelHref={organizationPath(page.organization.id, "initiatives")}
        />
      </Card>
    </div>
  );
}
