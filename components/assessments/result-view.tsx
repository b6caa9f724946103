import { respondentRoleLabel } from "@/lib/framework/roles";
import { shortList, unblocksOf, type Explanation, type ScoreResult } from "@/lib/scoring";

// A closed round's result, with the explanation behind every number (the headline and the diagnostic
// lights are the dashboard's, components/dashboard).

export function DimensionBars({
  result,
  explanation,
  agreedQuestionIds = new Set<string>(),
}: {
  result: ScoreResult;
  explanation: Explanation;
  /** Questions whose level a workshop agreed: their median is the agreed level. */
  agreedQuestionIds?: ReadonlySet<string>;
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
                        <td className="py-1 pr-2">
                          {c.text}
                          {agreedQuestionIds.has(c.question) ? (
                            <span className="ml-1 rounded bg-brand-50 px-1 text-brand-700">
                              agreed in workshop
                            </span>
                          ) : null}
                        </td>
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

/**
 * Why there is no next step, said truthfully: an empty list means "all at target" only when
 * every dimension was scored and the round has an index.
 */
export function NoRecommendation({
  indexMissing,
  unanswered,
}: {
  indexMissing: boolean;
  /** Dimensions without any answer. */
  unanswered: number;
}) {
  return (
    <p className="text-slate-600">
      {indexMissing
        ? "No recommendation yet: too few answers to know what to fix first (fewer than half of those expected). Invite more respondents and close the next round with at least half of the answers."
        : unanswered > 0
          ? `No recommendation for the dimensions that were answered: each is at or above its target. ${unanswered} dimension${unanswered === 1 ? " has" : "s have"} no answers, so nothing can be said about ${unanswered === 1 ? "it" : "them"} yet.`
          : "No recommendation: every dimension is at or above its target."}
    </p>
  );
}

/**
 * Rule 8 (2027.2 on): roles that answered "don't know" about practices the people who can observe
 * them rated. A finding for leadership; the score does not count it as an absent practice.
 */
export function VisibilityGaps({
  gaps,
}: {
  gaps: readonly {
    question: string;
    text: string;
    dontKnowBy: Partial<Record<string, number>>;
    medianLevel: number | null;
  }[];
}) {
  if (gaps.length === 0) return null;
  return (
    <section aria-labelledby="visibility-gaps">
      <h2 id="visibility-gaps" className="text-lg font-semibold">
        What leadership cannot see
      </h2>
      <p className="mb-3 mt-1 text-sm text-slate-600">
        Some respondents did not know about practices that the people who can observe them rated.
        That is a visibility gap to close, not a missing practice: the score uses the answers of
        those who can see it.
      </p>
      <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
        {gaps.map((g) => (
          <li key={g.question}>
            <span className="font-medium">“{g.text}”</span>:{" "}
            {Object.entries(g.dontKnowBy)
              .map(([role, n]) => `${n} ${respondentRoleLabel(role).toLowerCase()}`)
              .join(" and ")}{" "}
            respondents did not know; those who can observe it put it at level {g.medianLevel}.
          </li>
        ))}
      </ul>
    </section>
  );
}

type ShownRecommendation = Pick<
  ScoreResult["recommendations"][number],
  "why" | "done" | "blocksScaling" | "unblocks"
>;

/** A recommendation's "blocks scaling" mark, why, and definition of done (2027.2 on). */
export function RecommendationDetails({
  recommendation: r,
  showWhy = true,
  whyLabel = "",
}: {
  recommendation: ShownRecommendation;
  showWhy?: boolean;
  whyLabel?: string;
}) {
  return (
    <>
      {r.blocksScaling ? (
        <p className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
          Blocks scaling
        </p>
      ) : null}
      {showWhy ? (
        <p className="mt-1 text-sm text-slate-700">
          {whyLabel}
          {r.why}
        </p>
      ) : null}
      {r.done ? (
        <p className="mt-1 text-sm text-slate-700">
          <span className="font-medium">Done when:</span> {r.done}
        </p>
      ) : null}
    </>
  );
}

export function RecommendationList({ result, limit = 6 }: { result: ScoreResult; limit?: number }) {
  const items = shortList(
    result.recommendations.map((rec) => {
      const unblocks = unblocksOf(rec, result.diagnostic);
      return { ...rec, unblocks, blocksScaling: unblocks.length > 0 };
    }),
    limit,
  );
  if (items.length === 0)
    return (
      <NoRecommendation
        indexMissing={result.overall.score === null}
        unanswered={result.dimensions.filter((d) => d.score === null).length}
      />
    );
  return (
    <ol className="space-y-3">
      {items.map((r) => (
        <li key={r.id} className="rounded-lg border border-slate-200 p-4">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            Step {r.step}: {r.stepName} · effort {r.effort} · owner: {r.ownerTitle}
          </p>
          <p className="mt-1 font-semibold">{r.title}</p>
          <RecommendationDetails recommendation={r} />
        </li>
      ))}
    </ol>
  );
}

const levelText = (value: number | string | null) =>
  value === null ? "—" : value === "dont_know" ? "Don't know" : String(value);

/** Levels a workshop agreed, which the round scored, beside the median of the individual votes. */
export function AgreedLevels({
  agreed,
}: {
  agreed: readonly {
    questionId: string;
    text: string;
    value: number | string;
    reason: string;
    individualMedian: number | null;
  }[];
}) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Levels agreed in workshop</caption>
      <thead className="text-slate-500">
        <tr>
          <th scope="col" className="py-1 font-medium">
            Question
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Individual median
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Agreed level
          </th>
          <th scope="col" className="py-1 pl-4 font-medium">
            Why
          </th>
        </tr>
      </thead>
      <tbody>
        {agreed.map((a) => (
          <tr key={a.questionId} className="border-t border-slate-100 align-top">
            <td className="py-2 pr-2">{a.text}</td>
            <td className="py-2 text-right tabular-nums">{levelText(a.individualMedian)}</td>
            <td className="py-2 text-right font-semibold tabular-nums">{levelText(a.value)}</td>
            <td className="py-2 pl-4 text-slate-700">{a.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
