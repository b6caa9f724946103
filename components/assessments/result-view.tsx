import type { Explanation, ScoreResult } from "@/lib/scoring";
import { cn } from "@/components/ui/cn";

// A closed round's result, with the explanation behind every number. Colours are never the only
// signal: every status also has a word and a symbol.

const STATUS = {
  met: { label: "Met", symbol: "✓", className: "bg-emerald-50 text-emerald-900 ring-emerald-300" },
  partial: {
    label: "Partial",
    symbol: "◐",
    className: "bg-amber-50 text-amber-900 ring-amber-300",
  },
  unmet: { label: "Not met", symbol: "✕", className: "bg-red-50 text-red-900 ring-red-300" },
  unknown: {
    label: "Unknown",
    symbol: "?",
    className: "bg-slate-100 text-slate-800 ring-slate-300",
  },
} as const;

export function ResultHeadline({ result }: { result: ScoreResult }) {
  const { overall } = result;
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <div className="rounded-xl bg-brand-800 p-5 text-white">
        <p className="text-sm text-brand-100">Stage</p>
        <p className="mt-1 text-4xl font-semibold">
          {overall.stage} <span className="text-xl font-medium">{overall.stageName}</span>
        </p>
        {overall.uncappedStage !== overall.stage ? (
          <p className="mt-2 text-sm text-brand-100">
            Scores alone would put it at stage {overall.uncappedStage} ({overall.uncappedStageName}
            ).
          </p>
        ) : null}
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5">
        <p className="text-sm text-slate-600">Readiness index</p>
        <p className="mt-1 text-4xl font-semibold">
          {Math.round(overall.score)}
          <span className="text-lg text-slate-500"> / 100</span>
        </p>
        <p className="mt-2 text-sm text-slate-600">
          {overall.respondents} respondent{overall.respondents === 1 ? "" : "s"} · coverage{" "}
          {Math.round(overall.coverage * 100)}%
        </p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5">
        <p className="text-sm text-slate-600">Confidence</p>
        <p className="mt-1 text-2xl font-semibold capitalize">{overall.confidence}</p>
        <p className="mt-2 text-sm text-slate-600">{overall.confidenceReason}</p>
      </div>
    </div>
  );
}

export function ReadyVerdict({ result }: { result: ScoreResult }) {
  return (
    <div
      className={cn(
        "rounded-xl border p-4",
        result.readyToScale ? "border-emerald-300 bg-emerald-50" : "border-amber-300 bg-amber-50",
      )}
    >
      <p className="font-semibold">
        {result.readyToScale ? "✓ Ready to scale" : "Not ready to scale yet"}
      </p>
      <p className="mt-1 text-sm">{result.readyToScaleReason}</p>
      {result.overall.cappedBy.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {result.overall.cappedBy.map((cap) => (
            <li key={cap.rule}>
              Stage capped at {cap.capsAt}: {cap.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function DiagnosticLights({ result }: { result: ScoreResult }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-3">
      {result.diagnostic.map((part) => {
        const s = STATUS[part.status];
        return (
          <li key={part.id} className={cn("rounded-xl p-4 ring-1 ring-inset", s.className)}>
            <p className="flex items-center gap-2 font-semibold">
              <span aria-hidden className="grid size-6 place-items-center rounded-full bg-white/70">
                {s.symbol}
              </span>
              {part.name}: {s.label}
            </p>
            <p className="mt-2 text-sm">{part.reason}</p>
          </li>
        );
      })}
    </ul>
  );
}

export function DimensionBars({
  result,
  explanation,
}: {
  result: ScoreResult;
  explanation: Explanation;
}) {
  const explained = new Map(explanation.dimensions.map((d) => [d.id, d]));
  return (
    <ul className="space-y-4">
      {result.dimensions.map((d) => {
        const score = d.score === null ? null : Math.round(d.score);
        const why = explained.get(d.id);
        return (
          <li key={d.id}>
            <div className="flex items-baseline justify-between gap-2">
              <p className="font-medium">
                {d.name}{" "}
                <span className="text-xs font-normal uppercase tracking-wide text-slate-500">
                  {d.kind === "gap" ? "gap" : "enabler"}
                </span>
              </p>
              <p className="text-sm tabular-nums text-slate-700">
                {score === null ? "no answers" : `${score}`}{" "}
                <span className="text-slate-500">/ target {Math.round(d.target)}</span>
              </p>
            </div>
            <div className="relative mt-1 h-3 rounded-full bg-slate-200" aria-hidden>
              <div
                className="h-full rounded-full bg-brand-600"
                style={{ width: `${score ?? 0}%` }}
              />
              <div
                className="absolute top-[-3px] h-[18px] w-0.5 bg-slate-900"
                style={{ left: `${d.target}%` }}
              />
            </div>
            {why ? (
              <details className="mt-1 text-sm text-slate-700">
                <summary className="cursor-pointer text-brand-700">
                  How this score came about
                </summary>
                <p className="mt-1">{why.summary}</p>
                <table className="mt-2 w-full text-left text-xs">
                  <caption className="sr-only">
                    Questions of {d.name}, the ones that cost it most first
                  </caption>
                  <thead className="text-slate-500">
                    <tr>
                      <th scope="col" className="py-1 font-medium">
                        Question
                      </th>
                      <th scope="col" className="py-1 text-right font-medium">
                        Median level
                      </th>
                      <th scope="col" className="py-1 text-right font-medium">
                        Points lost
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {why.contributions.map((c) => (
                      <tr key={c.question} className="border-t border-slate-100 align-top">
                        <td className="py-1 pr-2">{c.text}</td>
                        <td className="py-1 text-right tabular-nums">{c.medianLevel ?? "—"}</td>
                        <td className="py-1 text-right tabular-nums">{c.pointsLost}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function RecommendationList({ result, limit = 6 }: { result: ScoreResult; limit?: number }) {
  const items = [...result.recommendations].sort((a, b) => a.priority - b.priority).slice(0, limit);
  if (items.length === 0)
    return (
      <p className="text-slate-600">
        No recommendation: every dimension is at or above its target.
      </p>
    );
  return (
    <ol className="space-y-3">
      {items.map((r) => (
        <li key={r.id} className="rounded-lg border border-slate-200 p-4">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            Step {r.step}: {r.stepName} · effort {r.effort} · owner: {r.ownerTitle}
          </p>
          <p className="mt-1 font-semibold">{r.title}</p>
          <p className="mt-1 text-sm text-slate-700">{r.why}</p>
        </li>
      ))}
    </ol>
  );
}
