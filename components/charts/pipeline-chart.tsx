"use client";

import { ChartFrame, DataTable } from "./chart-frame";
import { LazyStageDistributionPlot } from "./lazy-plot";

const HEIGHT = 220;

/** Initiatives per status, idea to retired, as bars with a table twin. */
export function PipelineChart({
  title,
  pipeline,
}: {
  title: string;
  pipeline: { status: string; label: string; count: number }[];
}) {
  const total = pipeline.reduce((n, p) => n + p.count, 0);
  const live = pipeline
    .filter((p) => p.status === "production" || p.status === "scaled")
    .reduce((n, p) => n + p.count, 0);
  const pilots = pipeline.find((p) => p.status === "pilot")?.count ?? 0;
  return (
    <ChartFrame
      title={title}
      description={
        total
          ? `${total} initiative${total === 1 ? "" : "s"}: ${pilots} in pilot, ${live} in production or scaled.`
          : undefined
      }
      height={HEIGHT}
      empty={total === 0 ? "No initiative yet: the pipeline appears with the first one." : null}
      table={
        <DataTable
          caption="Number of initiatives at each status"
          columns={["Status", "Initiatives"]}
          rows={pipeline.map((p) => ({ key: p.status, header: p.label, cells: [String(p.count)] }))}
        />
      }
    >
      <LazyStageDistributionPlot
        data={pipeline.map((p) => ({ label: p.label, count: p.count }))}
        height={HEIGHT}
        seriesName="Initiatives"
      />
    </ChartFrame>
  );
}
