"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { dimensionAxisProps } from "./ticks";
import { GRID, SERIES_COLORS } from "./palette";
import { usePrefersReducedMotion } from "./motion";

// The recharts half of DimensionsChart, loaded after hydration (see lazy-plot.tsx).

const CURRENT = SERIES_COLORS[0];
const PREVIOUS = SERIES_COLORS[1];

export type DimensionsPlotProps = {
  data: { name: string; current: number | null; previous: number | null; target: number }[];
  height: number;
  hasPrevious: boolean;
  roundLabel: string;
  previousLabel: string;
};

export function DimensionsPlot({
  data,
  height,
  hasPrevious,
  roundLabel,
  previousLabel,
}: DimensionsPlotProps) {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <BarChart
        accessibilityLayer={false}
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
        <YAxis {...dimensionAxisProps} />
        <Tooltip
          isAnimationActive={!reducedMotion}
          formatter={(v) => (typeof v === "number" ? v.toFixed(0) : "—")}
        />
        <Bar
          dataKey="current"
          name={roundLabel}
          fill={CURRENT}
          barSize={12}
          isAnimationActive={false}
        />
        {hasPrevious ? (
          <Bar
            dataKey="previous"
            name={previousLabel}
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
  );
}
