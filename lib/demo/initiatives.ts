import type { WorkspaceContext } from "@/lib/auth/context";
import { findFramework, latestFrameworkVersion } from "@/lib/framework";
import {
  changeInitiativeStatus,
  createInitiative,
  recordDiagnostic,
} from "@/lib/initiatives/mutations";
import { createAction, updateAction } from "@/lib/actions/mutations";
import { getDb } from "@/lib/db";

// The demo's initiatives and actions, so the pipeline, a go, a no-go held by named parts, an
// override and actions (one done between quarters, one overdue) show on first start. Written
// through the same mutations a consultant uses, so they are audited like any other.

type Part = "met" | "partial" | "unmet";
const check = (status: Part, evidence: string, checkedAt: string) => ({
  status,
  evidence,
  checkedAt,
});

export async function seedInitiatives(
  ctx: WorkspaceContext,
  organizationId: string,
  ownerMemberId: string,
): Promise<void> {
  const eta = await createInitiative(ctx, organizationId, {
    name: "Shipment ETA prediction",
    businessFunction: "Operations",
    workflow: "Dispatchers re-plan deliveries from predicted arrival times.",
    dataSources: "Telematics, TMS, weather feed",
    status: "pilot",
    owner: { kind: "person", name: "Rosa Lindqvist", role: "Head of network operations" },
  });
  await recordDiagnostic(ctx, eta.id, {
    data_audit: check(
      "met",
      "Telematics and TMS data audited for the dispatch workflow.",
      "2026-08-14",
    ),
    ownership: check(
      "met",
      "Rosa Lindqvist signed off accountability for wrong ETAs at scale.",
      "2026-08-21",
    ),
    monitoring: check(
      "met",
      "ETA error and drift alerts owned by the dispatch lead, live before go-live.",
      "2026-09-02",
    ),
  });
  await changeInitiativeStatus(ctx, eta.id, { status: "production" });

  const email = await createInitiative(ctx, organizationId, {
    name: "Customer email triage",
    businessFunction: "Customer service",
    workflow: "Incoming customer emails are classified and routed to the right queue.",
    dataSources: "Ticketing system, CRM",
    status: "pilot",
    owner: { kind: "member", memberId: ownerMemberId },
  });
  await recordDiagnostic(ctx, email.id, {
    data_audit: check(
      "met",
      "Two years of labelled tickets audited for this workflow.",
      "2026-09-10",
    ),
    ownership: check(
      "partial",
      "Service lead named; accountability for misrouted complaints not agreed.",
      "2026-09-10",
    ),
    monitoring: check("unmet", "Only weekly accuracy samples; no alerting.", "2026-09-10"),
  });
  await changeInitiativeStatus(ctx, email.id, {
    status: "production",
    override: {
      reason: "Peak season backlog; the sponsor accepted the risk until monitoring ships in Q4.",
    },
  });

  const invoices = await createInitiative(ctx, organizationId, {
    name: "Carrier invoice matching",
    businessFunction: "Finance",
    workflow: "Carrier invoices are matched to shipments and disputes raised.",
    dataSources: "ERP, carrier EDI",
    status: "pilot",
  });
  await recordDiagnostic(ctx, invoices.id, {
    data_audit: check(
      "partial",
      "EDI data audited; rate cards still in spreadsheets.",
      "2026-10-01",
    ),
  });

  await createInitiative(ctx, organizationId, {
    name: "Warehouse slotting assistant",
    businessFunction: "Warehousing",
    status: "idea",
  });

  const chatbot = await createInitiative(ctx, organizationId, {
    name: "Driver FAQ chatbot",
    businessFunction: "Operations",
    status: "pilot",
  });
  await changeInitiativeStatus(ctx, chatbot.id, { status: "retired" });

  // Actions between quarters: two done between Q2 and Q3 2026 (so the Q2 -> Q3 comparison lists
  // them beside the questions that moved), one still in progress and overdue, carried over into
  // Q3 2026. Written through the mutations, then dated into the past as the history is.
  const recommendations = findFramework(latestFrameworkVersion)?.recommendations ?? [];
  const owner = recommendations.find((r) => r.id === "rec.ownership.name_accountable_owner");
  const monitoring = recommendations.find((r) => r.id === "rec.monitoring.owned_alerts");
  const rounds = await getDb().assessment.findMany({
    where: { workspaceId: ctx.workspaceId, organizationId, name: { in: ["Q2 2026", "Q3 2026"] } },
    select: { id: true, name: true },
  });
  const q2 = rounds.find((r) => r.name === "Q2 2026")?.id ?? null;
  const q3 = rounds.find((r) => r.name === "Q3 2026")?.id ?? null;
  const backdate = (
    id: string,
    data: { createdAt: string; completedAt?: string; round: string | null },
  ) =>
    getDb().action.update({
      where: { id },
      data: {
        createdAt: new Date(data.createdAt),
        ...(data.completedAt ? { completedAt: new Date(data.completedAt) } : {}),
        assessmentId: data.round,
      },
    });
  if (owner) {
    const done = await createAction(ctx, organizationId, {
      title: owner.title,
      recommendationId: owner.id,
      dimension: "ownership",
      dueDate: "2026-08-31",
      owner: { kind: "person", name: "Rosa Lindqvist", role: "Head of network operations" },
    });
    await updateAction(ctx, done.id, { status: "done" });
    await backdate(done.id, {
      createdAt: "2026-06-26T09:00:00Z",
      completedAt: "2026-08-28T15:00:00Z",
      round: q2,
    });
  }
  const audit = await createAction(ctx, organizationId, {
    title: "Audit the dispatch data feeding ETA predictions, at the workflow level",
    dimension: "data",
    dueDate: "2026-07-31",
    owner: { kind: "person", name: "Rosa Lindqvist", role: "Head of network operations" },
  });
  await updateAction(ctx, audit.id, { status: "done" });
  await backdate(audit.id, {
    createdAt: "2026-06-26T09:30:00Z",
    completedAt: "2026-07-24T12:00:00Z",
    round: q2,
  });
  if (monitoring) {
    const late = await createAction(ctx, organizationId, {
      title: monitoring.title,
      recommendationId: monitoring.id,
      dimension: "monitoring",
      dueDate: "2026-10-30",
      owner: { kind: "member", memberId: ownerMemberId },
    });
    await updateAction(ctx, late.id, { status: "in_progress" });
    // Opened after Q2 2026, not done by Q3 2026: carried over into it.
    await backdate(late.id, { createdAt: "2026-07-02T09:00:00Z", round: q3 });
  }
}

/**
 * Halden Mutual's claims triage pilot: the initiative its latest round focused on, so the
 * questionnaire names the workflow and the round's diagnostic is offered as the initiative's.
 */
export async function seedFocusInitiative(
  ctx: WorkspaceContext,
  organizationId: string,
): Promise<string> {
  const triage = await createInitiative(ctx, organizationId, {
    name: "Claims triage assistant",
    businessFunction: "Claims",
    workflow: "first notice of loss triage",
    dataSources: "Policy core, claims system, call notes",
    status: "pilot",
    owner: { kind: "person", name: "Jonas Berg", role: "Head of claims" },
  });
  return triage.id;
}
