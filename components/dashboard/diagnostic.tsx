import type { OrganizationDashboard } from "@/lib/dashboards/data";
import { cn } from "@/components/ui/cn";

type Part = NonNullable<OrganizationDashboard["latest"]>["diagnostic"][number];

// A word and a symbol beside every colour; blue/orange rather than green/red.
export const DIAGNOSTIC_STATUS_LOOK = {
  met: { label: "Met", symbol: "✓", className: "bg-sky-50 text-sky-950 ring-sky-300" },
  partial: {
    label: "Partial",
    symbol: "◐",
    className: "bg-amber-50 text-amber-950 ring-amber-300",
  },
  unmet: {
    label: "Not met",
    symbol: "✕",
    className: "bg-orange-100 text-orange-950 ring-orange-400",
  },
  unknown: {
    label: "Unknown",
    symbol: "?",
    className: "bg-slate-100 text-slate-800 ring-slate-300",
  },
  disputed: {
    label: "Disputed",
    symbol: "⇹",
    className: "bg-amber-50 text-amber-950 ring-orange-400",
  },
} as const;

/** The three-part diagnostic as three status lights, each with its reason. */
export function DiagnosticStatusLights({ diagnostic }: { diagnostic: Part[] }) {
  return (
    <ul className="grid gap-3 md:grid-cols-3">
      {diagnostic.map((part, i) => {
        const s = DIAGNOSTIC_STATUS_LOOK[part.status];
        return (
          <li key={part.id} className={cn("rounded-xl p-4 ring-1 ring-inset", s.className)}>
            <p className="flex items-start gap-2 font-semibold">
              <span
                aria-hidden
                className="grid size-6 shrink-0 place-items-center rounded-full bg-white/80 ring-1 ring-current/20"
              >
                {s.symbol}
              </span>
              <span>
                {i + 1}. {part.name}: {s.label}
              </span>
            </p>
            <p className="mt-2 text-sm">{part.reason}</p>
          </li>
        );
      })}
    </ul>
  );
}
