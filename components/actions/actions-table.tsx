import { formatDay } from "@/components/ui/format";
import { CsvDownloadLink } from "@/components/ui/csv-link";
import { ownerName } from "@/lib/initiatives/owner-name";
import type { ActionView } from "@/lib/actions/data";
import type { FormAction } from "@/lib/forms/state";
import { ActionStatusForm } from "./action-status-form";
import { ACTION_STATUS_LABELS } from "./labels";

const ownerText = (owner: ActionView["owner"]) => ownerName(owner) ?? "No owner";

/** The organisation's actions; an overdue one says so in words, not colour alone. */
export function ActionsTable({
  organizationId,
  actions,
  dimensionNames,
  statusAction,
  rounds,
}: {
  organizationId: string;
  actions: ActionView[];
  dimensionNames: Record<string, string>;
  /** Given to callers who may change actions. */
  statusAction?: FormAction;
  /** The organisation's rounds, to say which round an action is tracked in and if it was carried over. */
  rounds?: { id: string; name: string; createdAt: Date }[];
}) {
  const roundOf = new Map((rounds ?? []).map((r) => [r.id, r]));
  const overdue = actions.filter((a) => a.overdue).length;
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="actions" className="scroll-mt-32 text-lg font-semibold">
          Actions
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          {overdue ? (
            <p className="text-sm font-semibold text-orange-900">
              <span aria-hidden>⚠ </span>
              {overdue} overdue
            </p>
          ) : null}
          {actions.length ? (
            <CsvDownloadLink
              href={`/organizations/${organizationId}/actions.csv`}
              label="Download actions (CSV)"
            />
          ) : null}
        </div>
      </div>
      {actions.length === 0 ? (
        <p className="mt-2 text-slate-600">
          No action yet.
          {statusAction
            ? " Turn a next step on the overview into an action with an owner and a due date."
            : ""}
        </p>
      ) : (
        // A focusable, named region: a keyboard can scroll the table where it is wider than a
        // phone, even when no row holds a control (an executive's read-only view). WCAG 2.1.1.
        <div
          className="relative mt-3 overflow-x-auto"
          role="region"
          aria-label="Actions table"
          tabIndex={0}
        >
          <table className="w-full min-w-[640px] border-collapse text-left text-sm">
            <caption className="sr-only">Actions with their owner, due date and status</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Action
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Owner
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Due
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr
                  key={a.id}
                  className={
                    a.overdue
                      ? "border-b border-orange-200 bg-orange-50 align-top"
                      : "border-b border-slate-100 align-top"
                  }
                >
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {a.title}
                    {a.dimension ? (
                      <span className="block font-normal text-slate-600">
                        {dimensionNames[a.dimension] ?? a.dimension}
                      </span>
                    ) : null}
                    <RoundNote
                      round={a.assessmentId ? roundOf.get(a.assessmentId) : undefined}
                      createdAt={a.createdAt}
                    />
                  </th>
                  <td className="py-2 pr-3 text-slate-700">{ownerText(a.owner)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {a.dueDate ? formatDay(a.dueDate) : "No date"}
                    {a.overdue ? (
                      <span className="block font-semibold text-orange-900">
                        <span aria-hidden>⚠ </span>Overdue
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">
                    {statusAction ? (
                      <ActionStatusForm
                        action={statusAction}
                        actionId={a.id}
                        title={a.title}
                        status={a.status}
                      />
                    ) : (
                      ACTION_STATUS_LABELS[a.status]
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Which round the action is tracked in; "carried over" when it is older than that round. */
function RoundNote({
  round,
  createdAt,
}: {
  round: { name: string; createdAt: Date } | undefined;
  createdAt: Date;
}) {
  if (!round) return null;
  return (
    <span className="block font-normal text-slate-600">
      {createdAt < round.createdAt ? `Carried over into ${round.name}` : `From ${round.name}`}
    </span>
  );
}
