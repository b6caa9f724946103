import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { RetakeIntervalForm } from "@/components/workspaces/retake-interval-form";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { listRetakesDue } from "@/lib/assessments/retakes";
import { updateWorkspaceSettingsAction } from "../settings/actions";

export const metadata: Metadata = { title: "Retakes due" };

export default async function RetakesPage() {
  const { ctx } = await requirePageContext();
  const { intervalDays, due, inProgress } = await listRetakesDue(ctx);
  const canStart = can(ctx.role, "assessment.manage");
  return (
    <>
      <PageHeader
        title="Retakes due"
        description={`Organisations whose last closed round is more than ${intervalDays} days old and whose next round has not started. Retaking the assessment every quarter shows whether the gaps are closing.`}
      />
      {due.length === 0 ? (
        <EmptyState title="No retake is due">
          {inProgress
            ? `${inProgress} organisation${inProgress === 1 ? " has" : "s have"} a next round under way.`
            : "An organisation appears here once its last closed round is older than the interval."}
        </EmptyState>
      ) : (
        <Card>
          <h2 className="text-lg font-semibold">
            {due.length} organisation{due.length === 1 ? "" : "s"} due
          </h2>
          <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Retakes due">
            <table className="w-full min-w-[32rem] text-sm">
              <caption className="sr-only">
                Organisations due for a retake, longest overdue first
              </caption>
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Organisation
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Last round
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Closed
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Days overdue
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Next step</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {due.map((d) => (
                  <tr key={d.organizationId} className="border-t border-slate-100">
                    <td className="py-2 pr-3">
                      <Link
                        className="font-medium text-brand-700 underline"
                        href={`/organizations/${d.organizationId}`}
                      >
                        {d.organizationName}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{d.lastRound.name}</td>
                    <td className="py-2 pr-3">{formatDate(d.lastRound.closedAt)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{d.daysOverdue}</td>
                    <td className="py-2">
                      {canStart ? (
                        <Link
                          className="text-brand-700 underline"
                          href={`/assessments/${d.lastRound.id}#next-round`}
                        >
                          Start next round<span className="sr-only"> for {d.organizationName}</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {inProgress ? (
            <p className="mt-3 text-sm text-slate-600">
              {inProgress} more organisation{inProgress === 1 ? " has" : "s have"} a next round
              under way.
            </p>
          ) : null}
        </Card>
      )}
      {can(ctx.role, "workspace.update") ? (
        <Card className="mt-6">
          <h2 className="mb-3 text-lg font-semibold">Workspace setting</h2>
          <RetakeIntervalForm intervalDays={intervalDays} action={updateWorkspaceSettingsAction} />
        </Card>
      ) : null}
    </>
  );
}
