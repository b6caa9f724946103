import type { PortfolioQuery } from "@/lib/dashboards/portfolio";
import { buttonClass } from "@/components/ui/button";

const SORT_LABELS = {
  name: "Name",
  stage: "Stage",
  index: "Readiness index",
  change: "Change since last round",
  lastAssessed: "Last assessed",
  openRounds: "Open rounds",
} as const;

const select = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

/** A plain GET form: filters and sort order live in the URL, so it works without JavaScript and can be shared. */
export function PortfolioFilters({
  sectors,
  stageNames,
  query,
}: {
  sectors: string[];
  stageNames: Record<number, string>;
  query: PortfolioQuery;
}) {
  return (
    <form
      method="get"
      action="/portfolio"
      className="grid grid-cols-2 gap-3 lg:grid-cols-5 lg:items-end"
    >
      <label className="text-sm font-medium text-slate-700">
        Sector
        <select name="sector" defaultValue={query.sector ?? ""} className={select}>
          <option value="">All sectors</option>
          {sectors.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Stage
        <select
          name="stage"
          defaultValue={query.stage === undefined ? "" : String(query.stage)}
          className={select}
        >
          <option value="">All stages</option>
          {[1, 2, 3, 4, 5].map((s) => (
            <option key={s} value={s}>
              {s} {stageNames[s] ?? ""}
            </option>
          ))}
          <option value="none">No stage yet</option>
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Sort by
        <select name="sort" defaultValue={query.sort} className={select}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Order
        <select name="dir" defaultValue={query.dir} className={select}>
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </label>
      {/* Wraps: at 200% text the two buttons are wider than a fifth of the row. */}
      <div className="col-span-2 flex flex-wrap gap-2 lg:col-span-1">
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
        <a href="/portfolio" className={buttonClass("ghost")}>
          Reset
        </a>
      </div>
    </form>
  );
}
