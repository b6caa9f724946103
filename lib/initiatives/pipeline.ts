import type { DiagnosticPartId } from "@/lib/framework";
import { DIAGNOSTIC_PARTS, type GoDecision } from "./diagnostic";
import { INITIATIVE_STATUSES, type InitiativeStatus } from "./schema";

// The pilot-to-production pipeline, from the dated status changes: pure functions, so the
// organisation page, the portfolio and the tests compute it one way.

/** The article's figure the conversion is set beside (Deloitte, State of AI 2026). */
export const DELOITTE_CONVERSION = {
  threshold: 0.4,
  shareOfOrganizations: 0.25,
  text: "only 25% of organisations have converted 40% or more of their AI pilots into production",
  source: "Deloitte, State of AI 2026",
} as const;

export type Conversion = {
  /** Initiatives that were ever in pilot (by their dated status changes). */
  piloted: number;
  /** Of those, the ones that later reached production or scaled. */
  converted: number;
  /** converted / piloted, 0..1; null without a pilot. */
  rate: number | null;
};

type Change = { to: InitiativeStatus; changedAt: Date };

const LIVE: ReadonlySet<InitiativeStatus> = new Set<InitiativeStatus>(["production", "scaled"]);

/**
 * An initiative counts as piloted from its first change to pilot, and as converted when a later
 * change (or the same day's) takes it to production or scaled. Changes after `asOf` are ignored,
 * so the rate can be read as of any date. Going straight from idea to production is no pilot.
 */
export function conversionOf(histories: readonly (readonly Change[])[], asOf?: Date): Conversion {
  let piloted = 0;
  let converted = 0;
  for (const history of histories) {
    const changes = [...history]
      .filter((c) => !asOf || c.changedAt <= asOf)
      .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
    const pilotAt = changes.findIndex((c) => c.to === "pilot");
    if (pilotAt === -1) continue;
    piloted++;
    if (changes.slice(pilotAt + 1).some((c) => LIVE.has(c.to))) converted++;
  }
  return {
    piloted,
    converted,
    rate: piloted ? Math.round((converted / piloted) * 1000) / 1000 : null,
  };
}

export type HeldInitiative = {
  id: string;
  name: string;
  organizationId: string;
  status: InitiativeStatus;
};

export type HeldByPart = { part: DiagnosticPartId; name: string; initiatives: HeldInitiative[] }[];

/**
 * Initiatives not yet live (idea or pilot) whose go / no-go says no, listed under every
 * diagnostic part that holds them (a part not met, or never checked).
 */
export function heldByPart(
  initiatives: readonly (HeldInitiative & { diagnostic: GoDecision })[],
): HeldByPart {
  return DIAGNOSTIC_PARTS.map(({ id, name }) => ({
    part: id,
    name,
    initiatives: initiatives
      .filter(
        (i) =>
          (i.status === "idea" || i.status === "pilot") &&
          i.diagnostic.decision === "no_go" &&
          i.diagnostic.reasons.some((r) => r.part === id),
      )
      .map(({ id: initiativeId, name: initiativeName, organizationId, status }) => ({
        id: initiativeId,
        name: initiativeName,
        organizationId,
        status,
      })),
  }));
}

export type PortfolioPipeline = {
  byStatus: { status: InitiativeStatus; count: number }[];
  conversion: Conversion;
  /** Organisations with at least one pilot, and how many converted 40% or more of theirs. */
  organizationsWithPilots: number;
  organizationsAtThreshold: number;
  /** organizationsAtThreshold / organizationsWithPilots; null without any. */
  shareAtThreshold: number | null;
  held: HeldByPart;
};

/** Across organisations: the pipeline, the overall conversion and the share at Deloitte's 40%. */
export function portfolioPipeline(
  initiatives: readonly (HeldInitiative & { diagnostic: GoDecision; history: readonly Change[] })[],
): PortfolioPipeline {
  const byOrganization = new Map<string, Change[][]>();
  for (const i of initiatives) {
    const list = byOrganization.get(i.organizationId) ?? [];
    list.push([...i.history]);
    byOrganization.set(i.organizationId, list);
  }
  let withPilots = 0;
  let atThreshold = 0;
  for (const histories of byOrganization.values()) {
    const c = conversionOf(histories);
    if (c.rate === null) continue;
    withPilots++;
    if (c.rate >= DELOITTE_CONVERSION.threshold) atThreshold++;
  }
  return {
    byStatus: INITIATIVE_STATUSES.map((status) => ({
      status,
      count: initiatives.filter((i) => i.status === status).length,
    })),
    conversion: conversionOf(initiatives.map((i) => i.history)),
    organizationsWithPilots: withPilots,
    organizationsAtThreshold: atThreshold,
    shareAtThreshold: withPilots ? Math.round((atThreshold / withPilots) * 1000) / 1000 : null,
    held: heldByPart(initiatives),
  };
}
