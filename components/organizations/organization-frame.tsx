import type { ReactNode } from "react";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass, LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Role } from "@/lib/auth/roles";
import { can } from "@/lib/auth/roles";
import type { OrganizationPageBase } from "@/lib/dashboards/data";
import {
  ORGANIZATION_TABS,
  organizationPath,
  type OrganizationTab,
} from "@/lib/organizations/paths";

/**
 * What every tab of an organisation's page shares: the name, where it stands in a sentence, the
 * reports and the tab bar. Each tab reads its own data in one call and hands the frame that page,
 * so the frame adds no read of its own.
 */
export function OrganizationFrame({
  page,
  role,
  tab,
  children,
}: {
  page: Pick<OrganizationPageBase, "organization" | "latest" | "closedRounds">;
  role: Role;
  tab: OrganizationTab;
  children: ReactNode;
}) {
  const { organization, latest, closedRounds } = page;
  const id = organization.id;
  const tabs = ORGANIZATION_TABS.filter(
    (t) =>
      (t.id !== "actions" || can(role, "action.read")) &&
      (t.id !== "initiatives" || can(role, "initiative.read")),
  );
  return (
    <>
      <PageHeader
        title={organization.name}
        description={
          latest
            ? `Readiness to take AI from pilot into production, as of ${latest.name} (${closedRounds} closed round${closedRounds === 1 ? "" : "s"}).`
            : "Readiness to take AI from pilot into production."
        }
        actions={
          <>
            {latest ? (
              <>
                <LinkButton variant="secondary" href={`/organizations/${id}/report`}>
                  Executive report
                </LinkButton>
                <a
                  className={buttonClass("secondary")}
                  href={`/organizations/${id}/report.pdf`}
                  download
                >
                  PDF report<span className="sr-only"> of {organization.name} (A4)</span>
                </a>
                <a
                  className={buttonClass("secondary")}
                  href={`/organizations/${id}/report.pptx`}
                  download
                >
                  Board deck<span className="sr-only"> of {organization.name} (PowerPoint)</span>
                </a>
                {closedRounds >= 2 ? (
                  <LinkButton variant="secondary" href={`/organizations/${id}/compare`}>
                    Compare rounds
                  </LinkButton>
                ) : null}
              </>
            ) : null}
            {can(role, "organization.update") ? (
              <LinkButton variant="secondary" href={`/organizations/${id}/edit`}>
                Edit details
              </LinkButton>
            ) : null}
          </>
        }
      />
      <nav aria-label={`${organization.name}: sections`} className="mb-6 border-b border-slate-200">
        {/* Wraps rather than scrolling sideways: at 320 px every tab stays in view. */}
        <ul className="-mb-px flex flex-wrap gap-x-1">
          {tabs.map((t) => (
            <li key={t.id}>
              <Link
                href={organizationPath(id, t.id)}
                aria-current={t.id === tab ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                  t.id === tab
                    ? "border-brand-600 text-brand-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}

/** A tab's empty state before the first round closes: what will appear, and where rounds start. */
export function NoClosedRoundYet({
  organizationId,
  title,
  children,
  canManage,
}: {
  organizationId: string;
  title: string;
  children: ReactNode;
  canManage: boolean;
}) {
  return (
    <Card>
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-2 text-slate-600">No closed round yet. {children}</p>
      <p className="mt-4 flex flex-wrap gap-2">
        {canManage ? (
          <LinkButton href={`/organizations/${organizationId}/assessments/new`}>
            New round
          </LinkButton>
        ) : null}
        <LinkButton variant="secondary" href={organizationPath(organizationId, "rounds")}>
          See the rounds
        </LinkButton>
      </p>
    </Card>
  );
}
