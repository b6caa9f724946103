"use client";

import { useId, useState, type ReactNode } from "react";
import Link from "next/link";

// Every chart sits in the same frame: a title, a fixed-height plot (so nothing jumps when the
// client draws it), a "Show as table" twin for screen readers and keyboards, and one empty state.

export function ChartFrame({
  title,
  description,
  height,
  empty,
  table,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  height: number;
  /**
   * When set, this message replaces chart and table: it says what is true (why there is nothing
   * to draw) and what to do about it. Every chart writes its own; "no closed round" is only one case.
   */
  empty?: ReactNode;
  table: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const headingId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const tableId = `${id}-table`;
  return (
    <figure
      className="min-w-0"
      aria-labelledby={headingId}
      aria-describedby={description ? summaryId : undefined}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold text-slate-900">
            {title}
          </h3>
          {description ? (
            <div id={summaryId} className="mt-0.5 text-sm text-slate-600">
              {description}
            </div>
          ) : null}
        </div>
        {empty ? null : (
          <button
            type="button"
            className="no-print shrink-0 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
            aria-expanded={asTable}
            aria-controls={tableId}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? "Show as chart" : "Show as table"}
          </button>
        )}
      </div>
      {empty ? (
        <div
          className="mt-3 grid place-items-center rounded-lg border border-dashed border-slate-300 px-4 text-center text-sm text-slate-600"
          style={{ minHeight: Math.min(height, 180) }}
        >
          <p>{empty}</p>
        </div>
      ) : (
        <>
          {/* The chart stays mounted (hidden) so switching back does not redraw from nothing. It is
              clipped to its box: between a resize (a phone turned) and the plot measuring again,
              the old, wider drawing must not make the whole page scroll sideways.
              It is hidden from screen readers (the table twin is the accessible form), so nothing
              inside may take focus either: the plots turn off recharts' keyboard layer
              (accessibilityLayer={false}). Not `inert`: that would also take the tooltips away
              from a mouse. */}
          <div
            className={asTable ? "hidden" : "mt-3 overflow-hidden print:block"}
            style={{ height }}
            aria-hidden
          >
            {children}
          </div>
          {/* A wide table scrolls inside this box; as a focusable, named region a keyboard can
              scroll it too (WCAG 2.1.1). The table is rendered when asked for: hidden, no one can
              read it, and leaving it out keeps every dashboard's HTML and render time smaller
              (the data is the chart's own props, already on the client). */}
          <div
            id={tableId}
            hidden={!asTable}
            role="region"
            aria-label={`${title}, as a table`}
            tabIndex={0}
            className="mt-3 overflow-x-auto"
          >
            {asTable ? table : null}
          </div>
        </>
      )}
      {footer && !empty ? (
        <figcaption className="mt-3 text-sm text-slate-700">{footer}</figcaption>
      ) : null}
    </figure>
  );
}

/** The empty state of a chart that draws closed rounds, before the first one closes. */
export function NoClosedRound({ href }: { href?: string }) {
  return (
    <>
      No closed round yet:{" "}
      {href ? (
        <Link className="font-medium text-brand-700 underline" href={href}>
          open one
        </Link>
      ) : (
        "open one"
      )}
      .
    </>
  );
}

/** The table twin: a caption and header cells with scope, as every chart's data. */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; header: ReactNode; cells: ReactNode[] }[];
}) {
  return (
    <table className="w-full min-w-max border-collapse text-left text-sm">
      <caption className="mb-1 text-left text-xs text-slate-500">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-slate-600">
          {columns.map((c, i) => (
            <th
              key={c}
              scope="col"
              className={i === 0 ? "py-1.5 pr-3 font-medium" : "px-2 py-1.5 text-right font-medium"}
            >
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-slate-100">
            <th scope="row" className="py-1.5 pr-3 font-normal text-slate-900">
              {r.header}
            </th>
            {r.cells.map((c, i) => (
              <td key={i} className="px-2 py-1.5 text-right tabular-nums">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A legend in HTML rather than recharts' own: it keeps the series order as given, shows fill
 * patterns and dashes as they are drawn, and wraps on a phone.
 */
export function SeriesLegend({
  items,
}: {
  items: {
    label: string;
    color: string;
    kind: "solid" | "hatched" | "outline" | "line";
    dash?: string;
  }[];
}) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden>
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <svg width="18" height="10">
            {item.kind === "line" ? (
              <line
                x1="0"
                y1="5"
                x2="18"
                y2="5"
                stroke={item.color}
                strokeWidth="2.5"
                strokeDasharray={item.dash}
              />
            ) : item.kind === "outline" ? (
              <rect
                x="1"
                y="1"
                width="16"
                height="8"
                fill="#fff"
                stroke={item.color}
                strokeWidth="1.5"
              />
            ) : item.kind === "hatched" ? (
              <>
                <rect x="1" y="1" width="16" height="8" fill="#fff" stroke={item.color} />
                {[3, 7, 11, 15].map((x) => (
                  <line
                    key={x}
                    x1={x}
                    y1="9"
                    x2={x + 3}
                    y2="1"
                    stroke={item.color}
                    strokeWidth="1.5"
                  />
                ))}
              </>
            ) : (
              <rect x="1" y="1" width="16" height="8" fill={item.color} />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
