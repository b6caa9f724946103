import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { NewAssessmentForm } from "@/components/assessments/new-assessment-form";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganization } from "@/lib/organizations/data";
import {
  getFramework,
  latestFrameworkVersion,
  RESPONDENT_ROLES,
  unaskedDecidingQuestions,
} from "@/lib/framework";
import { carriedTargets } from "@/lib/assessments/data";
import { readInitiativesOfScopedOrganization } from "@/lib/initiatives/data";
import { createAssessmentAction } from "@/app/(app)/assessments/actions";

export const metadata: Metadata = { title: "New assessment round" };

function suggestedName(now: Date): string {
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  return `Q${quarter} ${now.getUTCFullYear()}`;
}

export default async function NewAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const organization = await findOrganization(ctx, id);
  if (!organization) notFound();
  if (!can(ctx.role, "assessment.manage")) redirect(`/organizations/${id}`);
  const framework = getFramework(latestFrameworkVersion);
  const [targets, initiatives] = await Promise.all([
    carriedTargets(ctx, organization.id),
    readInitiativesOfScopedOrganization(ctx, organization.id),
  ]);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="New assessment round"
        description={`A round of ${organization.name}'s readiness assessment: the seven dimensions and the three-part diagnostic. It starts as a draft.`}
      />
      <Card>
        <NewAssessmentForm
          organizationId={organization.id}
          defaultName={suggestedName(new Date())}
          roles={[...RESPONDENT_ROLES]}
          // With no role chosen every deciding question is unasked: the form filters by audience.
          decidingQuestions={unaskedDecidingQuestions(framework, [])}
          dimensions={framework.dimensions.map((d) => ({ id: d.id, name: d.name }))}
          defaultTarget={framework.rules.defaultTarget}
          targets={targets}
          initiatives={initiatives
            .filter((i) => i.status !== "retired")
            .map((i) => ({ id: i.id, name: i.name, workflow: i.workflow }))}
          action={createAssessmentAction}
        />
      </Card>
    </div>
  );
}
