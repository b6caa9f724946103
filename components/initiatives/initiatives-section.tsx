import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { CsvDownloadLink } from "@/components/ui/csv-link";
import { ownerName } from "@/lib/initiatives/owner-name";
import type { InitiativeView, Pipeline } from "@/lib/initiatives/data";
import { GoBadge, PartLights } from "./go-lights";
import { INITIATIVE_STATUS_LABELS } from "./labels";
import { PipelineChart } from "@/components/charts/pipeline-chart";
import { conversionOf, heldByPart } from "@/lib/initiatives/pipeline";
import { PipelineSummary } from "./pipeline-summary";

const ownerText = (owner: InitiativeView["owner"]) => ownerName(owner) ?? "No owner yet";

/** The pipeline (initiatives per status) and the initiatives with their go / no-go. */
export function InitiativesSection({
  organizationId,
  initiatives,
  pipeline,
  canManage,
}: {
  organizationId: string;
  initiatives: InitiativeView[];
  pipeline: Pipeline;
  canManage: boolean;
}) {
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold" id="initiatives">
          Initiatives
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          {initiatives.length ? (
            <CsvDownloadLink
              href={`/organizations/${organizationId}/initiatives.csv`}
              label="Download initiatives (CSV)"
            />
          ) : null}
          {canManage ? (
            <LinkButton href={`/organizations/${organizationId}/initiatives/new`}>
              New initiative
            </LinkButton>
          ) : null}
        </div>
      </div>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        Each AI pilot or workflow, with the three-part diagnostic applied to it before any scaling
        decision: go when data readiness, ownership and monitoring are all met.
      </p>
      <h3 className="mt-4 text-sm font-medium text-slate-700">Pipeline</h3>
      <ol className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label="Initiatives by status">
        {pipeline.map((p) => (
          <li key={p.status} className="rounded-lg border border-slate-200 px-3 py-2">
            <span className="block text-sm text-slate-600">
              {INITIATIVE_STATUS_LABELS[p.status]}
            </span>
            <span className="text-xl font-semibold tabular-nums">{p.count}</span>
          </li>
        ))}
      </ol>
      {initiatives.length ? (
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          <PipelineChart
            title="Pipeline: initiatives by status"
            pipeline={pipeline.map((p) => ({
              status: p.status,
              label: INITIATIVE_STATUS_LABELS[p.status],
              count: p.count,
            }))}
          />
          <PipelineSummary
            conversion={conversionOf(initiatives.map((i) => i.history))}
            held={heldByPart(initiatives)}
          />
        </div>
      ) : null}
      {initiatives.length === 0 ? (
        <p className="mt-4 text-slate-600">
          {canManage
            ? "No initiative yet. Add the pilots and workflows this organisation plans to scale, then record the diagnostic for each."
            : "No initiative yet."}
        </p>
      ) : (
        // relative: the screen-reader-only labels inside are absolutely placed; without a
        // positioned ancestor they escape the scroll box and widen the page on a phone. Focusable
        // and named, so a keyboard can scroll it (WCAG 2.1.1).
        <div
          className="relative mt-4 overflow-x-auto"
          role="region"
          aria-label="Initiatives table"
          tabIndex={0}
        >
          <table className="w-full min-w-[640px] border-collapse text-left text-sm">
            <caption className="sr-only">
              Initiatives with their status, accountable owner and go / no-go
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Initiative
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Status
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Owner
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Diagnostic
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Go / no-go
                </th>
              </tr>
            </thead>
            <tbody>
              {initiatives.map((i) => {
                const overridden = i.history.at(-1)?.override ?? null;
                return (
                  <tr key={i.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link className="text-brand-700 underline" href={`/initiatives/${i.id}`}>
                        {i.name}
                      </Link>
                      {i.businessFunction ? (
                        <span className="block font-normal text-slate-600">
                          {i.businessFunction}
                        </span>
                      ) : null}
                    </th>
                    <td className="py-2 pr-3">
                      {INITIATIVE_STATUS_LABELS[i.status]}
                      {overridden ? (
                        <span className="block text-sm font-medium text-orange-900">
                          Moved on despite a no-go
                        </span>
                      ) : null}
                    </td>
                    <td className="py-2 pr-3 text-slate-700">{ownerText(i.owner)}</td>
                    <td className="py-2 pr-3">
                      <PartLights parts={i.diagnostic.parts} />
                    </td>
                    <td className="py-2 pr-3">
                      <GoBadge decision={i.diagnostic.decision} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
