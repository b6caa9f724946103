import type { ReactNode } from "react";
import type { OrganizationDashboard } from "@/lib/dashboards/data";
import { NoRecommendation, RecommendationDetails } from "@/components/assessments/result-view";
import { shortList } from "@/lib/scoring";

type Recommendation = NonNullable<OrganizationDashboard["latest"]>["recommendations"][number];

/** The next steps in sequence order (redesign, ownership, monitoring first), each with its why and owner. */
export function NextSteps({
  recommendations,
  limit = 5,
  brief = false,
  indexMissing,
  unanswered,
  actionFor,
}: {
  recommendations: Recommendation[];
  limit?: number;
  brief?: boolean;
  indexMissing: boolean;
  unanswered: number;
  /** What to show under a step about its action (the form to create one, or the action). */
  actionFor?: (recommendation: Recommendation) => ReactNode;
}) {
  // Whatever unblocks a gate or a diagnostic part is always in the list (rule 9).
  const items = shortList(recommendations, limit);
  if (items.length === 0)
    return <NoRecommendation indexMissing={indexMissing} unanswered={unanswered} />;
  return (
    <ol className="space-y-3">
      {items.map((r, i) => (
        <li key={r.id} className="break-inside-avoid rounded-lg border border-slate-200 p-3 sm:p-4">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {i + 1} · Step {r.step}: {r.stepName} · owner: {r.ownerTitle} · effort {r.effort}
          </p>
          <p className="mt-1 font-semibold">{r.title}</p>
          <RecommendationDetails recommendation={r} showWhy={!brief} whyLabel="Why: " />
          {actionFor ? actionFor(r) : null}
        </li>
      ))}
    </ol>
  );
}
