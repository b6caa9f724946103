import { formatDate } from "@/components/ui/format";
import type { StatusChangeView } from "@/lib/initiatives/data";
import { INITIATIVE_STATUS_LABELS } from "./labels";
import { DIAGNOSTIC_PARTS } from "@/lib/initiatives/diagnostic";

const partName = (id: string) => DIAGNOSTIC_PARTS.find((p) => p.id === id)?.name ?? id;

/** The dated status changes, newest first, with any override (who, why, when, what it held). */
export function StatusHistory({ history }: { history: StatusChangeView[] }) {
  return (
    <ol className="mt-3 space-y-3">
      {[...history].reverse().map((change, i) => (
        <li
          key={`${change.changedAt.toISOString()}-${i}`}
          className={
            change.override
              ? "rounded-lg bg-orange-50 p-3 ring-1 ring-orange-300 ring-inset"
              : "border-l-2 border-slate-200 pl-3"
          }
        >
          <p className="font-medium">
            {change.from
              ? `${INITIATIVE_STATUS_LABELS[change.from]} → ${INITIATIVE_STATUS_LABELS[change.to]}`
              : `Added as ${INITIATIVE_STATUS_LABELS[change.to]}`}
          </p>
          <p className="text-sm text-slate-600">
            {formatDate(change.changedAt)} by {change.changedBy}
          </p>
          {change.override ? (
            <div className="mt-2 text-sm text-orange-950">
              <p className="font-semibold">Override of a no-go</p>
              <p className="whitespace-pre-line">“{change.override.reason}”</p>
              {change.override.parts.length ? (
                <p className="mt-1">
                  Not met at the time: {change.override.parts.map(partName).join("; ")}.
                </p>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
