"use client";

import { Fragment, useId, useState } from "react";
import type { AgreementRows } from "./agreement-rows";
import { respondentRoleLabel } from "@/lib/framework/roles";

// One hue from light to dark (colour-blind safe), darker = less agreement, and the figure is
// printed in every cell so the colour is never the only signal.
const SCALE = ["#fff7ec", "#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000"];

function shade(agreement: number): { background: string; color: string } {
  const i = Math.min(
    SCALE.length - 1,
    Math.max(0, Math.round((1 - agreement) * (SCALE.length - 1))),
  );
  return { background: SCALE[i]!, color: i >= 5 ? "#ffffff" : "#0f172a" };
}

const STEPS = [
  { label: "1.0 all agree", value: 1 },
  { label: "0.8", value: 0.8 },
  { label: "0.6", value: 0.6 },
  { label: "0.4", value: 0.4 },
  { label: "0.2", value: 0.2 },
  { label: "0 split", value: 0 },
];

const FIRST = 10;

/**
 * Agreement within each role per question: where the people in one role answer far apart. The rows
 * come from agreementRows() on the server, least agreed first.
 */
export function AgreementHeatmap({
  roles,
  rows,
  split,
  minGroupSize,
}: AgreementRows & { minGroupSize: number }) {
  const [all, setAll] = useState(false);
  const visible = all ? rows : rows.slice(0, FIRST);
  const id = useId();
  return (
    <figure
      className="min-w-0"
      aria-labelledby={`${id}-title`}
      aria-describedby={rows.length ? `${id}-summary` : undefined}
    >
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        Agreement within each role
      </h3>
      {rows.length === 0 ? (
        <div className="mt-3 grid min-h-32 place-items-center rounded-lg border border-dashed border-slate-300 px-4 text-center text-sm text-slate-600">
          <p>
            Not shown for this round: no role had {minGroupSize} or more respondents (the
            round&apos;s minimum group), and agreement within a smaller group could single people
            out. Invite at least {minGroupSize} people in a role next round to see it.
          </p>
        </div>
      ) : (
        <>
          <p className="mt-0.5 text-sm text-slate-600">
            1 means everyone in the role gave the same answer; low figures mean the role is split.
            The least agreed questions come first.
          </p>
          <ul
            className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700"
            aria-label="Legend"
          >
            {STEPS.map((s) => (
              <li key={s.label} className="flex items-center gap-1">
                <span
                  aria-hidden
                  className="inline-block size-3.5 rounded-sm ring-1 ring-slate-300"
                  style={{ background: shade(s.value).background }}
                />
                {s.label}
              </li>
            ))}
            <li>— fewer than two answers</li>
          </ul>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">
                Agreement (0 to 1) within each respondent role, per question, least agreed first
              </caption>
              <thead>
                <tr className="text-xs text-slate-600">
                  <th scope="col" className="hidden py-1 pr-2 font-medium sm:table-cell">
                    Question
                  </th>
                  {roles.map((r) => (
                    <th key={r} scope="col" className="w-16 px-1 py-1 text-center font-medium">
                      {respondentRoleLabel(r)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {visible.map((q) => (
                  <Fragment key={q.id}>
                    {/* On a phone the question gets its own full-width line above its cells. */}
                    <tr className="border-t border-slate-100 sm:hidden">
                      <th
                        scope="colgroup"
                        colSpan={roles.length}
                        className="pt-1.5 text-left text-xs font-normal text-slate-800"
                      >
                        {q.text} <span className="text-[11px] text-slate-500">({q.dimension})</span>
                      </th>
                    </tr>
                    <tr className="sm:border-t sm:border-slate-100">
                      <th
                        scope="row"
                        className="hidden py-1 pr-2 align-top text-xs font-normal text-slate-800 sm:table-cell"
                      >
                        {q.text}
                        <span className="block text-[11px] text-slate-500">{q.dimension}</span>
                      </th>
                      {roles.map((r, i) => {
                        const c = q.byRole[i];
                        if (!c)
                          return (
                            <td key={r} className="px-1 py-1 text-center text-xs text-slate-400">
                              —
                            </td>
                          );
                        const [agreement, answers] = c;
                        return (
                          <td key={r} className="p-0.5 text-center align-middle">
                            <span
                              className="block rounded px-1 py-1.5 text-xs font-medium tabular-nums"
                              style={shade(agreement)}
                              title={`${answers} answers`}
                            >
                              {agreement.toFixed(2)}
                            </span>
                          </td>
                        );
                      })}
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > FIRST ? (
            <button
              type="button"
              className="no-print mt-2 text-sm font-medium text-brand-700 underline"
              aria-expanded={all}
              onClick={() => setAll((v) => !v)}
            >
              {all ? `Show the ${FIRST} least agreed only` : `Show all ${rows.length} questions`}
            </button>
          ) : null}
          <figcaption id={`${id}-summary`} className="mt-2 text-sm text-slate-700">
            {split.widest ? (
              <>
                {split.count} question-and-role pair{split.count === 1 ? " is" : "s are"} split
                (agreement under 0.5). Widest: {respondentRoleLabel(split.widest.role)} on &ldquo;
                {split.widest.text}&rdquo; ({split.widest.agreement.toFixed(2)}).
              </>
            ) : (
              "Every role mostly agrees within itself: no question-and-role pair under 0.5."
            )}
          </figcaption>
        </>
      )}
    </figure>
  );
}
