import Link from "next/link";
import type { PortfolioRow } from "@/lib/dashboards/data";
import {
  PORTFOLIO_SORTS,
  type PortfolioQuery,
  type PortfolioSort,
} from "@/lib/dashboards/portfolio";
import { formatDate } from "@/components/ui/format";

type Benchmark = { sector: string; median: number; size: number } | null;

const COLUMNS: { key: PortfolioSort | null; label: string; numeric?: boolean }[] = [
  // What a consultant scans for first sits first, so a phone shows it before scrolling sideways.
  { key: "name", label: "Organisation" },
  { key: "stage", label: "Stage" },
  { key: "index", label: "Index", numeric: true },
  { key: "change", label: "Change", numeric: true },
  { key: "lastAssessed", label: "Last assessed" },
  { key: "openRounds", label: "Open rounds", numeric: true },
  { key: null, label: "Sector" },
  { key: null, label: "Sector median" },
];

function sortHref(query: PortfolioQuery, key: PortfolioSort): string {
  const params = new URLSearchParams();
  if (query.sector) params.set("sector", query.sector);
  if (query.stage !== undefined) params.set("stage", String(query.stage));
  params.set("sort", key);
  params.set("dir", query.sort === key && query.dir === "asc" ? "desc" : "asc");
  return `/portfolio?${params.toString()}`;
}

function signed(n: number): string {
  return `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(1)}`;
}

export function PortfolioTable({
  rows,
  query,
  benchmarks,
  stageNames,
}: {
  rows: PortfolioRow[];
  query: PortfolioQuery;
  benchmarks: Record<string, Benchmark>;
  stageNames: Record<number, string>;
}) {
  if (rows.length === 0)
    return <p className="mt-3 text-slate-600">No organisation matches these filters.</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full min-w-[720px] border-collapse text-left text-sm">
        <caption className="sr-only">
          Organisations with their latest stage and index, sorted by {query.sort}{" "}
          {query.dir === "asc" ? "ascending" : "descending"}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-600">
            {COLUMNS.map((c) => {
              const active = c.key !== null && c.key === query.sort;
              return (
                <th
                  key={c.label}
                  scope="col"
                  aria-sort={
                    active ? (query.dir === "asc" ? "ascending" : "descending") : undefined
                  }
                  className={`py-2 pr-3 font-medium ${c.numeric ? "text-right" : ""}`}
                >
                  {c.key && PORTFOLIO_SORTS.includes(c.key) ? (
                    <Link href={sortHref(query, c.key)} className="hover:underline">
                      {c.label}
                      {active ? <span aria-hidden>{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
                    </Link>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const peer = r.sector ? (benchmarks[r.sector] ?? null) : null;
            return (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-3 font-medium">
                  <Link href={`/organizations/${r.id}`} className="text-brand-700 hover:underline">
                    {r.name}
                  </Link>
                </th>
                <td className="py-2 pr-3">
                  {r.stage === null ? (
                    <span className="text-slate-500">
                      {r.lastAssessed ? "Not enough answers yet" : "No closed round"}
                    </span>
                  ) : (
                    <span className="whitespace-nowrap">{`${r.stage} ${stageNames[r.stage] ?? ""}`}</span>
                  )}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {r.index === null ? "—" : Math.round(r.index)}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {r.change === null ? "—" : signed(r.change)}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {r.lastAssessed ? formatDate(new Date(r.lastAssessed)) : "—"}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{r.openRounds}</td>
                <td className="py-2 pr-3 text-slate-700">{r.sector ?? "—"}</td>
                <td className="py-2 pr-3 text-slate-700">
                  {peer && r.index !== null ? (
                    <>
                      {peer.median} <span className="text-slate-500">(n={peer.size})</span>, this
                      one {signed(r.index - peer.median)}
                    </>
                  ) : (
                    <span className="text-slate-500">Too few peers</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
