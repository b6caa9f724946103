import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganization } from "@/lib/organizations/data";
import { updateOrganizationAction } from "../../actions";

export const metadata: Metadata = { title: "Edit organisation" };

export default async function EditOrganizationPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const organization = await findOrganization(ctx, id);
  if (!organization) notFound();
  if (!can(ctx.role, "organization.update")) redirect(`/organizations/${id}`);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={`Edit ${organization.name}`} />
      <Card>
        <OrganizationForm
          action={updateOrganizationAction}
          initial={organization}
          submitLabel="Save changes"
          cancelHref={`/organizations/${organization.id}`}
        />
      </Card>
    </div>
  );
}
