import type { DashboardDimension } from "@/lib/dashboards/shape";

const pct = (n: number) => `${Math.round(n * 100)}%`;

/**
 * Progress toward target per dimension, measured from the first round (the baseline): the
 * score's own figure, (now - baseline) / (target - baseline). Words and numbers carry it; the
 * bars only repeat them.
 */
export function TargetProgress({
  dimensions,
  baselineName,
}: {
  dimensions: DashboardDimension[];
  baselineName: string | null;
}) {
  const measured = dimensions.filter((d) => d.progress !== null);
  const atTarget = dimensions.filter((d) => d.score !== null && d.score >= d.target).length;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">
        {atTarget} of {dimensions.length} dimensions at or above target.{" "}
        {measured.length
          ? `Progress is measured from ${baselineName ?? "the first round"} (the baseline).`
          : "Progress is measured from the first round (the baseline) scored with the same framework version: it appears from the round after it."}
      </p>
      <div
        className="relative overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label="Progress toward target"
      >
        <table className="w-full min-w-[30rem] text-left">
          <caption className="sr-only">
            Each dimension&apos;s baseline, score now, target and progress toward the target
          </caption>
          <thead className="text-slate-600">
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-3 font-medium">
                Dimension
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Baseline
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Now
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Target
              </th>
              <th scope="col" className="py-1 font-medium">
                Progress
              </th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => {
              const progress = d.progress;
              const text =
                d.score !== null && d.score >= d.target
                  ? "At target"
                  : d.score === null
                    ? "Not measured yet"
                    : progress === null
                      ? // Below target with no baseline to measure progress from yet; under half a
                        // point reads as the target's own number once rounded, so it says so.
                        d.target - d.score < 0.5
                        ? "Just below target"
                        : `${Math.round(d.target - d.score)} below target`
                      : progress < 0
                        ? `${pct(progress)} (moved away)`
                        : pct(progress);
              return (
                <tr key={d.id} className="border-b border-slate-100 align-middle">
                  <th scope="row" className="py-1.5 pr-3 font-normal">
                    {d.name}
                  </th>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {d.baseline === null ? "—" : Math.round(d.baseline)}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {d.score === null ? "—" : Math.round(d.score)}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{Math.round(d.target)}</td>
                  <td className="py-1.5">
                    <span className="flex items-center gap-2">
                      <span className="h-2 w-20 shrink-0 rounded-full bg-slate-200" aria-hidden>
                        <span
                          className="block h-full rounded-full bg-brand-600"
                          style={{
                            width: `${Math.max(0, Math.min(100, (d.score !== null && d.score >= d.target ? 1 : (progress ?? 0)) * 100))}%`,
                          }}
                        />
                      </span>
                      <span className="tabular-nums">{text}</span>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
