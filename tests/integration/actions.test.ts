import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as organizationActionsRoute from "@/app/api/v1/organizations/[id]/actions/route";
import * as actionRoute from "@/app/api/v1/actions/[id]/route";
import { disconnectDb, getDb } from "@/lib/db";
import { findFramework, latestFrameworkVersion } from "@/lib/framework";
import { isOverdue } from "@/lib/actions/overdue";
import { apiRequest, readResponse, routeParams, type Credentials } from "../fixtures/next-request";
import { buildWorld, freshOrganization, type World } from "../fixtures/world";

type Json = Record<string, unknown>;
let world: World;

const recommendation = findFramework(latestFrameworkVersion)!.recommendations[0]!;
const dimension = findFramework(latestFrameworkVersion)!.dimensions[0]!.id;

async function create(organizationId: string, body: unknown, who: Credentials) {
  return readResponse(
    await organizationActionsRoute.POST(
      apiRequest(`/api/v1/organizations/${organizationId}/actions`, { ...who, body }),
      routeParams({ id: organizationId }),
    ),
  );
}

async function patch(id: string, body: unknown, who: Credentials) {
  return readResponse(
    await actionRoute.PATCH(
      apiRequest(`/api/v1/actions/${id}`, { ...who, method: "PATCH", body }),
      routeParams({ id }),
    ),
  );
}

async function list(organizationId: string, who: Credentials) {
  return readResponse(
    await organizationActionsRoute.GET(
      apiRequest(`/api/v1/organizations/${organizationId}/actions`, who),
      routeParams({ id: organizationId }),
    ),
  );
}

describe("actions through the REST API", () => {
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(async () => {
    await disconnectDb();
  });

  it("a recommendation becomes an action with an owner, a due date, its dimension and its id", async () => {
    const consultant = { bearer: world.a.consultant.bearer };
    const { status, body } = await create(
      world.a.granted.id,
      {
        title: recommendation.title,
        recommendationId: recommendation.id,
        dimension,
        dueDate: "2027-03-31",
        owner: { kind: "member", memberId: world.a.consultant.memberId },
      },
      consultant,
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      title: recommendation.title,
      recommendationId: recommendation.id,
      dimension,
      dueDate: "2027-03-31T00:00:00.000Z",
      status: "open",
      owner: { kind: "member", memberId: world.a.consultant.memberId },
    });
  });

  it("an open action past its due date is overdue; a done one is not, and records when it was done", async () => {
    const consultant = { bearer: world.a.consultant.bearer };
    const organization = await freshOrganization(world.a, "Overdue org");
    const late = await create(
      organization.id,
      {
        title: "Name the owner",
        dueDate: "2020-01-31",
        owner: { kind: "person", name: "Ann", role: "COO" },
      },
      consultant,
    );
    const id = String((late.body as Json).id);
    expect((late.body as Json).overdue).toBe(true);
    const done = await patch(id, { status: "done" }, consultant);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "done", overdue: false });
    expect(typeof (done.body as Json).completedAt).toBe("string");
    const page = await list(organization.id, consultant);
    expect(((page.body as Json).data as Json[]).map((a) => a.status)).toEqual(["done"]);
    const audited = await getDb().auditEvent.count({
      where: { targetId: id, action: { in: ["action.created", "action.updated"] } },
    });
    expect(audited).toBe(2);
  });

  it("the due day itself is not overdue; the day after is", () => {
    const dueDate = new Date("2027-03-31T00:00:00.000Z");
    expect(isOverdue({ status: "open", dueDate }, new Date("2027-03-31T23:59:00.000Z"))).toBe(
      false,
    );
    expect(
      isOverdue({ status: "in_progress", dueDate }, new Date("2027-04-01T00:00:00.000Z")),
    ).toBe(true);
    expect(isOverdue({ status: "dropped", dueDate }, new Date("2028-01-01T00:00:00.000Z"))).toBe(
      false,
    );
  });

  it("another workspace's actions are 404; an executive reads a granted organisation's and is 403 on writes", async () => {
    const other = await freshOrganization(world.b, "Other actions org");
    const theirs = await create(other.id, { title: "Theirs" }, { bearer: world.b.owner.bearer });
    const id = String((theirs.body as Json).id);
    const owner = { bearer: world.a.owner.bearer };
    expect((await list(other.id, owner)).status).toBe(404);
    expect((await create(other.id, { title: "Mine" }, owner)).status).toBe(404);
    expect((await patch(id, { status: "done" }, owner)).status).toBe(404);
    const row = await getDb().action.findUniqueOrThrow({ where: { id }, select: { status: true } });
    expect(row.status).toBe("open");

    const executive = { bearer: world.a.executive.bearer };
    expect((await list(world.a.granted.id, executive)).status).toBe(200);
    expect((await list(world.a.notGranted.id, executive)).status).toBe(404);
    expect((await create(world.a.granted.id, { title: "Exec" }, executive)).status).toBe(403);
  });

  it.each([
    ["no title", { title: "" }],
    ["an unknown recommendation", { title: "X", recommendationId: "rec.nope.nope" }],
    ["an unknown dimension", { title: "X", dimension: "astrology" }],
    ["a bad due date", { title: "X", dueDate: "31/03/2027" }],
    ["an unknown status", { title: "X", status: "blocked" }],
    ["a foreign member as owner", { title: "X", owner: { kind: "member", memberId: "nobody" } }],
  ])("bad input (%s) is 422, never 500", async (_label, body) => {
    const { status } = await create(world.a.granted.id, body, { bearer: world.a.owner.bearer });
    expect(status).toBe(422);
  });
});
