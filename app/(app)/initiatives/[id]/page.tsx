import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { organizationPath } from "@/lib/organizations/paths";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { GoBadge, PartCards } from "@/components/initiatives/go-lights";
import { InitiativeForm } from "@/components/initiatives/initiative-form";
import { DiagnosticPartForm } from "@/components/initiatives/diagnostic-part-form";
import { StatusForm } from "@/components/initiatives/status-form";
import { StatusHistory } from "@/components/initiatives/status-history";
import { INITIATIVE_STATUS_LABELS, PART_STATUS_LABELS } from "@/components/initiatives/labels";
import { DIAGNOSTIC_STATUS_LOOK } from "@/components/dashboard/diagnostic";
import { findRoundDiagnosticOffer } from "@/lib/initiatives/round-diagnostic";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findInitiativePage } from "@/lib/initiatives/data";
import { changeStatusAction, recordDiagnosticAction, updateInitiativeAction } from "../actions";

export const metadata: Metadata = { title: "Initiative" };

export default async function InitiativePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const { ctx } = await requirePageContext();
  const page = await findInitiativePage(ctx, id);
  if (!page) notFound();
  const offer = await findRoundDiagnosticOffer(ctx, page.initiative.id);
  const { initiative, organization } = page;
  const canManage = can(ctx.role, "initiative.manage");
  const { diagnostic } = initiative;
  const today = new Date().toISOString().slice(0, 10);
  const notice =
    flags.created === "1"
      ? "Initiative added. Record the three-part diagnostic next."
      : flags.saved === "1"
        ? "Changes saved."
        : flags.moved === "1"
          ? `Status changed to ${INITIATIVE_STATUS_LABELS[initiative.status]}.`
          : typeof flags.checked === "string"
            ? "Diagnostic part saved."
            : null;
  const owner = initiative.owner
    ? initiative.owner.kind === "member"
      ? `${initiative.owner.name} (member, ${initiative.owner.email})`
      : `${initiative.owner.name}, ${initiative.owner.role}`
    : "Not decided yet";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          className="text-brand-700 underline"
          href={organizationPath(organization.id, "initiatives")}
        >
          {organization.name}
        </Link>
      </p>
      <PageHeader
        title={initiative.name}
        description={`Status: ${INITIATIVE_STATUS_LABELS[initiative.status]}. Accountable owner: ${owner}.`}
      />
      {notice ? (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      ) : null}
      <div className="space-y-6">
        <Card>
          <div id="diagnostic" className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">Three-part diagnostic</h2>
            <GoBadge decision={diagnostic.decision} />
          </div>
          {diagnostic.decision === "go" ? (
            <p className="mb-3 text-slate-700">
              All three parts are met: go for production or scale.
            </p>
          ) : (
            <div className="mb-3 text-slate-700">
              <p>No-go for production or scale until every part is met:</p>
              <ul className="mt-1 list-disc pl-5">
                {diagnostic.reasons.map((r) => (
                  <li key={r.part}>{r.reason}</li>
                ))}
              </ul>
            </div>
          )}
          <PartCards parts={diagnostic.parts} />
          {offer ? (
            <p className="mt-3 text-sm text-slate-700">
              Round{" "}
              <Link
                className="text-brand-700 underline"
                href={`/assessments/${offer.assessmentId}/result`}
              >
                {offer.roundName}
              </Link>{" "}
              (closed {formatDate(offer.closedAt)}) focused on this initiative: its diagnostic is
              offered below, part by part.{" "}
              {canManage
                ? "Confirm each part with your evidence before it counts."
                : "A consultant confirms each part before it counts."}
            </p>
          ) : null}
        </Card>

        {diagnostic.parts.map((part, i) => {
          const found = offer?.parts.find((p) => p.part === part.part);
          // Offered only while the part was not checked since the round closed.
          const offered =
            offer && found && (!part.checkedAt || part.checkedAt < offer.closedAt) ? found : null;
          return (
            <Card key={part.part}>
              <h2 className="text-lg font-semibold">
                {i + 1}. {part.name}
              </h2>
              {part.checkedAt ? (
                <p className="mt-1 text-sm text-slate-600">
                  Checked {formatDate(part.checkedAt)} by {part.checkedBy}.
                </p>
              ) : (
                <p className="mt-1 text-sm text-slate-600">Not checked yet.</p>
              )}
              {offered && offer ? (
                <div className="mt-3 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-slate-800">
                  <p>
                    <span className="font-medium">
                      Round {offer.roundName} found: {DIAGNOSTIC_STATUS_LOOK[offered.found].label}.
                    </span>{" "}
                    {offered.reason}
                  </p>
                  {canManage ? (
                    <p className="mt-1">
                      The form is filled in from it ({PART_STATUS_LABELS[offered.offered]}): add
                      what you checked and save to confirm it as this initiative&apos;s diagnostic.
                    </p>
                  ) : null}
                </div>
              ) : null}
              {canManage ? (
                <div className="mt-4">
                  <DiagnosticPartForm
                    action={recordDiagnosticAction}
                    initiativeId={initiative.id}
                    part={
                      offered && offer
                        ? {
                            ...part,
                            status: offered.offered,
                            evidence: `From round ${offer.roundName} (closed ${formatDate(offer.closedAt)}): ${offered.reason}`,
                            checkedAt: null,
                          }
                        : part
                    }
                    today={today}
                  />
                </div>
              ) : (
                <>
                  {part.evidence ? (
                    <p className="mt-3 whitespace-pre-line text-slate-800">{part.evidence}</p>
                  ) : null}
                  {part.links.length ? (
                    <ul className="mt-2 list-disc pl-5 text-sm">
                      {part.links.map((link) => (
                        <li key={link}>
                          <a
                            className="text-brand-700 underline break-all"
                            href={link}
                            rel="noreferrer"
                          >
                            {link}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              )}
            </Card>
          );
        })}

        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className="text-lg font-semibold">Status</h2>
            <p className="mt-1 text-slate-700">
              Now: <strong>{INITIATIVE_STATUS_LABELS[initiative.status]}</strong>
            </p>
            {canManage ? (
              <div className="mt-4">
                <StatusForm
                  action={changeStatusAction}
                  initiativeId={initiative.id}
                  status={initiative.status}
                  noGo={diagnostic.decision === "no_go"}
                />
              </div>
            ) : null}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">Status history</h2>
            <StatusHistory history={initiative.history} />
          </Card>
        </div>

        {canManage ? (
          <Card>
            <h2 className="mb-4 text-lg font-semibold">Details and owner</h2>
            <InitiativeForm
              action={updateInitiativeAction}
              initial={{
                id: initiative.id,
                name: initiative.name,
                businessFunction: initiative.businessFunction,
                workflow: initiative.workflow,
                dataSources: initiative.dataSources,
                owner: initiative.owner,
              }}
              members={page.members}
              submitLabel="Save changes"
              cancelHref={organizationPath(organization.id, "initiatives")}
            />
          </Card>
        ) : (
          <Card>
            <h2 className="text-lg font-semibold">Details</h2>
            <dl className="mt-3 space-y-3">
              {[
                { label: "Business function", value: initiative.businessFunction },
                { label: "Workflow it changes", value: initiative.workflow },
                { label: "Data sources", value: initiative.dataSources },
              ].map((f) => (
                <div key={f.label}>
                  <dt className="text-sm text-slate-500">{f.label}</dt>
                  <dd className="whitespace-pre-line text-slate-900">{f.value ?? "Not set"}</dd>
                </div>
              ))}
            </dl>
          </Card>
        )}
      </div>
    </>
  );
}
