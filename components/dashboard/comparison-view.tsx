import type { AssessmentComparison } from "@/lib/dashboards/compare";
import { formatDay } from "@/components/ui/format";

type Comparison = NonNullable<AssessmentComparison["comparison"]>;

/** A round without an index (too few answers) shows a dash, never a stand-in number. */
function indexText(score: number | null): string {
  return score === null ? "—" : String(Math.round(score));
}

function signed(n: number | null, digits = 1): string {
  if (n === null) return "—";
  return `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(digits)}`;
}

function direction(n: number | null): string {
  if (n === null) return "not comparable";
  if (n >= 1) return "up";
  if (n <= -1) return "down";
  return "about the same";
}

const STATUS_WORDS = {
  met: "met",
  partial: "partial",
  unmet: "not met",
  unknown: "unknown",
  disputed: "disputed",
} as const;

/** A change as a bar from the middle: right = up, left = down. Arrow and figure say it too. */
function DeltaBar({ delta }: { delta: number | null }) {
  if (delta === null) return null;
  const width = Math.min(50, Math.abs(delta));
  return (
    <div className="relative mt-1 h-2 w-full rounded-full bg-slate-100" aria-hidden>
      <div className="absolute top-0 h-full w-px bg-slate-400" style={{ left: "50%" }} />
      <div
        className={
          delta >= 0
            ? "absolute top-0 h-full rounded-r-full bg-[#0072B2]"
            : "absolute top-0 h-full rounded-l-full bg-[#E69F00]"
        }
        style={
          delta >= 0 ? { left: "50%", width: `${width}%` } : { right: "50%", width: `${width}%` }
        }
      />
    </div>
  );
}

export function ComparisonView({
  comparison,
  beforeName,
  afterName,
}: {
  comparison: Comparison;
  beforeName: string;
  afterName: string;
}) {
  const c = comparison;
  const mapping = c.questionMapping;
  const ordered = [...c.dimensions].sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0));
  return (
    <div className="space-y-6">
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">Readiness index</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums">
            {indexText(c.before.score)} → {indexText(c.after.score)}{" "}
            <span className="text-base font-medium text-slate-700">
              ({signed(c.overall.delta)})
            </span>
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">Stage</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums">
            {c.before.stage ?? "—"} → {c.after.stage ?? "—"}
          </p>
          <p className="text-sm text-slate-600">
            Ready to scale: {c.before.readyToScale ? "yes" : "no"} →{" "}
            {c.after.readyToScale ? "yes" : "no"}
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">Three-part diagnostic</p>
          <ul className="mt-1 space-y-1 text-sm">
            {c.diagnostic.map((d) => (
              <li key={d.id}>
                {c.diagnosticNames[d.id] ?? d.id}: {d.before ? STATUS_WORDS[d.before] : "—"} →{" "}
                {d.after ? STATUS_WORDS[d.after] : "—"}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {mapping.fromVersion !== mapping.toVersion ? (
        <p className="rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm text-slate-700">
          The rounds were scored with different framework versions ({mapping.fromVersion} and{" "}
          {mapping.toVersion}). Questions are compared in {mapping.toVersion}&apos;s terms:{" "}
          {mapping.renamed.length} renamed, {(mapping.changed ?? []).length} changed in meaning,{" "}
          {mapping.retired.length} retired and {mapping.added.length} added questions; changed,
          retired and added ones are listed under each dimension as not compared (not like for
          like).
        </p>
      ) : null}
      <ul className="space-y-4">
        {ordered.map((d) => {
          const name = c.dimensionNames[d.id] ?? d.id;
          return (
            <li
              key={d.id}
              className="break-inside-avoid rounded-xl border border-slate-200 bg-white p-4"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">{name}</h3>
                <p className="text-sm tabular-nums text-slate-700">
                  {d.before === null ? "—" : Math.round(d.before)} →{" "}
                  {d.after === null ? "—" : Math.round(d.after)}{" "}
                  <strong>
                    {signed(d.delta)} ({direction(d.delta)})
                  </strong>
                </p>
              </div>
              <DeltaBar delta={d.delta} />
              {d.drivers.length ? (
                <div className="mt-3 overflow-x-auto">
                  <table className="w-full border-collapse text-left text-sm sm:table-fixed">
                    <caption className="text-left text-xs text-slate-500">
                      Questions that drove the change from {beforeName} to {afterName}, biggest
                      effect first
                    </caption>
                    <thead>
                      <tr className="border-b border-slate-200 text-xs text-slate-600">
                        <th scope="col" className="py-1 pr-2 font-medium">
                          Question
                        </th>
                        <th scope="col" className="px-1 py-1 text-right font-medium sm:w-14">
                          Before
                        </th>
                        <th scope="col" className="px-1 py-1 text-right font-medium sm:w-14">
                          After
                        </th>
                        <th scope="col" className="px-1 py-1 text-right font-medium sm:w-36">
                          Effect on dimension
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.drivers.map((q) => (
                        <tr key={q.question} className="border-b border-slate-100 align-top">
                          <th scope="row" className="py-1 pr-2 font-normal">
                            {c.questionTexts[q.question] ?? q.question}
                          </th>
                          <td className="px-1 py-1 text-right tabular-nums">
                            {Math.round(q.before)}
                          </td>
                          <td className="px-1 py-1 text-right tabular-nums">
                            {Math.round(q.after)}
                          </td>
                          <td className="px-1 py-1 text-right tabular-nums">{signed(q.effect)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p className="mt-2 text-sm text-slate-600">No question in this dimension moved.</p>
              )}
              {c.actionsDone[d.id]?.length ? (
                <div className="mt-3 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm">
                  <h4 className="font-medium text-slate-900">
                    Actions done in this dimension between {beforeName} and {afterName}
                  </h4>
                  <ul className="mt-1 list-disc space-y-0.5 pl-5">
                    {c.actionsDone[d.id]!.map((a) => (
                      <li key={a.id}>
                        {a.title}{" "}
                        <span className="text-slate-600">
                          (done {formatDay(new Date(a.completedAt))}
                          {a.owner ? `, ${a.owner}` : ""})
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {d.notCompared.length ? (
                <p className="mt-2 text-xs text-slate-500">
                  Not compared:{" "}
                  {d.notCompared
                    .map((n) => `${c.questionTexts[n.question] ?? n.question} (${n.reason})`)
                    .join("; ")}
                  .
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
