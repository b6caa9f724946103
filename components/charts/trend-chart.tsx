"use client";

import { useId, useState } from "react";
import { ChartFrame, NoClosedRound, DataTable, SeriesLegend } from "./chart-frame";
import { LazyTrendPlot } from "./lazy-plot";
import { colorAt, dashAt, fmt, INK } from "./palette";

export type TrendDatum = {
  assessmentId: string;
  name: string;
  frameworkVersion: string;
  versionChanged: boolean;
  index: number;
  stage: number;
  dimensions: Record<string, number | null>;
};

const HEIGHT = 300;

/**
 * The readiness index across closed rounds, with any dimension added as its own line. Rounds on
 * another framework version stay on the same line (dimension ids are stable); a marker says where
 * the version changed.
 */
export function TrendChart({
  points,
  dimensions,
  emptyHref,
  closedRounds,
  initiallySelected = [],
  selectable = true,
}: {
  points: TrendDatum[];
  dimensions: { id: string; name: string }[];
  emptyHref?: string;
  /** Closed rounds, with or without an index: a round with too few answers has no point. */
  closedRounds: number;
  initiallySelected?: string[];
  selectable?: boolean;
}) {
  const [selected, setSelected] = useState<string[]>(initiallySelected);
  const id = useId();
  const data = points.map((p) => ({ name: p.name, index: p.index, ...p.dimensions }));
  const changes = points.filter((p) => p.versionChanged);
  const first = points[0];
  const last = points.at(-1);
  const change = first && last && points.length > 1 ? last.index - first.index : null;
  const description =
    points.length > 1 && first && last && change !== null
      ? `Index ${fmt(first.index)} in ${first.name} to ${fmt(last.index)} in ${last.name} (${change >= 0 ? "+" : ""}${fmt(change, 1)} over ${points.length} rounds).`
      : points.length === 1
        ? "One round with a readiness index so far: the trend starts with the next one."
        : undefined;
  const withoutIndex = closedRounds - points.length;
  return (
    <ChartFrame
      title="Trend across rounds"
      description={description}
      height={HEIGHT}
      empty={
        points.length > 0 ? null : closedRounds === 0 ? (
          <NoClosedRound href={emptyHref} />
        ) : (
          `No round has a readiness index yet: ${closedRounds === 1 ? "the closed round had" : `the ${closedRounds} closed rounds had`} fewer than half of the expected answers. The trend starts with the first round that has one.`
        )
      }

      table={
        <DataTable
          caption="Readiness index and dimension scores per closed round, oldest first"
          columns={["Round", "Framework", "Stage", "Index", ...dimensions.map((d) => d.name)]}
          rows={points.map((p) => ({
            key: p.assessmentId,
            header: p.name,
            cells: [
              `${p.frameworkVersion}${p.versionChanged ? " (changed)" : ""}`,
              String(p.stage),
              fmt(p.index, 1),
              ...dimensions.map((d) => fmt(p.dimensions[d.id])),
            ],
          }))}
        />
      }
      footer={
        <>
          <SeriesLegend
            items={[
              { label: "Readiness index", color: INK, kind: "line" },
              ...dimensions.flatMap((d, i) =>
                selected.includes(d.id)
                  ? [
                      {
                        label: d.name,
                        color: colorAt(i),
                        kind: "line" as const,
                        dash: dashAt(i + 1),
                      },
                    ]
                  : [],
              ),
            ]}
          />
          {withoutIndex > 0 ? (
            <p>
              {withoutIndex} closed round{withoutIndex === 1 ? "" : "s"} without a readiness index
              (fewer than half of the expected answers) {withoutIndex === 1 ? "is" : "are"} not
              drawn.
            </p>
          ) : null}
          {changes.length ? (
            <p>
              {changes.map((c) => `Framework ${c.frameworkVersion} from ${c.name}`).join("; ")}:
              rounds before it were scored with the earlier version and keep its verdict. They stay
              on the same lines, since the dimensions did not change, but a stage or a
              ready-to-scale verdict can differ across the change because the rules did (see{" "}
              <a className="underline" href="/method">
                how GapMap scores
              </a>
              ).
            </p>
          ) : null}
          {selectable && dimensions.length ? (
            <fieldset className="no-print mt-2">
              <legend className="text-xs font-medium text-slate-600">Add a dimension line</legend>
              <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
                {dimensions.map((d, i) => (
                  <label
                    key={d.id}
                    htmlFor={`${id}-${d.id}`}
                    className="flex items-center gap-1.5 text-xs text-slate-700"
                  >
                    <input
                      id={`${id}-${d.id}`}
                      type="checkbox"
                      className="size-4"
                      checked={selected.includes(d.id)}
                      onChange={(e) =>
                        setSelected((s) =>
                          e.target.checked ? [...s, d.id] : s.filter((x) => x !== d.id),
                        )
                      }
                    />
                    <svg width="18" height="6" aria-hidden>
                      <line
                        x1="0"
                        y1="3"
                        x2="18"
                        y2="3"
                        stroke={colorAt(i)}
                        strokeWidth="2"
                        strokeDasharray={dashAt(i + 1)}
                      />
                    </svg>
                    {d.name}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
        </>
      }
    >
      <LazyTrendPlot
        data={data}
        height={HEIGHT}
        changes={changes}
        dimensions={dimensions}
        selected={selected}
      />
    </ChartFrame>
  );
}
