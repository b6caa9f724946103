import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { createOrganizationAction } from "../actions";

export const metadata: Metadata = { title: "New organisation" };

export default async function NewOrganizationPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx.role, "organization.create")) redirect("/organizations");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="New organisation"
        description="A client whose readiness to scale AI you will assess."
      />
      <Card>
        <OrganizationForm
          action={createOrganizationAction}
          submitLabel="Create organisation"
          cancelHref="/organizations"
        />
      </Card>
    </div>
  );
}
