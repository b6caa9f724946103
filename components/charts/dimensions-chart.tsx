"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, DataTable, SeriesLegend } from "./chart-frame";
import { WrappedTick } from "./ticks";
import { GRID, fmt, SERIES_COLORS } from "./palette";

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
  const below = dimensions.filter((d) => d.score !== null && d.score < d.target).length;
  return (
    <ChartFrame
      title="The seven dimensions"
      description={
        dimensions.length
          ? `${roundName ?? "This round"} against target${hasPrevious && previousName ? ` and ${previousName}` : ""}; ${below} of ${dimensions.length} below target.`
          : undefined
      }
      height={height}
      empty={dimensions.length === 0}
      emptyHref={emptyHref}
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
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          barGap={2}
        >
          <defs>
            <pattern
              id="hatch-previous"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#fff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={PREVIOUS} strokeWidth="4" />
            </pattern>
          </defs>
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tick={{ fontSize: 11 }}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={126}
            tick={<WrappedTick width={120} />}
            interval={0}
          />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(0) : "—")} />
          <Bar
            dataKey="current"
            name={roundName ?? "This round"}
            fill={CURRENT}
            barSize={12}
            isAnimationActive={false}
          />
          {hasPrevious ? (
            <Bar
              dataKey="previous"
              name={previousName ?? "Previous round"}
              fill="url(#hatch-previous)"
              stroke={PREVIOUS}
              barSize={12}
              isAnimationActive={false}
            />
          ) : null}
          <Bar
            dataKey="target"
            name="Target"
            fill="#ffffff"
            stroke="#111827"
            strokeWidth={1.5}
            barSize={8}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
