"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { dimensionAxisProps } from "./ticks";
import { colorAt, GRID } from "./palette";

// The recharts half of PerceptionChart, loaded after hydration (see lazy-plot.tsx).

export type PerceptionPlotProps = {
  data: Record<string, string | number | null>[];
  height: number;
  /** The roles drawn, in order: each is a data key and a bar. */
  roles: { role: string; label: string }[];
};

export function PerceptionPlot({ data, height, roles }: PerceptionPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        barGap={1}
      >
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tick={{ fontSize: 11 }}
        />
        <YAxis {...dimensionAxisProps} />
        <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(0) : "—")} />
        {roles.map((s, i) => (
          <Bar
            key={s.role}
            dataKey={s.role}
            name={s.label}
            fill={colorAt(i)}
            barSize={9}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
