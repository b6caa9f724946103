import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import * as organizationRoute from "@/app/api/v1/organizations/[id]/route";
import {
  createOrganizationAction,
  deleteOrganizationAction,
  updateOrganizationAction,
} from "@/app/(app)/organizations/actions";
import {
  changeRoleAction,
  createInvitationAction,
  createTokenAction,
  createWebhookAction,
  removeMemberAction,
  uploadLogoAction,
  revokeInvitationAction,
  revokeTokenAction,
  setGrantsAction,
  updateWorkspaceSettingsAction,
} from "@/app/(app)/settings/actions";
import * as organizationAssessmentsRoute from "@/app/api/v1/organizations/[id]/assessments/route";
import * as assessmentRoute from "@/app/api/v1/assessments/[id]/route";
import * as openAssessmentRoute from "@/app/api/v1/assessments/[id]/open/route";
import * as invitationsRoute from "@/app/api/v1/assessments/[id]/invitations/route";
import { openAssessmentAction } from "@/app/(app)/assessments/actions";
import AssessmentPage from "@/app/(app)/assessments/[id]/page";
import InitiativePage from "@/app/(app)/initiatives/[id]/page";
import {
  changeStatusAction,
  createInitiativeAction,
  recordDiagnosticAction,
  updateInitiativeAction,
} from "@/app/(app)/initiatives/actions";
import { getAssessment } from "@/lib/assessments/data";
import { createAssessment, createInvitations, openAssessment } from "@/lib/assessments/mutations";
import OrganizationPage from "@/app/(app)/organizations/[id]/page";
import AuditPage from "@/app/(app)/settings/audit/page";
import DataPage from "@/app/(app)/settings/data/page";
import MembersPage from "@/app/(app)/settings/members/page";
import { listAuditEvents } from "@/lib/audit/data";
import * as organizationInitiativesRoute from "@/app/api/v1/organizations/[id]/initiatives/route";
import * as initiativeRoute from "@/app/api/v1/initiatives/[id]/route";
import * as initiativeDiagnosticRoute from "@/app/api/v1/initiatives/[id]/diagnostic/route";
import * as initiativeStatusRoute from "@/app/api/v1/initiatives/[id]/status/route";
import { getInitiative } from "@/lib/initiatives/data";
import * as organizationActionsRoute from "@/app/api/v1/organizations/[id]/actions/route";
import * as actionRoute from "@/app/api/v1/actions/[id]/route";
import { createActionAction, updateActionStatusAction } from "@/app/(app)/action-items/actions";
import { listActions } from "@/lib/actions/data";
import { createAction, updateAction } from "@/lib/actions/mutations";
import {
  changeInitiativeStatus,
  createInitiative,
  recordDiagnostic,
  updateInitiative,
} from "@/lib/initiatives/mutations";
import { ACTIONS, can, ROLES, type Action, type Role } from "@/lib/auth/roles";
import { disconnectDb, getDb } from "@/lib/db";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { FormState } from "@/lib/forms/state";
import { listMembers } from "@/lib/members/data";
import {
  changeMemberRole,
  createInvitation,
  removeMember,
  revokeInvitation,
  setOrganizationGrants,
} from "@/lib/members/mutations";
import { getOrganization, listOrganizations } from "@/lib/organizations/data";
import {
  createOrganization,
  deleteOrganization,
  updateOrganization,
} from "@/lib/organizations/mutations";
import { listApiTokens } from "@/lib/tokens/data";
import * as organizationExportRoute from "@/app/api/v1/organizations/[id]/export/route";
import * as workspaceExportRoute from "@/app/api/v1/export/route";
import * as importsRoute from "@/app/api/v1/imports/route";
import { exportOrganization, exportWorkspace } from "@/lib/portability/data";
import { importExport } from "@/lib/portability/mutations";
import { createWebhook } from "@/lib/webhooks/mutations";
import { setWorkspaceLogo } from "@/lib/workspaces/mutations";
import { logoForm, PNG_1X1 } from "../fixtures/logo";
import { updateWorkspaceSettings } from "@/lib/workspaces/mutations";
import { createApiToken, revokeApiToken } from "@/lib/tokens/mutations";
import {
  actAs,
  apiRequest,
  isErrorJson,
  readResponse,
  routeParams,
  settle,
  submit,
  type ActionOutcome,
  type Credentials,
} from "../fixtures/next-request";
import {
  buildWorld,
  freshOrganization,
  invitePerson,
  uniqueSuffix,
  type Person,
  type World,
  type WorkspaceWorld,
} from "../fixtures/world";

// The specification. Written out by hand on purpose: lib/auth/roles.ts must agree with it, and
// every expected outcome below is derived from this table, not from can().
const SPEC: Record<Role, Record<Action, boolean>> = {
  owner: {
    "organization.read": true,
    "organization.create": true,
    "organization.update": true,
    "organization.delete": true,
    "assessment.read": true,
    "assessment.manage": true,
    "initiative.read": true,
    "initiative.manage": true,
    "action.read": true,
    "action.manage": true,
    "member.read": true,
    "member.invite": true,
    "member.update": true,
    "member.remove": true,
    "token.manage": true,
    "audit.read": true,
    "workspace.export": true,
    "workspace.import": true,
    "webhook.manage": true,
    "workspace.update": true,
  },
  consultant: {
    "organization.read": true,
    "organization.create": true,
    "organization.update": true,
    "organization.delete": false,
    "assessment.read": true,
    "assessment.manage": true,
    "initiative.read": true,
    "initiative.manage": true,
    "action.read": true,
    "action.manage": true,
    "member.read": true,
    "member.invite": false,
    "member.update": false,
    "member.remove": false,
    "token.manage": false,
    "audit.read": false,
    "workspace.export": false,
    "workspace.import": false,
    "webhook.manage": false,
    "workspace.update": false,
  },
  executive: {
    "organization.read": true,
    "organization.create": false,
    "organization.update": false,
    "organization.delete": false,
    "assessment.read": true,
    "assessment.manage": false,
    "initiative.read": true,
    "initiative.manage": false,
    "action.read": true,
    "action.manage": false,
    "member.read": false,
    "member.invite": false,
    "member.update": false,
    "member.remove": false,
    "token.manage": false,
    "audit.read": false,
    "workspace.export": false,
    "workspace.import": false,
    "webhook.manage": false,
    "workspace.update": false,
  },
};

// Where the record a case touches lives, seen from the acting member of workspace A.
//   own: workspace A; other: workspace B;
//   granted / notGranted: an organisation of A that A's executive was / was not granted.
type Scope = "own" | "other" | "granted" | "notGranted";
type Outcome = "allowed" | ErrorCode;
type TargetKind =
  | "none"
  | "organization"
  | "assessment"
  | "initiative"
  | "action"
  | "member"
  | "invitation"
  | "token"
  | "auditEvent";

type Target = {
  readonly ws: WorkspaceWorld;
  /** The record's id; for "none" a fresh label for what the case may create. */
  readonly id: string;
  /** The organisation's name (delete confirmation), or the label again. */
  readonly name: string;
};

type Probe = {
  readonly name: string;
  readonly target: TargetKind;
  /** Whether an allowed call writes: allowed writes get a fresh target, so the world stays intact. */
  readonly mutates: boolean;
  run(actor: Person, target: Target): Promise<Outcome>;
  /** The state the call may change; compared before and after to prove "nothing written". */
  snapshot(target: Target): Promise<unknown>;
};

let world: World;

function expectedOutcome(role: Role, action: Action, scope: Scope): Outcome {
  if (!SPEC[role][action]) return "forbidden";
  if (scope === "other" || scope === "notGranted") return "not_found";
  return "allowed";
}

function scopesFor(role: Role, target: TargetKind): Scope[] {
  if (target === "none") return ["own"];
  if (
    (target === "organization" ||
      target === "assessment" ||
      target === "initiative" ||
      target === "action") &&
    role === "executive"
  )
    return ["granted", "notGranted", "other"];
  return ["own", "other"];
}

async function makeTarget(
  kind: TargetKind,
  scope: Scope,
  freshIfWritten: boolean,
): Promise<Target> {
  const ws = scope === "other" ? world.b : world.a;
  const label = `matrix ${uniqueSuffix()}`;
  switch (kind) {
    case "none":
      return { ws, id: label, name: label };
    case "organization": {
      const organization = await freshOrganization(ws, "Matrix org", {
        grantToExecutive: scope === "granted" || scope === "other",
      });
      return { ws, id: organization.id, name: organization.name };
    }
    case "assessment": {
      const organization = await freshOrganization(ws, "Matrix assessed org", {
        grantToExecutive: scope === "granted" || scope === "other",
      });
      const assessment = await createAssessment(ws.owner.ctx, organization.id, { name: label });
      return { ws, id: assessment.id, name: label };
    }
    case "initiative": {
      const organization = await freshOrganization(ws, "Matrix initiative org", {
        grantToExecutive: scope === "granted" || scope === "other",
      });
      const initiative = await createInitiative(ws.owner.ctx, organization.id, {
        name: label,
        status: "pilot",
      });
      return { ws, id: initiative.id, name: label };
    }
    case "action": {
      const organization = await freshOrganization(ws, "Matrix action org", {
        grantToExecutive: scope === "granted" || scope === "other",
      });
      const action = await createAction(ws.owner.ctx, organization.id, { title: label });
      return { ws, id: action.id, name: label };
    }
    case "member": {
      // A fresh member costs an argon2 hash: only when the call is expected to change them.
      if (!freshIfWritten) return { ws, id: ws.executive.memberId, name: ws.executive.email };
      const person = await invitePerson(ws.owner, "executive", "matrix target", [ws.granted.id]);
      return { ws, id: person.memberId, name: person.email };
    }
    case "invitation": {
      const invitation = await createInvitation(ws.owner.ctx, { role: "consultant" });
      return { ws, id: invitation.id, name: label };
    }
    case "token": {
      const token = await createApiToken(ws.owner.ctx, { name: label });
      return { ws, id: token.id, name: label };
    }
    case "auditEvent": {
      const organization = await freshOrganization(ws, "Audited org");
      const event = await getDb().auditEvent.findFirstOrThrow({
        where: { workspaceId: ws.id, action: "organization.created", targetId: organization.id },
        select: { id: true },
      });
      return { ws, id: event.id, name: organization.name };
    }
  }
}

// ---- Snapshots of what a call could change ---------------------------------------------------

const organizationRow = (t: Target) => getDb().organization.findUnique({ where: { id: t.id } });
const assessmentRow = (t: Target) =>
  getDb().assessment.findUnique({ where: { id: t.id }, select: { state: true, name: true } });
const assessmentsOf = (t: Target) => getDb().assessment.count({ where: { organizationId: t.id } });
/** A round's links and the mail queued for them (emailed links, issue 11 part 7). */
const linksAndMailOf = async (t: Target) => {
  const links = await getDb().assessmentInvitation.findMany({
    where: { assessmentId: t.id },
    select: { id: true },
  });
  const mails = await getDb().mail.count({
    where: { relatedType: "assessment_invitation", relatedId: { in: links.map((l) => l.id) } },
  });
  return { links: links.length, mails };
};
const emailedInvitation = {
  invitations: [{ email: "matrix@client.test", role: "business" }],
  sendEmail: true,
};
const initiativeRow = (t: Target) =>
  getDb().initiative.findUnique({
    where: { id: t.id },
    select: {
      name: true,
      status: true,
      statusChanges: { select: { id: true } },
      diagnosticParts: { select: { part: true, status: true } },
    },
  });
const initiativesOf = (t: Target) => getDb().initiative.count({ where: { organizationId: t.id } });
const actionRow = (t: Target) =>
  getDb().action.findUnique({
    where: { id: t.id },
    select: { title: true, status: true, dueDate: true, completedAt: true },
  });
const actionsOf = (t: Target) => getDb().action.count({ where: { organizationId: t.id } });
const organizationByName = (t: Target) =>
  getDb().organization.findFirst({ where: { nameKey: t.name.toLowerCase() } });
const memberRow = (t: Target) =>
  getDb().member.findUnique({
    where: { id: t.id },
    select: {
      role: true,
      grants: { select: { organizationId: true }, orderBy: { organizationId: "asc" } },
    },
  });
const invitationRow = (t: Target) => getDb().memberInvitation.findUnique({ where: { id: t.id } });
const invitationsFor = (t: Target) =>
  getDb().memberInvitation.count({
    where: { email: `${t.name.replace(/\W+/g, "-")}@example.test` },
  });
const tokenRow = (t: Target) =>
  getDb().apiToken.findUnique({ where: { id: t.id }, select: { revokedAt: true } });
const tokensNamed = (t: Target) => getDb().apiToken.count({ where: { name: t.name } });
const nothing = async () => null;
const workspaceLogo = (t: Target) =>
  getDb().workspace.findUnique({
    where: { id: t.ws.id },
    select: { logoType: true, logoUpdatedAt: true },
  });

/** A public address (an IP literal: no DNS at save) that names the case. */
const webhookUrlFor = (t: Target) => `https://93.184.215.14/matrix/${encodeURIComponent(t.name)}`;
const webhooksTo = (t: Target) =>
  getDb().webhookSubscription.findMany({ where: { url: webhookUrlFor(t) }, select: { id: true } });

/** A one-organisation export file whose organisation is named for the case. */
const importFileNamed = (name: string) =>
  JSON.stringify({
    format: "gapmap-export",
    version: 1,
    exportedAt: new Date().toISOString(),
    scope: "organization",
    source: { workspaceId: "matrix-source", workspaceName: "Matrix source" },
    members: [],
    organizations: [
      {
        id: `source ${name}`,
        name,
        sector: null,
        sizeBand: null,
        region: null,
        notes: null,
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-01-01T00:00:00.000Z",
        grantedTo: [],
        rounds: [],
        initiatives: [],
        actions: [],
      },
    ],
  });

// A different interval on every call, so an allowed change always shows in the snapshot.
let intervalCounter = 0;
const freshInterval = () => 30 + (++intervalCounter % 600);
const retakeInterval = (t: Target) =>
  getDb().workspace.findUniqueOrThrow({
    where: { id: t.ws.id },
    select: { retakeIntervalDays: true },
  });

const invitationEmail = (t: Target) => `${t.name.replace(/\W+/g, "-")}@example.test`;

// ---- Layer (a): the data-layer functions ------------------------------------------------------

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) {
      expect(error.message.length).toBeGreaterThan(0);
      return error.code;
    }
    throw error;
  }
}

/** A read that lists: the record is "found" when the list holds it, "not found" when it does not. */
async function visibility(
  call: () => Promise<readonly { id: string }[]>,
  id: string,
): Promise<Outcome> {
  let rows: readonly { id: string }[];
  try {
    rows = await call();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return rows.some((row) => row.id === id) ? "allowed" : "not_found";
}

const DATA_LAYER: Record<Action, Probe[]> = {
  "organization.read": [
    {
      name: "getOrganization",
      target: "organization",
      mutates: false,
      run: async (actor, t) =>
        outcomeOf(async () => expect((await getOrganization(actor.ctx, t.id)).name).toBe(t.name)),
      snapshot: organizationRow,
    },
    {
      name: "listOrganizations",
      target: "organization",
      mutates: false,
      run: (actor, t) =>
        visibility(async () => (await listOrganizations(actor.ctx, { q: t.name })).items, t.id),
      snapshot: organizationRow,
    },
  ],
  "organization.create": [
    {
      name: "createOrganization",
      target: "none",
      mutates: true,
      run: (actor, t) => outcomeOf(() => createOrganization(actor.ctx, { name: t.name })),
      snapshot: organizationByName,
    },
  ],
  "organization.update": [
    {
      name: "updateOrganization",
      target: "organization",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() => updateOrganization(actor.ctx, t.id, { notes: "changed by the matrix" })),
      snapshot: organizationRow,
    },
  ],
  "organization.delete": [
    {
      name: "deleteOrganization",
      target: "organization",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() => deleteOrganization(actor.ctx, t.id, { confirmation: t.name })),
      snapshot: organizationRow,
    },
  ],
  "assessment.read": [
    {
      name: "getAssessment",
      target: "assessment",
      mutates: false,
      run: async (actor, t) =>
        outcomeOf(async () => expect((await getAssessment(actor.ctx, t.id)).name).toBe(t.name)),
      snapshot: assessmentRow,
    },
  ],
  "assessment.manage": [
    {
      name: "createAssessment",
      target: "organization",
      mutates: true,
      run: (actor, t) => outcomeOf(() => createAssessment(actor.ctx, t.id, { name: "Q1 2027" })),
      snapshot: assessmentsOf,
    },
    {
      name: "openAssessment",
      target: "assessment",
      mutates: true,
      run: (actor, t) => outcomeOf(() => openAssessment(actor.ctx, t.id)),
      snapshot: assessmentRow,
    },
    {
      name: "createInvitations with sendEmail",
      target: "assessment",
      mutates: true,
      run: (actor, t) => outcomeOf(() => createInvitations(actor.ctx, t.id, emailedInvitation)),
      snapshot: linksAndMailOf,
    },
  ],
  "initiative.read": [
    {
      name: "getInitiative",
      target: "initiative",
      mutates: false,
      run: async (actor, t) =>
        outcomeOf(async () => expect((await getInitiative(actor.ctx, t.id)).name).toBe(t.name)),
      snapshot: initiativeRow,
    },
  ],
  "initiative.manage": [
    {
      name: "createInitiative",
      target: "organization",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() => createInitiative(actor.ctx, t.id, { name: "Matrix pilot" })),
      snapshot: initiativesOf,
    },
    {
      name: "updateInitiative",
      target: "initiative",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() => updateInitiative(actor.ctx, t.id, { name: `${t.name} (renamed)` })),
      snapshot: initiativeRow,
    },
    {
      name: "recordDiagnostic",
      target: "initiative",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() =>
          recordDiagnostic(actor.ctx, t.id, {
            monitoring: { status: "met", evidence: "Dashboards live." },
          }),
        ),
      snapshot: initiativeRow,
    },
    {
      name: "changeInitiativeStatus",
      target: "initiative",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() =>
          changeInitiativeStatus(actor.ctx, t.id, {
            status: "production",
            override: { reason: "The matrix overrides the no-go." },
          }),
        ),
      snapshot: initiativeRow,
    },
  ],
  "action.read": [
    {
      name: "listActions",
      target: "organization",
      mutates: false,
      run: (actor, t) => outcomeOf(() => listActions(actor.ctx, t.id)),
      snapshot: actionsOf,
    },
  ],
  "action.manage": [
    {
      name: "createAction",
      target: "organization",
      mutates: true,
      run: (actor, t) => outcomeOf(() => createAction(actor.ctx, t.id, { title: "Matrix action" })),
      snapshot: actionsOf,
    },
    {
      name: "updateAction",
      target: "action",
      mutates: true,
      run: (actor, t) => outcomeOf(() => updateAction(actor.ctx, t.id, { status: "done" })),
      snapshot: actionRow,
    },
  ],
  "member.read": [
    {
      name: "listMembers",
      target: "member",
      mutates: false,
      run: (actor, t) => visibility(() => listMembers(actor.ctx), t.id),
      snapshot: memberRow,
    },
  ],
  "member.invite": [
    {
      name: "createInvitation",
      target: "none",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() =>
          createInvitation(actor.ctx, { role: "consultant", email: invitationEmail(t) }),
        ),
      snapshot: invitationsFor,
    },
    {
      name: "revokeInvitation",
      target: "invitation",
      mutates: true,
      run: (actor, t) => outcomeOf(() => revokeInvitation(actor.ctx, t.id)),
      snapshot: invitationRow,
    },
  ],
  "member.update": [
    {
      name: "changeMemberRole",
      target: "member",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() => changeMemberRole(actor.ctx, { memberId: t.id, role: "consultant" })),
      snapshot: memberRow,
    },
    {
      name: "setOrganizationGrants",
      target: "member",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() =>
          setOrganizationGrants(actor.ctx, {
            memberId: t.id,
            organizationIds: [t.ws.notGranted.id],
          }),
        ),
      snapshot: memberRow,
    },
  ],
  "member.remove": [
    {
      name: "removeMember",
      target: "member",
      mutates: true,
      run: (actor, t) => outcomeOf(() => removeMember(actor.ctx, { memberId: t.id })),
      snapshot: memberRow,
    },
  ],
  "token.manage": [
    {
      name: "createApiToken",
      target: "none",
      mutates: true,
      run: (actor, t) => outcomeOf(() => createApiToken(actor.ctx, { name: t.name })),
      snapshot: tokensNamed,
    },
    {
      name: "revokeApiToken",
      target: "token",
      mutates: true,
      run: (actor, t) => outcomeOf(() => revokeApiToken(actor.ctx, t.id)),
      snapshot: tokenRow,
    },
    {
      name: "listApiTokens",
      target: "token",
      mutates: false,
      run: (actor, t) => visibility(() => listApiTokens(actor.ctx), t.id),
      snapshot: tokenRow,
    },
  ],
  "workspace.update": [
    {
      name: "setWorkspaceLogo",
      target: "none",
      mutates: true,
      run: (actor) => outcomeOf(() => setWorkspaceLogo(actor.ctx, PNG_1X1)),
      snapshot: workspaceLogo,
    },
    {
      name: "updateWorkspaceSettings",
      target: "none",
      mutates: true,
      run: (actor) =>
        outcomeOf(() =>
          updateWorkspaceSettings(actor.ctx, { retakeIntervalDays: freshInterval() }),
        ),
      snapshot: retakeInterval,
    },
  ],
  "audit.read": [
    {
      name: "listAuditEvents",
      target: "auditEvent",
      mutates: false,
      run: (actor, t) => visibility(() => listAuditEvents(actor.ctx, { limit: 200 }), t.id),
      snapshot: nothing,
    },
  ],
  "workspace.export": [
    {
      name: "exportOrganization",
      target: "organization",
      mutates: false,
      run: (actor, t) =>
        outcomeOf(async () =>
          expect(
            (await exportOrganization({ kind: "member", ctx: actor.ctx }, t.id)).organizations[0]
              ?.name,
          ).toBe(t.name),
        ),
      snapshot: organizationRow,
    },
    {
      name: "exportWorkspace",
      target: "none",
      mutates: false,
      run: (actor) => outcomeOf(() => exportWorkspace({ kind: "member", ctx: actor.ctx })),
      snapshot: nothing,
    },
  ],
  "workspace.import": [
    {
      name: "importExport",
      target: "none",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() =>
          importExport({ kind: "member", ctx: actor.ctx }, importFileNamed(t.name), {
            dryRun: false,
          }),
        ),
      snapshot: organizationByName,
    },
  ],
  "webhook.manage": [
    {
      name: "createWebhook",
      target: "none",
      mutates: true,
      run: (actor, t) =>
        outcomeOf(() =>
          createWebhook(actor.ctx, { url: webhookUrlFor(t), events: ["round.closed"] }),
        ),
      snapshot: webhooksTo,
    },
  ],
};

// ---- Layer (b): the REST route handlers, with a session cookie and with a bearer token -------

type Via = "session cookie" | "bearer token";

function credentialsOf(actor: Person, via: Via): Credentials {
  return via === "session cookie" ? { cookie: actor.cookie } : { bearer: actor.bearer };
}

async function outcomeOfResponse(response: Response, target: Target): Promise<Outcome> {
  const { status, body } = await readResponse(response);
  if (status >= 200 && status < 300) return "allowed";
  expect(isErrorJson(body), `error body of a ${status}: ${JSON.stringify(body)}`).toBe(true);
  if (!isErrorJson(body)) return "internal";
  expect(status).toBe(ERROR_STATUS[body.error.code as ErrorCode]);
  expect(body.error.message.length).toBeGreaterThan(0);
  // A refused request carries no trace of the record.
  expect(JSON.stringify(body)).not.toContain(target.id);
  return body.error.code as ErrorCode;
}

type RouteProbe = Omit<Probe, "run"> & {
  run(credentials: Credentials, target: Target): Promise<Outcome>;
};

const ROUTES: Partial<Record<Action, RouteProbe[]>> = {
  "organization.read": [
    {
      name: "GET /api/v1/organizations/[id]",
      target: "organization",
      mutates: false,
      run: async (credentials, t) => {
        const response = await organizationRoute.GET(
          apiRequest(`/api/v1/organizations/${t.id}`, credentials),
          routeParams({ id: t.id }),
        );
        if (response.ok)
          expect(((await response.clone().json()) as { name: string }).name).toBe(t.name);
        return outcomeOfResponse(response, t);
      },
      snapshot: organizationRow,
    },
    {
      name: "GET /api/v1/organizations",
      target: "organization",
      mutates: false,
      run: async (credentials, t) => {
        const response = await organizationsRoute.GET(
          apiRequest(`/api/v1/organizations?q=${encodeURIComponent(t.name)}`, credentials),
        );
        if (!response.ok) return outcomeOfResponse(response, t);
        const page = (await response.json()) as { data: { id: string }[] };
        return page.data.some((row) => row.id === t.id) ? "allowed" : "not_found";
      },
      snapshot: organizationRow,
    },
  ],
  "organization.create": [
    {
      name: "POST /api/v1/organizations",
      target: "none",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await organizationsRoute.POST(
            apiRequest("/api/v1/organizations", { ...credentials, body: { name: t.name } }),
          ),
          t,
        ),
      snapshot: organizationByName,
    },
  ],
  "organization.update": [
    {
      name: "PATCH /api/v1/organizations/[id]",
      target: "organization",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await organizationRoute.PATCH(
            apiRequest(`/api/v1/organizations/${t.id}`, {
              ...credentials,
              method: "PATCH",
              body: { notes: "changed through the API" },
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: organizationRow,
    },
  ],
  "organization.delete": [
    {
      name: "DELETE /api/v1/organizations/[id]",
      target: "organization",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await organizationRoute.DELETE(
            apiRequest(`/api/v1/organizations/${t.id}`, {
              ...credentials,
              method: "DELETE",
              body: { confirmation: t.name },
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: organizationRow,
    },
  ],
  "assessment.read": [
    {
      name: "GET /api/v1/assessments/[id]",
      target: "assessment",
      mutates: false,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await assessmentRoute.GET(
            apiRequest(`/api/v1/assessments/${t.id}`, credentials),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: assessmentRow,
    },
  ],
  "assessment.manage": [
    {
      name: "POST /api/v1/organizations/[id]/assessments",
      target: "organization",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await organizationAssessmentsRoute.POST(
            apiRequest(`/api/v1/organizations/${t.id}/assessments`, {
              ...credentials,
              body: { name: "Q2 2027" },
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: assessmentsOf,
    },
    {
      name: "POST /api/v1/assessments/[id]/open",
      target: "assessment",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await openAssessmentRoute.POST(
            apiRequest(`/api/v1/assessments/${t.id}/open`, { ...credentials, method: "POST" }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: assessmentRow,
    },
    {
      name: "POST /api/v1/assessments/[id]/invitations with sendEmail",
      target: "assessment",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await invitationsRoute.POST(
            apiRequest(`/api/v1/assessments/${t.id}/invitations`, {
              ...credentials,
              method: "POST",
              body: emailedInvitation,
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: linksAndMailOf,
    },
  ],
  "initiative.read": [
    {
      name: "GET /api/v1/initiatives/[id]",
      target: "initiative",
      mutates: false,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await initiativeRoute.GET(
            apiRequest(`/api/v1/initiatives/${t.id}`, credentials),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: initiativeRow,
    },
  ],
  "initiative.manage": [
    {
      name: "POST /api/v1/organizations/[id]/initiatives",
      target: "organization",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await organizationInitiativesRoute.POST(
            apiRequest(`/api/v1/organizations/${t.id}/initiatives`, {
              ...credentials,
              body: { name: "Matrix pilot" },
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: initiativesOf,
    },
    {
      name: "PATCH /api/v1/initiatives/[id]",
      target: "initiative",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await initiativeRoute.PATCH(
            apiRequest(`/api/v1/initiatives/${t.id}`, {
              ...credentials,
              method: "PATCH",
              body: { workflow: "changed through the API" },
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: (t) => getDb().initiative.findUnique({ where: { id: t.id } }),
    },
    {
      name: "PUT /api/v1/initiatives/[id]/diagnostic",
      target: "initiative",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await initiativeDiagnosticRoute.PUT(
            apiRequest(`/api/v1/initiatives/${t.id}/diagnostic`, {
              ...credentials,
              method: "PUT",
              body: { ownership: { status: "partial", evidence: "Named, not agreed." } },
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: initiativeRow,
    },
    {
      name: "POST /api/v1/initiatives/[id]/status",
      target: "initiative",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await initiativeStatusRoute.POST(
            apiRequest(`/api/v1/initiatives/${t.id}/status`, {
              ...credentials,
              body: { status: "retired" },
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: initiativeRow,
    },
  ],
  "action.read": [
    {
      name: "GET /api/v1/organizations/[id]/actions",
      target: "organization",
      mutates: false,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await organizationActionsRoute.GET(
            apiRequest(`/api/v1/organizations/${t.id}/actions`, credentials),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: actionsOf,
    },
  ],
  "action.manage": [
    {
      name: "POST /api/v1/organizations/[id]/actions",
      target: "organization",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await organizationActionsRoute.POST(
            apiRequest(`/api/v1/organizations/${t.id}/actions`, {
              ...credentials,
              body: { title: "Matrix action", dueDate: "2027-03-31" },
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: actionsOf,
    },
    {
      name: "PATCH /api/v1/actions/[id]",
      target: "action",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await actionRoute.PATCH(
            apiRequest(`/api/v1/actions/${t.id}`, {
              ...credentials,
              method: "PATCH",
              body: { status: "in_progress" },
            }),
            routeParams({ id: t.id }),
          ),
          t,
        ),
      snapshot: actionRow,
    },
  ],
  "workspace.export": [
    {
      name: "GET /api/v1/organizations/[id]/export",
      target: "organization",
      mutates: false,
      run: async (credentials, t) => {
        const response = await organizationExportRoute.GET(
          apiRequest(`/api/v1/organizations/${t.id}/export`, credentials),
          routeParams({ id: t.id }),
        );
        if (response.ok)
          expect(
            ((await response.clone().json()) as { organizations: { name: string }[] })
              .organizations[0]?.name,
          ).toBe(t.name);
        return outcomeOfResponse(response, t);
      },
      snapshot: organizationRow,
    },
    {
      name: "GET /api/v1/export",
      target: "none",
      mutates: false,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await workspaceExportRoute.GET(apiRequest("/api/v1/export", credentials)),
          t,
        ),
      snapshot: nothing,
    },
  ],
  "workspace.import": [
    {
      name: "POST /api/v1/imports",
      target: "none",
      mutates: true,
      run: async (credentials, t) =>
        outcomeOfResponse(
          await importsRoute.POST(
            apiRequest("/api/v1/imports", { ...credentials, body: importFileNamed(t.name) }),
          ),
          t,
        ),
      snapshot: organizationByName,
    },
  ],
};

// Actions that have no REST route (yet). A new action must be listed here or get a route probe.
const NO_REST_ROUTE: readonly Action[] = [
  "webhook.manage",
  "workspace.update",
  "member.read",
  "member.invite",
  "member.update",
  "member.remove",
  "token.manage",
  "audit.read",
];

// ---- Layer (c): the server actions, called by their exported function as a POST by id would --

function outcomeOfAction<T>(outcome: ActionOutcome<T>): Outcome {
  if (outcome.kind === "redirect") return "allowed";
  if (outcome.kind === "not_found") return "not_found";
  const state: FormState<T> = outcome.state;
  if (state.status === "success") return "allowed";
  if (state.status === "error") {
    expect(state.message.length).toBeGreaterThan(0);
    return state.code;
  }
  return "internal";
}

type ActionProbe = Omit<Probe, "run"> & { run(target: Target): Promise<Outcome> };

const SERVER_ACTIONS: Partial<Record<Action, ActionProbe[]>> = {
  "webhook.manage": [
    {
      name: "createWebhookAction",
      target: "none",
      mutates: true,
      run: async (t) => {
        const outcome = await submit(createWebhookAction, {
          url: webhookUrlFor(t),
          events: "round.closed",
        });
        if (outcome.kind === "state" && outcome.state.status === "success")
          expect(outcome.state.data?.secret).toMatch(/^whsec_/);
        return outcomeOfAction(outcome);
      },
      snapshot: webhooksTo,
    },
  ],
  "action.manage": [
    {
      name: "createActionAction",
      target: "organization",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(
          await submit(createActionAction, {
            organizationId: t.id,
            prefix: "rec-x",
            "rec-x.title": "Name an accountable owner",
            "rec-x.dueDate": "2027-03-31",
            "rec-x.owner.kind": "person",
            "rec-x.owner.name": "Dana Ruiz",
            "rec-x.owner.role": "COO",
          }),
        ),
      snapshot: actionsOf,
    },
    {
      name: "updateActionStatusAction",
      target: "action",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(await submit(updateActionStatusAction, { id: t.id, status: "done" })),
      snapshot: actionRow,
    },
  ],
  "initiative.manage": [
    {
      name: "createInitiativeAction",
      target: "organization",
      mutates: true,
      run: async (t) => {
        const outcome = await submit(createInitiativeAction, {
          organizationId: t.id,
          name: "Matrix form pilot",
          status: "pilot",
          "owner.kind": "person",
          "owner.name": "Dana Ruiz",
          "owner.role": "Head of claims",
        });
        if (outcome.kind === "redirect")
          expect(outcome.location).toMatch(/^\/initiatives\/[^/?]+\?created=1$/);
        return outcomeOfAction(outcome);
      },
      snapshot: initiativesOf,
    },
    {
      name: "updateInitiativeAction",
      target: "initiative",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(
          await submit(updateInitiativeAction, { id: t.id, name: `${t.name} (edited)` }),
        ),
      snapshot: initiativeRow,
    },
    {
      name: "recordDiagnosticAction",
      target: "initiative",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(
          await submit(recordDiagnosticAction, {
            id: t.id,
            part: "data_audit",
            "data_audit.status": "met",
            "data_audit.evidence": "Audited with the claims data team.",
            "data_audit.links": "https://wiki.example.test/audit",
          }),
        ),
      snapshot: initiativeRow,
    },
    {
      name: "changeStatusAction",
      target: "initiative",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(
          await submit(changeStatusAction, {
            id: t.id,
            status: "scaled",
            "override.reason": "The matrix overrides through the form.",
          }),
        ),
      snapshot: initiativeRow,
    },
  ],
  "assessment.manage": [
    {
      name: "openAssessmentAction",
      target: "assessment",
      mutates: true,
      run: async (t) => outcomeOfAction(await submit(openAssessmentAction, { assessmentId: t.id })),
      snapshot: assessmentRow,
    },
  ],
  "organization.create": [
    {
      name: "createOrganizationAction",
      target: "none",
      mutates: true,
      run: async (t) => {
        const outcome = await submit(createOrganizationAction, {
          name: t.name,
          sector: "",
          sizeBand: "",
        });
        if (outcome.kind === "redirect")
          expect(outcome.location).toMatch(/^\/organizations\/[^/?]+\?created=1$/);
        return outcomeOfAction(outcome);
      },
      snapshot: organizationByName,
    },
  ],
  "organization.update": [
    {
      name: "updateOrganizationAction",
      target: "organization",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(
          await submit(updateOrganizationAction, {
            id: t.id,
            name: t.name,
            notes: "changed by a form",
          }),
        ),
      snapshot: organizationRow,
    },
  ],
  "organization.delete": [
    {
      name: "deleteOrganizationAction",
      target: "organization",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(await submit(deleteOrganizationAction, { id: t.id, confirmation: t.name })),
      snapshot: organizationRow,
    },
  ],
  "member.invite": [
    {
      name: "createInvitationAction",
      target: "none",
      mutates: true,
      run: async (t) => {
        const outcome = await submit(createInvitationAction, {
          role: "consultant",
          email: invitationEmail(t),
        });
        if (outcome.kind === "state" && outcome.state.status === "success") {
          expect(outcome.state.data?.path).toMatch(/^\/invite\/gmi_/);
        }
        return outcomeOfAction(outcome);
      },
      snapshot: invitationsFor,
    },
    {
      name: "revokeInvitationAction",
      target: "invitation",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(await submit(revokeInvitationAction, { invitationId: t.id })),
      snapshot: invitationRow,
    },
  ],
  "member.update": [
    {
      name: "changeRoleAction",
      target: "member",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(await submit(changeRoleAction, { memberId: t.id, role: "consultant" })),
      snapshot: memberRow,
    },
    {
      name: "setGrantsAction",
      target: "member",
      mutates: true,
      run: async (t) =>
        outcomeOfAction(
          await submit(setGrantsAction, { memberId: t.id, organizationIds: [t.ws.notGranted.id] }),
        ),
      snapshot: memberRow,
    },
  ],
  "member.remove": [
    {
      name: "removeMemberAction",
      target: "member",
      mutates: true,
      run: async (t) => outcomeOfAction(await submit(removeMemberAction, { memberId: t.id })),
      snapshot: memberRow,
    },
  ],
  "workspace.update": [
    {
      name: "uploadLogoAction",
      target: "none",
      mutates: true,
      run: async () =>
        outcomeOfAction(
          await settle(() => uploadLogoAction({ status: "idle" }, logoForm(PNG_1X1))),
        ),
      snapshot: workspaceLogo,
    },
    {
      name: "updateWorkspaceSettingsAction",
      target: "none",
      mutates: true,
      run: async () =>
        outcomeOfAction(
          await submit(updateWorkspaceSettingsAction, {
            retakeIntervalDays: String(freshInterval()),
          }),
        ),
      snapshot: retakeInterval,
    },
  ],
  "token.manage": [
    {
      name: "createTokenAction",
      target: "none",
      mutates: true,
      run: async (t) => {
        const outcome = await submit(createTokenAction, { name: t.name });
        if (outcome.kind === "state" && outcome.state.status === "success") {
          expect(outcome.state.data?.token).toMatch(/^gm_/);
        }
        return outcomeOfAction(outcome);
      },
      snapshot: tokensNamed,
    },
    {
      name: "revokeTokenAction",
      target: "token",
      mutates: true,
      run: async (t) => outcomeOfAction(await submit(revokeTokenAction, { tokenId: t.id })),
      snapshot: tokenRow,
    },
  ],
};

// Reads are served by pages, not server actions; exports and imports by the REST API (the
// settings page downloads and uploads through it).
const NO_SERVER_ACTION: readonly Action[] = [
  "workspace.export",
  "workspace.import",
  "organization.read",
  "assessment.read",
  "initiative.read",
  "action.read",
  "member.read",
  "audit.read",
];

// ---- Layer (d): the pages that serve the reads, called as Next renders them -------------------

/** Every string a page's element tree carries (text and props), to see whether a record shows. */
function stringsIn(node: unknown, seen = new Set<unknown>(), out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (typeof node === "number") out.push(String(node));
  else if (typeof node === "object" && node !== null && !seen.has(node)) {
    seen.add(node);
    if (node instanceof Date) return out;
    for (const [key, value] of Object.entries(node)) {
      if (key === "_owner" || key === "_store" || key === "_debugInfo" || key === "_debugStack")
        continue;
      stringsIn(value, seen, out);
    }
  }
  return out;
}

async function outcomeOfPage(render: () => Promise<unknown>, target: Target): Promise<Outcome> {
  let element: unknown;
  const outcome = await settle(async () => {
    element = await render();
  });
  if (outcome.kind === "not_found") return "not_found";
  // A page a role may not open sends them back to the organisations list; no session: sign in.
  if (outcome.kind === "redirect") {
    if (outcome.location === "/organizations") return "forbidden";
    if (outcome.location === "/login") return "unauthorized";
    return "internal";
  }
  const text = stringsIn(element).join("\n");
  return text.includes(target.name) ? "allowed" : "not_found";
}

type PageProbe = ActionProbe;

const PAGES: Partial<Record<Action, PageProbe[]>> = {
  "organization.read": [
    {
      name: "the organisation page",
      target: "organization",
      mutates: false,
      run: (t) =>
        outcomeOfPage(
          () =>
            OrganizationPage({
              params: Promise.resolve({ id: t.id }),
              searchParams: Promise.resolve({}),
            }),
          t,
        ),
      snapshot: organizationRow,
    },
  ],
  "assessment.read": [
    {
      name: "the assessment round page",
      target: "assessment",
      mutates: false,
      run: (t) =>
        outcomeOfPage(
          () =>
            AssessmentPage({
              params: Promise.resolve({ id: t.id }),
              searchParams: Promise.resolve({}),
            }),
          t,
        ),
      snapshot: assessmentRow,
    },
  ],
  "initiative.read": [
    {
      name: "the initiative page",
      target: "initiative",
      mutates: false,
      run: (t) =>
        outcomeOfPage(
          () =>
            InitiativePage({
              params: Promise.resolve({ id: t.id }),
              searchParams: Promise.resolve({}),
            }),
          t,
        ),
      snapshot: initiativeRow,
    },
  ],
  "action.read": [
    {
      name: "the organisation page's actions",
      target: "action",
      mutates: false,
      run: async (t) => {
        const action = await getDb().action.findUniqueOrThrow({
          where: { id: t.id },
          select: { organizationId: true },
        });
        return outcomeOfPage(
          () =>
            OrganizationPage({
              params: Promise.resolve({ id: action.organizationId }),
              searchParams: Promise.resolve({}),
            }),
          t,
        );
      },
      snapshot: actionRow,
    },
  ],
  "member.read": [
    {
      name: "the members page",
      target: "member",
      mutates: false,
      run: (t) => outcomeOfPage(() => MembersPage(), t),
      snapshot: memberRow,
    },
  ],
  "workspace.export": [
    {
      name: "the export and import page",
      target: "organization",
      mutates: false,
      run: (t) => outcomeOfPage(() => DataPage(), t),
      snapshot: organizationRow,
    },
  ],
  "audit.read": [
    {
      name: "the audit log page",
      target: "auditEvent",
      mutates: false,
      run: (t) => outcomeOfPage(() => AuditPage(), t),
      snapshot: nothing,
    },
  ],
};

// ---- The cases ------------------------------------------------------------------------------

type Case<P> = {
  role: Role;
  action: Action;
  scope: Scope;
  expected: Outcome;
  probe: P;
  title: string;
};

function casesOf<P extends { name: string; target: TargetKind }>(
  table: Partial<Record<Action, P[]>>,
): Case<P>[] {
  const cases: Case<P>[] = [];
  for (const action of ACTIONS) {
    for (const probe of table[action] ?? []) {
      for (const role of ROLES) {
        for (const scope of scopesFor(role, probe.target)) {
          const expected = expectedOutcome(role, action, scope);
          cases.push({
            role,
            action,
            scope,
            expected,
            probe,
            title: `${role === "owner" ? "an" : role === "executive" ? "an" : "a"} ${role} calling ${probe.name} (${action}) on ${describeScope(scope)}: ${expected}`,
          });
        }
      }
    }
  }
  return cases;
}

/** [title, case] pairs, so the runner prints each title whole. */
function titled<C extends { title: string }>(cases: C[]): [string, C][] {
  return cases.map((c) => [c.title, c]);
}

function describeScope(scope: Scope): string {
  switch (scope) {
    case "own":
      return "their own workspace";
    case "other":
      return "another workspace's record";
    case "granted":
      return "a granted organisation";
    case "notGranted":
      return "an organisation they were not granted";
  }
}

async function expectOutcome(
  c: Case<Pick<Probe, "mutates" | "snapshot" | "target">>,
  act: (target: Target) => Promise<Outcome>,
): Promise<void> {
  const target = await makeTarget(
    c.probe.target,
    c.scope,
    c.probe.mutates && c.expected === "allowed",
  );
  const before = await c.probe.snapshot(target);
  const outcome = await act(target);
  expect(outcome).toBe(c.expected);
  const after = await c.probe.snapshot(target);
  if (c.expected === "allowed" && c.probe.mutates) expect(after).not.toEqual(before);
  else expect(after).toEqual(before);
}

describe("the authorization matrix: every role x every action x own / other workspace", () => {
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(async () => {
    await disconnectDb();
  });

  describe("the permission table", () => {
    it.each(ROLES.flatMap((role) => ACTIONS.map((action) => ({ role, action }))))(
      "can($role, $action) agrees with the specification",
      ({ role, action }) => {
        expect(can(role, action)).toBe(SPEC[role][action]);
      },
    );

    it("every action is reached by the data layer, and by a route or a server action or named as having none", () => {
      for (const action of ACTIONS) {
        expect(DATA_LAYER[action].length, action).toBeGreaterThan(0);
        expect(
          Boolean(ROUTES[action]?.length) !== NO_REST_ROUTE.includes(action),
          `REST: ${action}`,
        ).toBe(true);
        expect(
          Boolean(SERVER_ACTIONS[action]?.length) !== NO_SERVER_ACTION.includes(action),
          `server action: ${action}`,
        ).toBe(true);
        // A read without a server action is served by a page: the page is in the matrix. (An
        // import is a write the page sends through the REST API, probed there.)
        if (NO_SERVER_ACTION.includes(action) && action !== "workspace.import")
          expect(PAGES[action]?.length, `page: ${action}`).toBeGreaterThan(0);
      }
    });
  });

  describe("(a) the data-layer functions", () => {
    it.each(titled(casesOf(DATA_LAYER)))("%s", async (_title, c) => {
      const actor = world.a[c.role];
      await expectOutcome(c, (target) => c.probe.run(actor, target));
    });
  });

  describe("(b) the REST route handlers", () => {
    const vias: Via[] = ["session cookie", "bearer token"];
    const cases = casesOf(ROUTES).flatMap((c) =>
      vias.map((via) => ({ ...c, via, title: `${c.title} (${via})` })),
    );
    it.each(titled(cases))("%s", async (_title, c) => {
      const actor = world.a[c.role];
      await expectOutcome(c, (target) => c.probe.run(credentialsOf(actor, c.via), target));
    });

    it.each(casesOf(ROUTES).filter((c) => c.role === "owner"))(
      "without credentials, $probe.name answers 401 unauthorized and writes nothing",
      async (c) => {
        await expectOutcome({ ...c, expected: "unauthorized" }, (target) =>
          c.probe.run({}, target),
        );
      },
    );
  });

  describe("(c) the server actions, reached by their id without the page", () => {
    it.each(titled(casesOf(SERVER_ACTIONS)))("%s", async (_title, c) => {
      actAs(world.a[c.role].cookie);
      await expectOutcome(c, (target) => c.probe.run(target));
    });

    it.each(casesOf(SERVER_ACTIONS).filter((c) => c.role === "owner"))(
      "with no session at all, $probe.name on $scope refuses with unauthorized and writes nothing",
      async (c) => {
        actAs(null);
        await expectOutcome({ ...c, expected: "unauthorized" }, (target) => c.probe.run(target));
      },
    );
  });

  describe("(d) the pages that serve the reads", () => {
    it.each(titled(casesOf(PAGES)))("%s", async (_title, c) => {
      actAs(world.a[c.role].cookie);
      await expectOutcome(c, (target) => c.probe.run(target));
    });

    it.each(casesOf(PAGES).filter((c) => c.role === "owner"))(
      "with no session at all, $probe.name on $scope sends the visitor to sign in and shows nothing",
      async (c) => {
        actAs(null);
        await expectOutcome({ ...c, expected: "unauthorized" }, (target) => c.probe.run(target));
      },
    );
  });
});
