"use client";

import { ChartFrame, DataTable } from "./chart-frame";
import { LazyStageDistributionPlot } from "./lazy-plot";

const HEIGHT = 240;

/** How many organisations sit at each stage (organisations without a closed round are counted apart). */
export function StageDistributionChart({
  stages,
  unassessed,
  withoutStage,
}: {
  stages: { stage: number; name: string; count: number }[];
  unassessed: number;
  withoutStage: number;
}) {
  const total = stages.reduce((s, x) => s + x.count, 0);
  const data = stages.map((s) => ({ label: `${s.stage} ${s.name}`, count: s.count }));
  const top = [...stages].sort((a, b) => b.count - a.count)[0];
  return (
    <ChartFrame
      title="Organisations by stage"
      description={
        total
          ? `${total} with a stage${unassessed ? `, ${unassessed} without a closed round` : ""}${withoutStage ? `, ${withoutStage} whose last round had too few answers for a stage` : ""}; most at stage ${top?.stage} (${top?.name}).`
          : undefined
      }
      height={HEIGHT}
      empty={
        total === 0
          ? withoutStage
            ? "No organisation has a stage yet: the closed rounds had too few answers (fewer than half of those expected). The distribution appears with the first round that has one."
            : "No organisation has a closed round yet: the distribution appears when the first round closes."
          : null
      }
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
      <LazyStageDistributionPlot data={data} height={HEIGHT} />
    </ChartFrame>
  );
}
