"use client";

import { ChartFrame, DataTable } from "./chart-frame";
import { LazyBlindSpotsPlot } from "./lazy-plot";
import { pct } from "./palette";

export type BlindSpotDatum = {
  dimension: string;
  name: string;
  share: number;
  questions: { id: string; text: string; share: number }[];
};

/** The share of "Don't know" answers per dimension: not knowing whether a practice exists is a gap. */
export function BlindSpotsChart({ blindSpots }: { blindSpots: BlindSpotDatum[] }) {
  const height = 40 + blindSpots.length * 44;
  // Shares are usually small: a 0-100% axis would flatten every bar, so the axis fits the data.
  const top = Math.max(
    20,
    Math.ceil((Math.max(0, ...blindSpots.map((b) => b.share)) * 100) / 10) * 10,
  );
  const data = blindSpots.map((b) => ({ name: b.name, share: Math.round(b.share * 100) }));
  const worst = [...blindSpots].sort((a, b) => b.share - a.share).filter((b) => b.share >= 0.1);
  const questions = blindSpots
    .flatMap((b) => b.questions)
    .sort((a, b) => b.share - a.share)
    .slice(0, 3);
  return (
    <ChartFrame
      title={`Blind spots: "Don't know" answers`}
      description="A respondent who does not know whether a practice exists is reporting a gap, not a blank."
      height={height}
      empty={
        blindSpots.length === 0
          ? "No blind spots in this round: nobody answered \u201cdon\u2019t know\u201d. Keep asking the people closest to the work."
          : null
      }
      table={
        <DataTable
          caption={`Share of "Don't know" answers per dimension`}
          columns={["Dimension", `"Don't know"`]}
          rows={blindSpots.map((b) => ({
            key: b.dimension,
            header: b.name,
            cells: [pct(b.share)],
          }))}
        />
      }
      footer={
        worst.length ? (
          <>
            <p>
              Most unknown:{" "}
              {worst
                .slice(0, 2)
                .map((w) => `${w.name} (${pct(w.share)})`)
                .join(" and ")}
              .
            </p>
            {questions.length ? (
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {questions.map((q) => (
                  <li key={q.id}>
                    {pct(q.share)} did not know: &ldquo;{q.text}&rdquo;
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p>No dimension has more than one answer in ten &quot;Don&apos;t know&quot;.</p>
        )
      }
    >
      <LazyBlindSpotsPlot data={data} height={height} top={top} />
    </ChartFrame>
  );
}
