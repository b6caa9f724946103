import type { ClientDistribution, ClientRoomState } from "@/lib/workshop-client/room";
import { cn } from "@/components/ui/cn";

// The revealed votes as bars with their numbers written out (never colour alone), one row per
// level and "Don't know"; per role beneath. Sized by the caller: huge on the big screen.

const ROWS = [
  ["0", "0"],
  ["1", "1"],
  ["2", "2"],
  ["3", "3"],
  ["4", "4"],
  ["dont_know", "Don't know"],
] as const;

export function DistributionBars({
  distribution,
  agreed,
  large = false,
  caption,
}: {
  distribution: ClientDistribution;
  agreed?: ClientRoomState["agreed"];
  large?: boolean;
  caption: string;
}) {
  const max = Math.max(1, ...ROWS.map(([key]) => distribution[key]));
  return (
    <table
      className={cn("w-full border-separate", large ? "border-spacing-y-3" : "border-spacing-y-1")}
    >
      <caption className={cn("text-left font-semibold", large ? "mb-2 text-3xl" : "mb-1 text-sm")}>
        {caption}
      </caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Level</th>
          <th scope="col">Votes</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([key, label]) => {
          const n = distribution[key];
          const isAgreed = agreed != null && String(agreed.value) === key;
          return (
            <tr key={key}>
              <th
                scope="row"
                className={cn(
                  "whitespace-nowrap pr-3 text-left font-semibold tabular-nums",
                  large ? "w-56 text-4xl" : "w-24 text-sm",
                )}
              >
                {key === "dont_know" ? label : `Level ${label}`}
                {isAgreed ? <span className="sr-only"> (agreed)</span> : null}
              </th>
              <td className="w-full">
                <div className="flex items-center gap-3">
                  <div
                    aria-hidden
                    className={cn(
                      "rounded",
                      key === "dont_know" ? "bg-slate-400" : "bg-brand-600",
                      isAgreed && "outline-4 outline-offset-2 outline-emerald-600",
                      large ? "h-12" : "h-4",
                    )}
                    style={{ width: `${(n / max) * 85}%`, minWidth: n > 0 ? "0.5rem" : 0 }}
                  />
                  <span className={cn("font-bold tabular-nums", large ? "text-4xl" : "text-sm")}>
                    {n}
                  </span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The spread by role: roles under the round's minimum group are in "Others". When a group is too
 * small even so, the state withholds the whole breakdown (the totals would give it away): say why.
 */
export function RoleBreakdown({
  byRole,
  hidden,
  large = false,
}: {
  byRole: ClientRoomState["byRole"];
  hidden: boolean;
  large?: boolean;
}) {
  if (hidden)
    return (
      <p className={large ? "text-3xl text-slate-600" : "text-sm text-slate-600"}>
        Not shown by role: a role has too few votes, and its votes could be worked out from the
        totals.
      </p>
    );
  if (!byRole) return null;
  if (byRole.length === 0)
    return (
      <p className={large ? "text-3xl text-slate-600" : "text-sm text-slate-600"}>
        No role has enough votes to be shown on its own.
      </p>
    );
  return (
    <table className={cn("w-full text-left", large ? "text-3xl" : "text-sm")}>
      <caption className={cn("text-left font-semibold", large ? "mb-2" : "mb-1")}>By role</caption>
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="pr-4 font-medium">
            Role
          </th>
          {ROWS.map(([key, label]) => (
            <th key={key} scope="col" className="px-2 text-right font-medium">
              {key === "dont_know" ? "DK" : label}
              {key === "dont_know" ? <span className="sr-only"> (Don&rsquo;t know)</span> : null}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {byRole.map((r) => (
          <tr key={r.role} className="border-t border-slate-200">
            <th scope="row" className="py-1 pr-4 font-semibold">
              {r.label}
            </th>
            {ROWS.map(([key]) => (
              <td key={key} className="px-2 py-1 text-right tabular-nums">
                {r.distribution[key]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
