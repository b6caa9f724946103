import type { Metadata } from "next";
import { RespondFrame } from "@/components/respond/respond-frame";
import { WorkshopPhone } from "@/components/workshops/phone";
import { normalizeJoinCode } from "@/lib/workshops/code";

// The phone's page: no account. The token the join returns is kept in localStorage only.
export const metadata: Metadata = {
  title: "Join a workshop",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

export default async function JoinPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await searchParams;
  const initial = typeof code === "string" ? normalizeJoinCode(code).slice(0, 12) : "";
  return (
    <RespondFrame subtitle="Live workshop">
      <WorkshopPhone initialCode={initial} />
    </RespondFrame>
  );
}
