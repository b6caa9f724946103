import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ImportForm } from "@/components/settings/import-form";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { listExportableOrganizations } from "@/lib/portability/data";

export const metadata: Metadata = { title: "Export and import" };

export default async function DataPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx.role, "workspace.export")) redirect("/organizations");
  const organizations = await listExportableOrganizations(ctx);
  return (
    <>
      <PageHeader
        title="Export and import"
        description="Move an organisation's whole history, or the whole workspace, to another workspace or another GapMap: rounds with every answer, comment and key quote, results as they were scored, workshops, initiatives and actions; the whole workspace also carries its logo and retake interval. Members travel as email addresses only."
        actions={
          <a href="/api/v1/export" download className={buttonClass("secondary")}>
            Export the whole workspace
          </a>
        }
      />
      <Card className="mb-6">
        <h2 className="text-lg font-semibold">Export an organisation</h2>
        {organizations.length === 0 ? (
          <p className="mt-2 text-slate-600">No organisations yet: there is nothing to export.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {organizations.map((o) => (
              <li
                key={o.id}
                className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="truncate font-medium">{o.name}</p>
                  <p className="text-sm text-slate-600">
                    {o.rounds === 1 ? "1 round" : `${o.rounds} rounds`}
                  </p>
                </div>
                <a
                  href={`/api/v1/organizations/${encodeURIComponent(o.id)}/export`}
                  download
                  className={buttonClass("secondary")}
                  aria-label={`Export ${o.name} (JSON)`}
                >
                  Export (JSON)
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Import a GapMap export</h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Check the file first: nothing is written until you confirm. Importing the same file again
          adds nothing twice. A file with any problem is refused whole, with every problem listed.
          Respondent links do not travel: issue new links for open rounds. A workspace file&apos;s
          logo and retake interval are taken only where this workspace has not set its own.
        </p>
        <ImportForm />
      </Card>
    </>
  );
}
