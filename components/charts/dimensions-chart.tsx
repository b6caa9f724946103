"use client";

import { ChartFrame, NoClosedRound, DataTable, SeriesLegend } from "./chart-frame";
import { LazyDimensionsPlot } from "./lazy-plot";
import { fmt, SERIES_COLORS } from "./palette";

export type DimensionsDatum = {
  id: string;
  name: string;
  kind: "gap" | "enabler";
  score: number | null;
  target: number;
  previous: number | null;
  delta: number | null;
};

const CURRENT = SERIES_COLORS[0];
const PREVIOUS = SERIES_COLORS[1];

/** The seven dimensions as grouped bars: this round (solid), the previous round (hatched), target (outline). */
export function DimensionsChart({
  dimensions,
  roundName,
  previousName,
  emptyHref,
}: {
  dimensions: DimensionsDatum[];
  roundName?: string;
  previousName?: string | null;
  emptyHref?: string;
}) {
  const data = dimensions.map((d) => ({
    name: d.name,
    current: d.score,
    previous: d.previous,
    target: d.target,
  }));
  const hasPrevious = dimensions.some((d) => d.previous !== null);
  const height = 40 + dimensions.length * (hasPrevious ? 58 : 46);
  const scored = dimensions.filter((d) => d.score !== null);
  const below = scored.filter((d) => d.score !== null && d.score < d.target).length;
  const unanswered = dimensions.length - scored.length;
  return (
    <ChartFrame
      title="The seven dimensions"
      description={
        dimensions.length
          ? `${roundName ?? "This round"} against target${hasPrevious && previousName ? ` and ${previousName}` : ""}; ${below} of ${scored.length} scored below target${unanswered ? `, ${unanswered} without answers` : ""}.`
          : undefined
      }
      height={height}
      empty={dimensions.length === 0 ? <NoClosedRound href={emptyHref} /> : null}
      footer={
        <SeriesLegend
          items={[
            { label: roundName ?? "This round", color: CURRENT, kind: "solid" },
            ...(hasPrevious
              ? [
                  {
                    label: previousName ?? "Previous round",
                    color: PREVIOUS,
                    kind: "hatched" as const,
                  },
                ]
              : []),
            { label: "Target", color: "#111827", kind: "outline" },
          ]}
        />
      }
      table={
        <DataTable
          caption="Dimension scores out of 100: this round, target, previous round and change"
          columns={["Dimension", "Score", "Target", "Previous", "Change"]}
          rows={dimensions.map((d) => ({
            key: d.id,
            header: d.name,
            cells: [
              fmt(d.score),
              fmt(d.target),
              fmt(d.previous),
              d.delta === null ? "—" : `${d.delta > 0 ? "+" : ""}${fmt(d.delta, 1)}`,
            ],
          }))}
        />
      }
    >
      <LazyDimensionsPlot
        data={data}
        height={height}
        hasPrevious={hasPrevious}
        roundLabel={roundName ?? "This round"}
        previousLabel={previousName ?? "Previous round"}
      />
    </ChartFrame>
  );
}
