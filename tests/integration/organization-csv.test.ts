import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as actionsCsv from "@/app/(app)/organizations/[id]/actions.csv/route";
import * as initiativesCsv from "@/app/(app)/organizations/[id]/initiatives.csv/route";
import { createAction } from "@/lib/actions/mutations";
import { createInitiative } from "@/lib/initiatives/mutations";
import { disconnectDb } from "@/lib/db";
import { readCsv } from "../fixtures/csv";
import { apiRequest, routeParams, type Credentials } from "../fixtures/next-request";
import { buildWorld, freshOrganization, type World } from "../fixtures/world";

// The organisation page's CSV downloads are built when asked for, by route handlers that take the
// session cookie (or an API token): every action and initiative, scoped like the API.

let world: World;
let organizationId = "";

beforeAll(async () => {
  world = await buildWorld();
  const organization = await freshOrganization(world.a, "Downloads", { grantToExecutive: true });
  organizationId = organization.id;
  for (let i = 0; i < 3; i++) {
    await createAction(world.a.consultant.ctx, organizationId, {
      title: i === 0 ? '=HYPERLINK("http://evil.example")' : `Action ${i}`,
      owner: { kind: "person", name: "Rosa", role: "Head of operations" },
    });
  }
  await createInitiative(world.a.consultant.ctx, organizationId, {
    name: "Shipment ETA prediction",
    businessFunction: "Operations",
  });
});
afterAll(async () => {
  await disconnectDb();
});

async function download(route: typeof actionsCsv, file: string, id: string, who: Credentials) {
  return route.GET(apiRequest(`/organizations/${id}/${file}`, who), routeParams({ id }));
}

describe("the organisation page's CSV downloads", () => {
  it("the actions: every one, as an attachment, with formulas defused, on the session cookie", async () => {
    const response = await download(actionsCsv, "actions.csv", organizationId, {
      cookie: world.a.consultant.cookie,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"gapmap-actions.csv\"; filename*=UTF-8''gapmap-actions.csv",
    );
    const rows = readCsv(await response.text());
    expect(rows[0]?.[0]).toBe("title");
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '\'=HYPERLINK("http://evil.example")',
      "Action 1",
      "Action 2",
    ]);
  });

  it("the initiatives, for an executive granted the organisation", async () => {
    const response = await download(initiativesCsv, "initiatives.csv", organizationId, {
      cookie: world.a.executive.cookie,
    });
    expect(response.status).toBe(200);
    const rows = readCsv(await response.text());
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Shipment ETA prediction"]);
  });

  it("another workspace's caller, a signed-out browser, a bad token and an unknown id get no file", async () => {
    for (const route of [actionsCsv, initiativesCsv]) {
      const file = route === actionsCsv ? "actions.csv" : "initiatives.csv";
      const other = await download(route, file, organizationId, { cookie: world.b.owner.cookie });
      expect(other.status).toBe(404);
      // A signed-out browser is sent to sign in and back; a bad API token gets the JSON 401.
      const anonymous = await download(route, file, organizationId, {});
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get("location")).toBe(
        `/login?next=${encodeURIComponent(`/organizations/${organizationId}/${file}`)}`,
      );
      const badToken = await download(route, file, organizationId, { bearer: "gm_not-a-token" });
      expect(badToken.status).toBe(401);
      const unknown = await download(route, file, "no-such-id", { cookie: world.a.owner.cookie });
      expect(unknown.status).toBe(404);
    }
  });

  it("an executive not granted the organisation gets no file", async () => {
    const hidden = await download(actionsCsv, "actions.csv", world.a.notGranted.id, {
      cookie: world.a.executive.cookie,
    });
    expect(hidden.status).toBe(404);
  });
});
