import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { OrganizationSearch } from "@/components/organizations/organization-search";
import { requirePageContext } from "@/lib/auth/server";
import { can, seesOnlyGrantedOrganizations } from "@/lib/auth/roles";
import { firstPageIfCursorInvalid } from "@/lib/pagination/cursors";
import { listOrganizations } from "@/lib/organizations/data";
import { listOrganizationsSchema } from "@/lib/organizations/schema";
import { formatDate } from "@/components/ui/format";

export const metadata: Metadata = { title: "Organisations" };

export default async function OrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const query = listOrganizationsSchema.parse({
    q: typeof raw.q === "string" ? raw.q : undefined,
    sort: typeof raw.sort === "string" ? raw.sort : undefined,
    cursor: typeof raw.cursor === "string" ? raw.cursor : undefined,
  });
  const { ctx } = await requirePageContext();
  const page = await firstPageIfCursorInvalid(query.cursor, (cursor) =>
    listOrganizations(ctx, { ...query, cursor, limit: 50 }),
  );
  const canCreate = can(ctx.role, "organization.create");
  const newButton = canCreate ? (
    <LinkButton href="/organizations/new">New organisation</LinkButton>
  ) : null;

  return (
    <>
      <PageHeader
        title="Organisations"
        description={
          seesOnlyGrantedOrganizations(ctx.role)
            ? "The organisations shared with you."
            : "The clients whose readiness to take AI from pilot into production you assess."
        }
        actions={page.total > 0 || query.q ? newButton : null}
      />
      {raw.deleted === "1" ? (
        <Alert tone="success" className="mb-4">
          The organisation was deleted.
        </Alert>
      ) : null}
      {page.total === 0 && !query.q ? (
        seesOnlyGrantedOrganizations(ctx.role) ? (
          <EmptyState title="Nothing shared with you yet">
            Your consultant has not shared an organisation with you yet. Ask them to grant you
            access.
          </EmptyState>
        ) : (
          <EmptyState title="No organisations yet" action={newButton}>
            Add the first client you will assess. You can then open an assessment round and invite
            their people to answer.
          </EmptyState>
        )
      ) : (
        <>
          <OrganizationSearch q={query.q ?? ""} sort={query.sort ?? "name"} />
          {page.items.length === 0 ? (
            <EmptyState title={`No organisation matches “${query.q}”`}>
              Try a shorter search, or{" "}
              <Link className="font-medium text-brand-700 underline" href="/organizations">
                show all organisations
              </Link>
              .
            </EmptyState>
          ) : (
            <>
              <p className="mb-2 text-sm text-slate-600" aria-live="polite">
                {page.total} organisation{page.total === 1 ? "" : "s"}
                {query.q ? ` matching “${query.q}”` : ""}
              </p>
              <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
                {page.items.map((o) => (
                  <li key={o.id}>
                    <Link
                      href={`/organizations/${o.id}`}
                      className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4"
                    >
                      <span className="font-medium text-slate-900 sm:w-1/3">{o.name}</span>
                      <span className="text-sm text-slate-600 sm:w-1/4">
                        {o.sector ?? "Sector not set"}
                      </span>
                      <span className="text-sm text-slate-600 sm:w-1/6">{o.region ?? "—"}</span>
                      <span className="text-sm text-slate-500 sm:ml-auto">
                        Updated {formatDate(o.updatedAt)}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
              {page.nextCursor ? (
                <div className="mt-4 flex justify-center">
                  <LinkButton
                    variant="secondary"
                    href={{
                      pathname: "/organizations",
                      query: {
                        ...(query.q ? { q: query.q } : {}),
                        ...(query.sort ? { sort: query.sort } : {}),
                        cursor: page.nextCursor,
                      },
                    }}
                  >
                    Show more
                  </LinkButton>
                </div>
              ) : null}
            </>
          )}
        </>
      )}
    </>
  );
}
