import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as organizationRoute from "@/app/api/v1/organizations/[id]/route";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import * as answersRoute from "@/app/api/v1/respond/[token]/answers/route";
import * as startRoute from "@/app/api/v1/respond/[token]/start/route";

import { hashSecretToken } from "@/lib/auth/secret-token";
import { disconnectDb, getDb } from "@/lib/db";

import {
  apiRequest,
  BASE_URL,
  isErrorJson,
  readResponse,
  routeParams,
  type RequestOptions,
} from "../fixtures/next-request";
import { openRoundWithLinks } from "../fixtures/open-round";
import { buildWorld, uniqueSuffix, type World } from "../fixtures/world";

// A page on another site could make a signed-in browser POST to the REST API with its session
// cookie: `Content-Type: text/plain` needs no CORS preflight, and the body was read as JSON anyway,
// so an organisation was created. Only SameSite=Lax stood in the way. Now JSON bodies must say
// so (415), and a cookie-authenticated write that a browser marks cross-site is 403. API tokens
// are not sent by browsers on their own, so token requests are unaffected.

let world: World;
let respondentToken: string;
let openToken: string;
let question: string;

beforeAll(async () => {
  world = await buildWorld();
  ({ respondentToken, openToken, question } = await openRoundWithLinks(
    world.a.owner.ctx,
    world.a.granted.id,
    "X",
  ));
});
afterAll(async () => {
  await disconnectDb();
});

const EVIL = "http://evil.example";

async function create(
  options: RequestOptions,
): Promise<{ status: number; code?: string; name: string }> {
  const name = `Cross ${uniqueSuffix()}`;
  const { status, body } = await readResponse(
    await organizationsRoute.POST(
      apiRequest("/api/v1/organizations", { method: "POST", body: { name }, ...options }),
    ),
  );
  return { status, code: isErrorJson(body) ? body.error.code : undefined, name };
}

const count = (name: string) => getDb().organization.count({ where: { name } });

describe("REST writes with the session cookie", () => {
  it("a text/plain POST from another site (the finding) is refused and creates nothing", async () => {
    const name = `Evil ${uniqueSuffix()}`;
    const response = await organizationsRoute.POST(
      apiRequest("/api/v1/organizations", {
        cookie: world.a.owner.cookie,
        body: JSON.stringify({ name }),
        headers: { "content-type": "text/plain", origin: EVIL },
      }),
    );
    expect(response.status).toBe(403);
    expect(await count(name)).toBe(0);
  });

  it("a JSON write whose Origin is another site is 403 forbidden, on POST, PATCH and DELETE", async () => {
    const cookie = world.a.owner.cookie;
    for (const origin of [EVIL, "null", "http://localhost:3001", "https://localhost:3000"]) {
      const refused = await create({ cookie, headers: { origin } });
      expect(refused).toMatchObject({ status: 403, code: "forbidden" });
      expect(await count(refused.name)).toBe(0);
    }
    const id = world.a.granted.id;
    const patch = await organizationRoute.PATCH(
      apiRequest(`/api/v1/organizations/${id}`, {
        cookie,
        method: "PATCH",
        body: { notes: "from evil" },
        headers: { origin: EVIL },
      }),
      routeParams({ id }),
    );
    expect(patch.status).toBe(403);
    const del = await organizationRoute.DELETE(
      apiRequest(`/api/v1/organizations/${id}`, {
        cookie,
        method: "DELETE",
        body: { confirmation: world.a.granted.name },
        headers: { origin: EVIL },
      }),
      routeParams({ id }),
    );
    expect(del.status).toBe(403);
    expect(await getDb().organization.findUnique({ where: { id } })).toMatchObject({
      notes: world.a.granted.notes,
    });
  });

  it("Sec-Fetch-Site: cross-site is 403 even without an Origin", async () => {
    const refused = await create({
      cookie: world.a.owner.cookie,
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(refused).toMatchObject({ status: 403, code: "forbidden" });
    expect(await count(refused.name)).toBe(0);
  });

  it("the app's own origin, same-origin fetch metadata, and a client without Origin still write", async () => {
    const cookie = world.a.owner.cookie;
    const cases: Record<string, string>[] = [
      { origin: BASE_URL, "sec-fetch-site": "same-origin" },
      { origin: new URL(BASE_URL).origin },
      {},
      { "sec-fetch-site": "none" },
    ];
    for (const headers of cases) {
      const made = await create({ cookie, headers });
      expect(made.status).toBe(201);
      expect(await count(made.name)).toBe(1);
    }
  });

  it("reads are not affected: a cross-site GET with the cookie still answers", async () => {
    const response = await organizationsRoute.GET(
      apiRequest("/api/v1/organizations", {
        cookie: world.a.owner.cookie,
        headers: { origin: EVIL, "sec-fetch-site": "cross-site" },
      }),
    );
    expect(response.status).toBe(200);
  });
});

describe("REST writes with an API token", () => {
  it("are not affected by Origin or fetch metadata", async () => {
    const made = await create({
      bearer: world.a.owner.bearer,
      headers: { origin: EVIL, "sec-fetch-site": "cross-site" },
    });
    expect(made.status).toBe(201);
    expect(await count(made.name)).toBe(1);
  });
});

describe("JSON bodies must be sent as JSON", () => {
  it("any other content type is 415 unsupported_media_type, with the cookie or a token", async () => {
    for (const credentials of [
      { cookie: world.a.owner.cookie },
      { bearer: world.a.owner.bearer },
    ]) {
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
        "application/jsonp",
      ]) {
        const name = `Typed ${uniqueSuffix()}`;
        const headers = new Headers({ "content-type": type });
        const { status, body } = await readResponse(
          await organizationsRoute.POST(
            apiRequest("/api/v1/organizations", {
              ...credentials,
              body: JSON.stringify({ name }),
              headers: Object.fromEntries(headers),
            }),
          ),
        );
        expect(status, type).toBe(415);
        expect(isErrorJson(body) && body.error.code).toBe("unsupported_media_type");
        expect(await count(name)).toBe(0);
      }
    }
  });

  it("application/json with a charset, in any case, is JSON", async () => {
    for (const type of ["application/json; charset=utf-8", "Application/JSON"]) {
      const made = await create({
        cookie: world.a.owner.cookie,
        headers: { "content-type": type },
      });
      expect(made.status, type).toBe(201);
    }
  });

  it("the respondent's routes take JSON only too", async () => {
    const body = JSON.stringify({ answers: { [question]: 3 } });
    const put = (type: string) =>
      answersRoute.PUT(
        apiRequest(`/api/v1/respond/${respondentToken}/answers`, {
          method: "PUT",
          body,
          headers: { "content-type": type },
        }),
        routeParams({ token: respondentToken }),
      );
    expect((await put("text/plain")).status).toBe(415);
    const saved = () =>
      getDb().answer.count({
        where: { response: { invitation: { tokenHash: hashSecretToken(respondentToken) } } },
      });
    expect(await saved()).toBe(0);
    expect((await put("application/json")).status).toBe(200);
    expect(await saved()).toBe(1);
    const start = await startRoute.POST(
      apiRequest(`/api/v1/respond/${openToken}/start`, {
        body: JSON.stringify({ role: "business" }),
        headers: { "content-type": "text/plain" },
      }),
      routeParams({ token: openToken }),
    );
    expect(start.status).toBe(415);
  });
});
