import Link from "next/link";
import { StateBadge } from "@/components/assessments/state-badge";
import { formatDate } from "@/components/ui/format";

type Round = {
  id: string;
  name: string;
  state: "draft" | "open" | "closed";
  closedAt: Date | null;
  openedAt: Date | null;
  createdAt: Date;
};

export function RoundsList({ rounds, canManage }: { rounds: Round[]; canManage: boolean }) {
  if (rounds.length === 0)
    return (
      <p className="mt-2 text-slate-600">
        {canManage
          ? "No round yet. Create one, invite the people who do the work, and open it for answers."
          : "No round yet."}
      </p>
    );
  return (
    <ul className="mt-3 divide-y divide-slate-200">
      {rounds.map((a) => (
        <li key={a.id}>
          <Link
            href={a.state === "closed" ? `/assessments/${a.id}/result` : `/assessments/${a.id}`}
            className="flex items-center justify-between gap-3 py-3 hover:bg-slate-50"
          >
            <span className="font-medium">{a.name}</span>
            <span className="flex items-center gap-2 text-sm text-slate-600">
              <StateBadge state={a.state} />
              {formatDate(a.closedAt ?? a.openedAt ?? a.createdAt)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
