import { buttonClass } from "@/components/ui/button";

// A plain GET form: search and sort live in the URL, so results can be bookmarked and shared,
// and it works before JavaScript loads.
export function OrganizationSearch({ q, sort }: { q: string; sort: string }) {
  return (
    <form
      role="search"
      method="get"
      action="/organizations"
      className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end"
    >
      <div className="flex-1">
        <label htmlFor="q" className="block text-sm font-medium text-slate-800">
          Search by name
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={120}
          placeholder="e.g. Northwind"
          className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm"
        />
      </div>
      <div>
        <label htmlFor="sort" className="block text-sm font-medium text-slate-800">
          Sort
        </label>
        <select
          id="sort"
          name="sort"
          defaultValue={sort}
          className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base sm:w-48 sm:text-sm"
        >
          <option value="name">Name (A–Z)</option>
          <option value="updated">Recently updated</option>
          <option value="created">Newest first</option>
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
