import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { listAuditEvents } from "@/lib/audit/data";
import { describeAuditAction } from "@/lib/audit/labels";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx.role, "audit.read")) redirect("/organizations");
  const events = await listAuditEvents(ctx, { limit: 200 });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, and when: sign-ins, members and roles, organisations, rounds, API tokens. The latest 200 events."
      />
      {events.length === 0 ? (
        <EmptyState title="No events yet" />
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y divide-slate-100 sm:hidden">
            {events.map((e) => (
              <li key={e.id} className="px-4 py-3">
                <p className="font-medium">{describeAuditAction(e.action)}</p>
                <p className="truncate text-sm text-slate-700">{e.actorLabel}</p>
                <p className="text-xs text-slate-500">{formatDateTime(e.at)}</p>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto sm:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    When
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Who
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    What
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Detail
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {events.map((e) => (
                  <tr key={e.id}>
                    <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                      {formatDateTime(e.at)}
                    </td>
                    <td className="px-4 py-2">{e.actorLabel}</td>
                    <td className="px-4 py-2">{describeAuditAction(e.action)}</td>
                    <td className="max-w-xs truncate px-4 py-2 text-slate-600">
                      {e.detail ? JSON.stringify(e.detail) : (e.targetId ?? "")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}
