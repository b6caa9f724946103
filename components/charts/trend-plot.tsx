"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { colorAt, dashAt, GRID, INK } from "./palette";
import { usePrefersReducedMotion } from "./motion";

// The recharts half of TrendChart, loaded after hydration (see lazy-plot.tsx).

export type TrendPlotProps = {
  data: Record<string, string | number | null>[];
  height: number;
  /** Where the framework version changed: the round's name (the x value) and the new version. */
  changes: { assessmentId: string; name: string; frameworkVersion: string }[];
  /** Every dimension in legend order (its colour and dash follow the position), and which are drawn. */
  dimensions: { id: string; name: string }[];
  selected: string[];
};

export function TrendPlot({ data, height, changes, dimensions, selected }: TrendPlotProps) {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <LineChart
        accessibilityLayer={false}
        data={data}
        margin={{ top: 20, right: 28, bottom: 4, left: -16 }}
      >
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis
          dataKey="name"
          tick={{ fontSize: 11 }}
          interval={0}
          padding={{ left: 12, right: 12 }}
        />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 11 }} />
        <Tooltip
          isAnimationActive={!reducedMotion}
          formatter={(v) => (typeof v === "number" ? v.toFixed(1) : "—")}
        />
        {changes.map((c) => {
          // Centred above its line, a label at the last (or first) round ran past the plot's edge
          // and was cut: there it reads inward, ending (or starting) at the line.
          const at = data.findIndex((d) => d.name === c.name);
          const position =
            at === data.length - 1 && at > 0
              ? "insideTopRight"
              : at === 0
                ? "insideTopLeft"
                : "top";
          return (
            <ReferenceLine
              key={c.assessmentId}
              x={c.name}
              stroke={INK}
              strokeDasharray="3 3"
              label={{
                value: `Framework ${c.frameworkVersion}`,
                position,
                fontSize: 10,
                fill: INK,
              }}
            />
          );
        })}
        <Line
          type="monotone"
          dataKey="index"
          name="Readiness index"
          stroke={INK}
          strokeWidth={3}
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
        {dimensions.map((d, i) =>
          selected.includes(d.id) ? (
            <Line
              key={d.id}
              type="monotone"
              dataKey={d.id}
              name={d.name}
              stroke={colorAt(i)}
              strokeDasharray={dashAt(i + 1)}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ) : null,
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}
