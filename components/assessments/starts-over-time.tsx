import { formatDateTime } from "@/components/ui/format";
import type { StartsOverTime as Starts } from "@/lib/assessments/data";

const timeOfDay = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

function period(from: Date, minutes: number): string {
  const to = new Date(from.getTime() + minutes * 60 * 1000);
  return `${formatDateTime(from)} to ${timeOfDay.format(to)}`;
}

/**
 * Respondents who started, per 10 minutes: a room filling in over a quarter of an hour looks
 * different from a script creating hundreds in a minute. A table, so it reads the same to a
 * screen reader; the bars are decoration beside the numbers.
 */
export function StartsOverTime({ starts }: { starts: Starts }) {
  if (starts.total === 0) {
    return (
      <p className="mt-2 text-sm text-slate-600">
        Nobody has started yet. Starts appear here per {starts.bucketMinutes} minutes as people open
        their link.
      </p>
    );
  }
  const top = starts.busiest?.count ?? 1;
  return (
    <>
      {starts.busiest ? (
        <p className="mt-2 text-sm text-slate-600">
          Busiest {starts.bucketMinutes} minutes: {starts.busiest.count}{" "}
          {starts.busiest.count === 1 ? "start" : "starts"} (
          {period(starts.busiest.from, starts.bucketMinutes)}).
        </p>
      ) : null}
      {/* Scrolls inside its own box if a narrow phone with large text cannot fit a row. */}
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">
            Respondents who started, per {starts.bucketMinutes} minutes, latest first
          </caption>
          <thead className="text-left text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">
                From (UTC)
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Starts
              </th>
            </tr>
          </thead>
          <tbody>
            {starts.buckets.map((bucket) => (
              <tr key={bucket.from.toISOString()} className="border-t border-slate-100">
                <td className="py-1 pr-2 whitespace-nowrap">{formatDateTime(bucket.from)}</td>
                <td className="py-1">
                  <span className="flex items-center justify-end gap-2">
                    <span
                      aria-hidden="true"
                      className="h-2 rounded-full bg-brand-600"
                      style={{ width: `${Math.max(4, Math.round((bucket.count / top) * 64))}px` }}
                    />
                    <span className="w-10 text-right tabular-nums">{bucket.count}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {starts.earlier > 0 ? (
        <p className="mt-2 text-xs text-slate-500">
          And {starts.earlier} earlier {starts.earlier === 1 ? "period" : "periods"} with starts.
        </p>
      ) : null}
    </>
  );
}
