import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { ComparisonView } from "@/components/dashboard/comparison-view";
import { requirePageContext } from "@/lib/auth/server";
import { getAssessmentComparison } from "@/lib/dashboards/compare";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Compare rounds" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function CompareRoundsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query, { ctx }] = await Promise.all([params, searchParams, requirePageContext()]);
  const data = await getAssessmentComparison(ctx, id, {
    before: one(query.before),
    after: one(query.after),
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const select = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <>
      <PageHeader
        title={`Compare rounds: ${data.organization.name}`}
        description="Per dimension, what changed between two closed rounds and the questions that drove it."
        actions={
          <Link
            href={`/organizations/${data.organization.id}`}
            className={buttonClass("secondary")}
          >
            Back to the dashboard
          </Link>
        }
      />
      {data.rounds.length < 2 ? (
        <Card>
          <p className="text-slate-700">
            Comparing needs two closed rounds; {data.organization.name} has {data.rounds.length}.
            Close another round to compare.
          </p>
        </Card>
      ) : (
        <div className="space-y-6">
          <Card>
            <form method="get" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
              {(["before", "after"] as const).map((field) => (
                <label key={field} className="text-sm font-medium text-slate-700">
                  {field === "before" ? "Earlier round" : "Later round"}
                  <select name={field} defaultValue={data[field]?.id} className={select}>
                    {data.rounds.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name} (closed {formatDate(new Date(r.closedAt))}, framework{" "}
                        {r.frameworkVersion})
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <button type="submit" className={buttonClass("primary")}>
                Compare
              </button>
            </form>
          </Card>
          {data.comparison && data.before && data.after ? (
            <>
              <h2 className="text-lg font-semibold">
                {data.before.name} → {data.after.name}
              </h2>
              <ComparisonView
                comparison={data.comparison}
                beforeName={data.before.name}
                afterName={data.after.name}
              />
            </>
          ) : (
            <Card>
              <p className="text-slate-700">Pick two different rounds.</p>
            </Card>
          )}
        </div>
      )}
    </>
  );
}
