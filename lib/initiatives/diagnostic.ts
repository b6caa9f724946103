import type { DiagnosticPartId } from "@/lib/framework";
import type { InitiativeStatus, PartStatus } from "./schema";

// The go / no-go for one initiative, from its three-part diagnostic: a pure function, so the
// API, the pages and the status change all decide alike. All three parts met is go; a part
// partial, unmet or never checked holds the initiative, and each gives a reason.

export const DIAGNOSTIC_PARTS: readonly { id: DiagnosticPartId; name: string }[] = [
  { id: "data_audit", name: "Data readiness audited at the workflow level" },
  { id: "ownership", name: "Ownership defined" },
  { id: "monitoring", name: "Monitoring built before go-live" },
];

export type RecordedPart = { part: DiagnosticPartId; status: PartStatus };

export type GoDecision = {
  decision: "go" | "no_go";
  /** One per part that is not met, in the diagnostic's order. */
  reasons: {
    part: DiagnosticPartId;
    name: string;
    status: PartStatus | "unchecked";
    reason: string;
  }[];
};

export function decideGo(parts: readonly RecordedPart[]): GoDecision {
  const reasons: GoDecision["reasons"] = [];
  for (const { id, name } of DIAGNOSTIC_PARTS) {
    const status = parts.find((p) => p.part === id)?.status ?? "unchecked";
    if (status === "met") continue;
    const reason =
      status === "unchecked"
        ? `${name}: not checked yet.`
        : status === "partial"
          ? `${name}: only partly met.`
          : `${name}: not met.`;
    reasons.push({ part: id, name, status, reason });
  }
  return { decision: reasons.length === 0 ? "go" : "no_go", reasons };
}

/** Production and scale are past the pilot: reaching them needs a go, or a recorded override. */
export function needsGo(to: InitiativeStatus): boolean {
  return to === "production" || to === "scaled";
}
