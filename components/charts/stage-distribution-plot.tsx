"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { GRID, SERIES_COLORS } from "./palette";
import { usePrefersReducedMotion } from "./motion";

// The recharts half of StageDistributionChart, loaded after hydration (see lazy-plot.tsx).

export type StageDistributionPlotProps = {
  data: { label: string; count: number }[];
  height: number;
  /** What a bar counts, for the tooltip (organisations unless said). */
  seriesName?: string;
};

/** Horizontal bars of counts per label: organisations per stage, initiatives per status. */
export function StageDistributionPlot({
  data,
  height,
  seriesName = "Organisations",
}: StageDistributionPlotProps) {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 32, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip isAnimationActive={!reducedMotion} />
        <Bar
          dataKey="count"
          name={seriesName}
          fill={SERIES_COLORS[0]}
          barSize={22}
          isAnimationActive={false}
        >
          <LabelList dataKey="count" position="right" fontSize={12} fill="#0f172a" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
