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
import { dimensionAxisProps } from "./ticks";
import { GRID, SERIES_COLORS } from "./palette";
import { usePrefersReducedMotion } from "./motion";

// The recharts half of BlindSpotsChart, loaded after hydration (see lazy-plot.tsx).

export type BlindSpotsPlotProps = {
  /** Share of "Don't know" answers in whole percent. */
  data: { name: string; share: number }[];
  height: number;
  /** The axis' upper end in percent. */
  top: number;
};

export function BlindSpotsPlot({ data, height, top }: BlindSpotsPlotProps) {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 40, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis
          type="number"
          domain={[0, top]}
          unit="%"
          tickCount={5}
          allowDecimals={false}
          tick={{ fontSize: 11 }}
        />
        <YAxis {...dimensionAxisProps} />
        <Tooltip isAnimationActive={!reducedMotion} formatter={(v) => `${String(v)}%`} />
        <Bar
          dataKey="share"
          name={`"Don't know"`}
          fill={SERIES_COLORS[3]}
          barSize={14}
          isAnimationActive={false}
        >
          <LabelList
            dataKey="share"
            position="right"
            formatter={(v) => `${String(v)}%`}
            fontSize={11}
            fill="#334155"
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
