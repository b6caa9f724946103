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
import { ChartFrame, DataTable } from "./chart-frame";
import { GRID, SERIES_COLORS } from "./palette";

const HEIGHT = 240;

/** How many organisations sit at each stage (organisations without a closed round are counted apart). */
export function StageDistributionChart({
  stages,
  unassessed,
}: {
  stages: { stage: number; name: string; count: number }[];
  unassessed: number;
}) {
  const total = stages.reduce((s, x) => s + x.count, 0);
  const data = stages.map((s) => ({ label: `${s.stage} ${s.name}`, count: s.count }));
  const top = [...stages].sort((a, b) => b.count - a.count)[0];
  return (
    <ChartFrame
      title="Organisations by stage"
      description={
        total
          ? `${total} assessed${unassessed ? `, ${unassessed} without a closed round` : ""}; most at stage ${top?.stage} (${top?.name}).`
          : undefined
      }
      height={HEIGHT}
      empty={total === 0}
      table={
        <DataTable
          caption="Number of organisations at each stage, from their latest closed round"
          columns={["Stage", "Organisations"]}
          rows={stages.map((s) => ({
            key: String(s.stage),
            header: `${s.stage} ${s.name}`,
            cells: [String(s.count)],
          }))}
        />
      }
    >
      <ResponsiveContainer
        width="100%"
        height={HEIGHT}
        initialDimension={{ width: 600, height: HEIGHT }}
      >
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 32, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip />
          <Bar
            dataKey="count"
            name="Organisations"
            fill={SERIES_COLORS[0]}
            barSize={22}
            isAnimationActive={false}
          >
            <LabelList dataKey="count" position="right" fontSize={12} fill="#0f172a" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
