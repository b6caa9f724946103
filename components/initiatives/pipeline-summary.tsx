import Link from "next/link";
import type { Conversion, HeldByPart } from "@/lib/initiatives/pipeline";
import { DELOITTE_CONVERSION } from "@/lib/initiatives/pipeline";
import { INITIATIVE_STATUS_LABELS } from "./labels";

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** The pilot-to-production conversion beside the article's figure, and what holds the rest. */
export function PipelineSummary({
  conversion,
  held,
  share,
  organizationNames,
}: {
  conversion: Conversion;
  held: HeldByPart;
  /** Across the portfolio: organisations with pilots, and those at 40% or more. */
  share?: { withPilots: number; atThreshold: number; rate: number | null };
  organizationNames?: Record<string, string>;
}) {
  const holding = held.filter((h) => h.initiatives.length > 0);
  return (
    <div className="space-y-4 text-sm">
      <div>
        <h3 className="font-medium text-slate-800">Pilot to production</h3>
        {conversion.rate === null ? (
          <p className="mt-1 text-slate-600">
            No initiative has been in pilot yet: the conversion rate is counted from the dated
            status changes once one has.
          </p>
        ) : (
          <p className="mt-1 text-slate-800">
            <strong className="text-2xl font-semibold tabular-nums">
              {percent(conversion.rate)}
            </strong>{" "}
            of pilots converted: {conversion.converted} of {conversion.piloted} initiatives that
            were in pilot reached production or scale (from the dated status changes).
          </p>
        )}
        {share && share.rate !== null ? (
          <p className="mt-1 text-slate-800">
            {share.atThreshold} of {share.withPilots} organisation
            {share.withPilots === 1 ? "" : "s"} with pilots ({percent(share.rate)}) converted 40% or
            more of them.
          </p>
        ) : null}
        <p className="mt-1 text-slate-600">
          For comparison: {DELOITTE_CONVERSION.text} ({DELOITTE_CONVERSION.source}).
          {conversion.rate !== null && !share
            ? conversion.rate >= DELOITTE_CONVERSION.threshold
              ? " This organisation is at or above that 40% mark."
              : " This organisation is below that 40% mark."
            : ""}
        </p>
      </div>
      <div>
        <h3 className="font-medium text-slate-800">Held by the diagnostic</h3>
        {holding.length === 0 ? (
          <p className="mt-1 text-slate-600">
            No idea or pilot is held: each has a go, or there is none.
          </p>
        ) : (
          <ul className="mt-1 space-y-2">
            {holding.map((h) => (
              <li key={h.part}>
                <span className="font-medium">{h.name}</span> holds {h.initiatives.length}:{" "}
                {h.initiatives.map((i, n) => (
                  <span key={i.id}>
                    {n ? ", " : ""}
                    <Link className="text-brand-700 underline" href={`/initiatives/${i.id}`}>
                      {i.name}
                    </Link>{" "}
                    ({INITIATIVE_STATUS_LABELS[i.status].toLowerCase()}
                    {organizationNames?.[i.organizationId]
                      ? `, ${organizationNames[i.organizationId]}`
                      : ""}
                    )
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
