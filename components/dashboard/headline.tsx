import type { OrganizationDashboard } from "@/lib/dashboards/data";
import type { Headline } from "@/lib/results/headline";
import { cn } from "@/components/ui/cn";

type Change = NonNullable<OrganizationDashboard["latest"]>["change"];

function signed(n: number, digits = 1): string {
  return `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(digits)}`;
}

/**
 * Stage, index, confidence and the change since the previous round, then the verdict with its
 * gate reasons. Without `change` (a single round's result page) the index says how many
 * respondents it rests on instead.
 */
export function DashboardHeadline({
  headline: h,
  change,
  compact = false,
}: {
  headline: Headline;
  change?: Change;
  compact?: boolean;
}) {
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-xl bg-brand-800 p-4 text-white print:border print:border-slate-400 print:bg-white print:text-slate-900">
          <p className="text-sm text-brand-100 print:text-slate-600">Stage</p>
          {h.stage === null ? (
            <p className="mt-1 text-xl font-semibold">Not enough answers yet</p>
          ) : (
            <p className="mt-1 text-3xl font-semibold sm:text-4xl">
              {h.stage} <span className="text-lg font-medium sm:text-xl">{h.stageName}</span>
            </p>
          )}
          {h.stage !== null && h.uncappedStage !== h.stage ? (
            <p className="mt-1 text-sm text-brand-100 print:text-slate-600">
              Scores alone would reach stage {h.uncappedStage}.
            </p>
          ) : null}
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">Readiness index</p>
          {h.index === null ? (
            <p className="mt-1 text-xl font-semibold">Not enough answers yet</p>
          ) : (
            <p className="mt-1 text-3xl font-semibold tabular-nums sm:text-4xl">
              {Math.round(h.index)}
              <span className="text-lg text-slate-500"> / 100</span>
            </p>
          )}
          <p className="mt-1 text-sm text-slate-700">
            {change === undefined ? (
              `${h.respondents} respondent${h.respondents === 1 ? "" : "s"} · coverage ${Math.round(h.coverage * 100)}%`
            ) : change && (change.index === null || change.stage === null) ? (
              `No change to show since ${change.since}: one of the two rounds has no index.`
            ) : change ? (
              <>
                <span className="font-medium">{signed(change.index ?? 0)}</span> since{" "}
                {change.since}
                {change.stage !== null && change.stage !== 0
                  ? ` (stage ${change.stage > 0 ? "up" : "down"} ${Math.abs(change.stage)})`
                  : ""}
              </>
            ) : (
              "First closed round: no change to show yet."
            )}
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">Confidence</p>
          <p className="mt-1 text-2xl font-semibold capitalize">{h.confidence}</p>
          <p className="mt-1 text-sm text-slate-600">
            {compact ? `${h.respondents} respondents` : h.confidenceReason}
          </p>
        </div>
      </div>
      <div
        className={cn(
          "rounded-xl border p-4",
          h.readyToScale ? "border-sky-300 bg-sky-50" : "border-amber-300 bg-amber-50",
        )}
      >
        <p className="font-semibold">
          <span aria-hidden>{h.readyToScale ? "✓ " : "! "}</span>
          {h.readyToScale ? "Ready to scale" : "Not ready to scale yet"}
        </p>
        <p className="mt-1 text-sm">{h.readyToScaleReason}</p>
        {h.caps.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {h.caps.map((cap) => (
              <li key={cap.rule}>
                {/* The gate's reason usually names the cap itself already. */}
                {cap.reason.startsWith("Stage capped")
                  ? cap.reason
                  : `Stage capped at ${cap.capsAt}: ${cap.reason}`}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
