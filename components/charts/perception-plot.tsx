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
import { colorAt, GRID, INK, roleInitial } from "./palette";
import { usePrefersReducedMotion } from "./motion";

// The recharts half of PerceptionChart, loaded after hydration (see lazy-plot.tsx).

export type PerceptionPlotProps = {
  data: Record<string, string | number | null>[];
  height: number;
  /** The roles drawn, in order: each is a data key and a bar. */
  roles: { role: string; label: string }[];
};

export function PerceptionPlot({ data, height, roles }: PerceptionPlotProps) {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
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
        <Tooltip
          isAnimationActive={!reducedMotion}
          formatter={(v) => (typeof v === "number" ? v.toFixed(0) : "—")}
        />
        {roles.map((s, i) => (
          <Bar
            key={s.role}
            dataKey={s.role}
            name={s.label}
            fill={colorAt(i)}
            barSize={9}
            isAnimationActive={false}
          >
            {/* The role's initial at the end of its bar: the bars are told apart by more than
                colour (WCAG 1.4.1), in the same order as the legend. */}
            <LabelList
              dataKey={s.role}
              position="right"
              formatter={() => roleInitial(s.role)}
              fontSize={9}
              fill={INK}
            />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
