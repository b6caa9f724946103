import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as organizationInitiativesRoute from "@/app/api/v1/organizations/[id]/initiatives/route";
import * as initiativeRoute from "@/app/api/v1/initiatives/[id]/route";
import * as diagnosticRoute from "@/app/api/v1/initiatives/[id]/diagnostic/route";
import * as statusRoute from "@/app/api/v1/initiatives/[id]/status/route";
import { disconnectDb, getDb } from "@/lib/db";
import { apiRequest, readResponse, routeParams, type Credentials } from "../fixtures/next-request";
import { buildWorld, freshOrganization, type World } from "../fixtures/world";

type Json = Record<string, unknown>;
let world: World;

const asOwner = (): Credentials => ({ bearer: world.a.owner.bearer });
const asConsultant = (): Credentials => ({ bearer: world.a.consultant.bearer });
const asExecutive = (): Credentials => ({ bearer: world.a.executive.bearer });

async function addInitiative(organizationId: string, body: unknown, who = asConsultant()) {
  return readResponse(
    await organizationInitiativesRoute.POST(
      apiRequest(`/api/v1/organizations/${organizationId}/initiatives`, { ...who, body }),
      routeParams({ id: organizationId }),
    ),
  );
}

async function putDiagnostic(id: string, body: unknown, who = asConsultant()) {
  return readResponse(
    await diagnosticRoute.PUT(
      apiRequest(`/api/v1/initiatives/${id}/diagnostic`, { ...who, method: "PUT", body }),
      routeParams({ id }),
    ),
  );
}

async function moveTo(id: string, body: unknown, who = asConsultant()) {
  return readResponse(
    await statusRoute.POST(
      apiRequest(`/api/v1/initiatives/${id}/status`, { ...who, body }),
      routeParams({ id }),
    ),
  );
}

const part = (status: string, evidence = "Checked in the claims workshop.") => ({
  status,
  evidence,
  links: ["https://wiki.example.test/claims-triage"],
});

function idOf(body: unknown): string {
  const id = (body as Json).id;
  expect(typeof id).toBe("string");
  return String(id);
}

describe("initiatives through the REST API", () => {
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(async () => {
    await disconnectDb();
  });

  it("a consultant adds an initiative with a named owner; it starts with one dated status entry", async () => {
    const { status, body } = await addInitiative(world.a.granted.id, {
      name: "Claims triage assistant",
      businessFunction: "Claims",
      workflow: "First notice of loss triage",
      dataSources: "Claims system, policy admin",
      status: "pilot",
      owner: { kind: "person", name: "Dana Ruiz", role: "Head of claims operations" },
    });
    expect(status).toBe(201);
    const initiative = body as Json;
    expect(initiative.status).toBe("pilot");
    expect(initiative.owner).toEqual({
      kind: "person",
      name: "Dana Ruiz",
      role: "Head of claims operations",
    });
    const history = initiative.history as Json[];
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ from: null, to: "pilot", override: null });
    const diagnostic = initiative.diagnostic as Json;
    expect(diagnostic.decision).toBe("no_go");
    expect(diagnostic.reasons).toHaveLength(3);
  });

  it("a member of the workspace can own an initiative; a member of another workspace cannot (422)", async () => {
    const mine = await addInitiative(world.a.granted.id, {
      name: "Invoice matching",
      owner: { kind: "member", memberId: world.a.consultant.memberId },
    });
    expect(mine.status).toBe(201);
    expect((mine.body as Json).owner).toMatchObject({
      kind: "member",
      memberId: world.a.consultant.memberId,
      email: world.a.consultant.email,
    });
    const foreign = await addInitiative(world.a.granted.id, {
      name: "Invoice matching 2",
      owner: { kind: "member", memberId: world.b.consultant.memberId },
    });
    expect(foreign.status).toBe(422);
    expect(JSON.stringify(foreign.body)).toContain("owner.memberId");
  });

  it("all three parts met is go, and the initiative moves to production without an override", async () => {
    const created = await addInitiative(world.a.granted.id, {
      name: "Go initiative",
      status: "pilot",
    });
    const id = idOf(created.body);
    const recorded = await putDiagnostic(id, {
      data_audit: part("met"),
      ownership: part("met"),
      monitoring: part("met"),
    });
    expect(recorded.status).toBe(200);
    const diagnostic = (recorded.body as Json).diagnostic as Json;
    expect(diagnostic.decision).toBe("go");
    expect(diagnostic.reasons).toEqual([]);
    const parts = diagnostic.parts as Json[];
    expect(parts[0]).toMatchObject({
      part: "data_audit",
      status: "met",
      links: ["https://wiki.example.test/claims-triage"],
      checkedBy: world.a.consultant.email,
    });
    const moved = await moveTo(id, { status: "production" });
    expect(moved.status).toBe(200);
    const history = (moved.body as Json).history as Json[];
    expect(history.at(-1)).toMatchObject({ from: "pilot", to: "production", override: null });
  });

  it("a no-go diagnostic stops the move to production with 409 and one reason per part, and writes nothing", async () => {
    const id = idOf(
      (await addInitiative(world.a.granted.id, { name: "No-go", status: "pilot" })).body,
    );
    await putDiagnostic(id, {
      data_audit: part("met"),
      ownership: part("partial", "Owner named, accountability for wrong outputs not agreed."),
    });
    const refused = await moveTo(id, { status: "production" });
    expect(refused.status).toBe(409);
    const error = (refused.body as { error: Json }).error;
    expect(error.code).toBe("diagnostic_no_go");
    expect(error.fields).toEqual({
      "diagnostic.ownership": "Ownership defined: only partly met.",
      "diagnostic.monitoring": "Monitoring built before go-live: not checked yet.",
    });
    const row = await getDb().initiative.findUniqueOrThrow({
      where: { id },
      select: { status: true, statusChanges: { select: { id: true } } },
    });
    expect(row.status).toBe("pilot");
    expect(row.statusChanges).toHaveLength(1);
  });

  it("an override with a reason moves it on, recorded with who, why, when and the parts held, and audited", async () => {
    const id = idOf(
      (await addInitiative(world.a.granted.id, { name: "Override", status: "pilot" })).body,
    );
    await putDiagnostic(id, { data_audit: part("unmet", "No workflow-level audit yet.") });
    const moved = await moveTo(id, {
      status: "production",
      override: { reason: "Regulator deadline; monitoring ships in two weeks." },
    });
    expect(moved.status).toBe(200);
    const last = ((moved.body as Json).history as Json[]).at(-1);
    expect(last).toMatchObject({
      from: "pilot",
      to: "production",
      changedBy: world.a.consultant.email,
      override: {
        reason: "Regulator deadline; monitoring ships in two weeks.",
        parts: ["data_audit", "ownership", "monitoring"],
      },
    });
    expect(typeof (last as Json).changedAt).toBe("string");
    const events = await getDb().auditEvent.findMany({
      where: { workspaceId: world.a.id, targetId: id },
      select: { action: true, actorLabel: true },
    });
    expect(events.map((e) => e.action).sort()).toEqual([
      "initiative.created",
      "initiative.diagnostic_recorded",
      "initiative.status_changed",
      "initiative.status_overridden",
    ]);
  });

  it("a part checked on a given date keeps that date", async () => {
    const id = idOf((await addInitiative(world.a.granted.id, { name: "Dated check" })).body);
    const recorded = await putDiagnostic(id, {
      monitoring: { ...part("met"), checkedAt: "2027-01-15" },
    });
    expect(recorded.status).toBe(200);
    const parts = ((recorded.body as Json).diagnostic as Json).parts as Json[];
    expect(parts[2]).toMatchObject({ part: "monitoring", checkedAt: "2027-01-15T00:00:00.000Z" });
  });

  it("idea, pilot and retired need no go; moving to the status it has is a 409 conflict", async () => {
    const id = idOf((await addInitiative(world.a.granted.id, { name: "Idea" })).body);
    expect((await moveTo(id, { status: "pilot" })).status).toBe(200);
    expect((await moveTo(id, { status: "retired" })).status).toBe(200);
    const again = await moveTo(id, { status: "retired" });
    expect(again.status).toBe(409);
    expect((again.body as { error: Json }).error.code).toBe("conflict");
  });

  it("another workspace's initiative is 404 on every route, and its record is untouched", async () => {
    const other = await freshOrganization(world.b, "Other workspace org");
    const { body } = await addInitiative(
      other.id,
      { name: "Theirs" },
      { bearer: world.b.owner.bearer },
    );
    const id = idOf(body);
    const get = await readResponse(
      await initiativeRoute.GET(
        apiRequest(`/api/v1/initiatives/${id}`, asOwner()),
        routeParams({ id }),
      ),
    );
    expect(get.status).toBe(404);
    expect((await putDiagnostic(id, { monitoring: part("met") }, asOwner())).status).toBe(404);
    expect((await moveTo(id, { status: "pilot" }, asOwner())).status).toBe(404);
    const patch = await readResponse(
      await initiativeRoute.PATCH(
        apiRequest(`/api/v1/initiatives/${id}`, {
          ...asOwner(),
          method: "PATCH",
          body: { name: "Mine" },
        }),
        routeParams({ id }),
      ),
    );
    expect(patch.status).toBe(404);
    expect((await addInitiative(other.id, { name: "Sneaky" }, asOwner())).status).toBe(404);
    const row = await getDb().initiative.findUniqueOrThrow({
      where: { id },
      select: { name: true, status: true },
    });
    expect(row).toEqual({ name: "Theirs", status: "idea" });
  });

  it("an executive reads the initiatives of a granted organisation, is 403 on writes, and 404 on others", async () => {
    const id = idOf((await addInitiative(world.a.granted.id, { name: "Exec readable" })).body);
    const list = await readResponse(
      await organizationInitiativesRoute.GET(
        apiRequest(`/api/v1/organizations/${world.a.granted.id}/initiatives`, asExecutive()),
        routeParams({ id: world.a.granted.id }),
      ),
    );
    expect(list.status).toBe(200);
    expect(((list.body as Json).data as Json[]).some((i) => i.id === id)).toBe(true);
    expect((await moveTo(id, { status: "pilot" }, asExecutive())).status).toBe(403);
    expect((await putDiagnostic(id, { monitoring: part("met") }, asExecutive())).status).toBe(403);
    expect((await addInitiative(world.a.granted.id, { name: "Exec" }, asExecutive())).status).toBe(
      403,
    );
    const hidden = idOf((await addInitiative(world.a.notGranted.id, { name: "Not granted" })).body);
    const get = await readResponse(
      await initiativeRoute.GET(
        apiRequest(`/api/v1/initiatives/${hidden}`, asExecutive()),
        routeParams({ id: hidden }),
      ),
    );
    expect(get.status).toBe(404);
  });

  it.each([
    ["an empty name", { name: "  " }],
    ["an unknown status", { name: "X", status: "production" }],
    ["an owner without a role", { name: "X", owner: { kind: "person", name: "Ann" } }],
    ["an unknown field", { name: "X", colour: "blue" }],
    ["a lone surrogate", { name: "\ud800" }],
  ])("bad input on create (%s) is 422, never 500", async (_label, body) => {
    const { status, body: error } = await addInitiative(world.a.granted.id, body);
    expect(status).toBe(422);
    expect((error as { error: Json }).error.code).toBe("validation_failed");
  });

  it.each([
    ["an unknown part", { security: part("met") }],
    ["an unknown part status", { monitoring: part("done") }],
    ["no evidence", { monitoring: { status: "met", evidence: "" } }],
    [
      "a link that is not a web address",
      { monitoring: { ...part("met"), links: ["javascript:alert(1)"] } },
    ],
    ["no part at all", {}],
    ["a status change without a status", "status"],
  ])("bad diagnostic or status input (%s) is 422, never 500", async (_label, body) => {
    const id = idOf((await addInitiative(world.a.granted.id, { name: "Bad input target" })).body);
    const response =
      body === "status"
        ? await moveTo(id, { override: { reason: "A reason long enough." } })
        : await putDiagnostic(id, body);
    expect(response.status).toBe(422);
  });

  it("an override reason that is too short is 422, and the no-go still holds", async () => {
    const id = idOf(
      (await addInitiative(world.a.granted.id, { name: "Short reason", status: "pilot" })).body,
    );
    expect((await moveTo(id, { status: "scaled", override: { reason: "ok" } })).status).toBe(422);
    expect((await moveTo(id, { status: "scaled" })).status).toBe(409);
  });
});
