import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { WorkshopConsole } from "@/components/workshops/console";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { getWorkshopConsole } from "@/lib/workshops/data";

export const metadata: Metadata = { title: "Workshop" };

export default async function WorkshopConsolePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const page = await getWorkshopConsole(ctx, id);
  if (!page) notFound();
  // Reading the room is the big screen's; running it is the facilitator's.
  if (!can(ctx.role, "assessment.manage")) redirect(`/workshops/${page.workshop.id}/screen`);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
        <Link className="hover:underline" href={`/assessments/${page.round.id}`}>
          {page.round.organizationName} · {page.round.name}
        </Link>{" "}
        / Workshop
      </nav>
      <PageHeader
        title="Live workshop"
        description="Open a question, let the room vote blind, reveal, talk, and record the level the room agrees on."
      />
      <WorkshopConsole
        workshopId={page.workshop.id}
        code={page.workshop.code}
        expectedParticipants={page.workshop.expectedParticipants}
        questions={page.questions.map(({ id: questionId, text, dimensionName, critical }) => ({
          id: questionId,
          text,
          dimensionName,
          critical,
        }))}
      />
    </>
  );
}
