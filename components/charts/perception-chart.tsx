"use client";

import { ChartFrame, DataTable, NoClosedRound, SeriesLegend } from "./chart-frame";
import { LazyPerceptionPlot } from "./lazy-plot";
import { respondentRoleLabel } from "@/lib/framework/roles";
import { colorAt, fmt, roleInitial } from "./palette";

export type PerceptionDatum = {
  roles: { role: string; respondents: number; shown: boolean }[];
  rows: { dimension: string; name: string; byRole: Partial<Record<string, number | null>> }[];
  gaps: {
    dimension: string;
    higherRole: string;
    higherScore: number;
    lowerRole: string;
    lowerScore: number;
    points: number;
  }[];
  hiddenReason: string | null;
  minGroupSize: number;
};

/** Scores per dimension as each respondent role sees it; the widest gaps are also said in words. */
export function PerceptionChart({
  perception,
  emptyHref,
}: {
  perception: PerceptionDatum | null;
  emptyHref?: string;
}) {
  const shown = perception?.roles.filter((r) => r.shown) ?? [];
  const rows = perception?.rows ?? [];
  const names = new Map(rows.map((r) => [r.dimension, r.name]));
  const gaps = [...(perception?.gaps ?? [])].sort((a, b) => b.points - a.points);
  const height = 40 + rows.length * Math.max(36, shown.length * 11 + 14);
  const data = rows.map((r) => ({
    name: r.name,
    ...Object.fromEntries(shown.map((s) => [s.role, r.byRole[s.role] ?? null])),
  }));
  return (
    <ChartFrame
      title="How each role sees it"
      description={
        shown.length >= 2
          ? `Scores by respondent role (${shown.map((s) => `${respondentRoleLabel(s.role)} ${s.respondents}`).join(", ")}).`
          : "Fewer than two roles reached the minimum group size, so there is nothing to compare yet."
      }
      height={height}
      empty={
        !perception || rows.length === 0 ? (
          <NoClosedRound href={emptyHref} />
        ) : shown.length < 2 ? (
          `Nothing to compare in this round: fewer than two roles had ${perception.minGroupSize} or more respondents (the round's minimum group, so that no one can be singled out). Invite at least ${perception.minGroupSize} people in each of two roles or more next round.`
        ) : null
      }
      table={
        <DataTable
          caption="Dimension scores out of 100 by respondent role"
          columns={["Dimension", ...shown.map((s) => respondentRoleLabel(s.role))]}
          rows={rows.map((r) => ({
            key: r.dimension,
            header: r.name,
            cells: shown.map((s) => fmt(r.byRole[s.role])),
          }))}
        />
      }
      footer={
        <>
          <SeriesLegend
            items={shown.map((s, i) => ({
              label: `${roleInitial(s.role)}: ${respondentRoleLabel(s.role)}`,
              color: colorAt(i),
              kind: "solid" as const,
            }))}
          />
          {gaps.length ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {gaps.slice(0, 4).map((g) => (
                <li key={g.dimension}>
                  <strong>{names.get(g.dimension) ?? g.dimension}</strong>:{" "}
                  {respondentRoleLabel(g.higherRole)} score it {fmt(g.higherScore)},{" "}
                  {respondentRoleLabel(g.lowerRole)} {fmt(g.lowerScore)}, {fmt(g.points)} points
                  apart.
                </li>
              ))}
            </ul>
          ) : shown.length >= 2 ? (
            <p>No wide gap between roles: they see the dimensions much alike.</p>
          ) : null}
          {perception?.hiddenReason ? (
            <p className="mt-1 text-slate-600">{perception.hiddenReason}</p>
          ) : null}
        </>
      }
    >
      <LazyPerceptionPlot
        data={data}
        height={height}
        roles={shown.map((s) => ({ role: s.role, label: respondentRoleLabel(s.role) }))}
      />
    </ChartFrame>
  );
}
