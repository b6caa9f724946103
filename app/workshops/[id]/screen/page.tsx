import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WorkshopScreen } from "@/components/workshops/screen";
import { requirePageContext } from "@/lib/auth/server";
import { getWorkshopConsole } from "@/lib/workshops/data";

// The big screen: a member's session on the projector's laptop, no app chrome, no controls.
export const metadata: Metadata = { title: "Workshop screen" };

export default async function WorkshopScreenPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const page = await getWorkshopConsole(ctx, id);
  if (!page) notFound();
  return <WorkshopScreen workshopId={page.workshop.id} />;
}
