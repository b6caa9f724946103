import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OrganizationsPage from "@/app/(app)/organizations/page";
import * as roundsRoute from "@/app/api/v1/organizations/[id]/assessments/route";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import { createAssessment } from "@/lib/assessments/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import { createOrganization } from "@/lib/organizations/mutations";
import {
  actAs,
  apiRequest,
  isErrorJson,
  readResponse,
  routeParams,
  settle,
  type Credentials,
} from "../fixtures/next-request";
import { buildWorld, uniqueSuffix, type World } from "../fixtures/world";

// A list cursor is the caller's own position in the caller's own list: another workspace's id
// must be indistinguishable from an id that never existed (finding: a foreign organisation id
// as `cursor` positioned A's list after B's row, so renaming A's rows recovered B's names).

let world: World;
/** A third workspace, only for the paging tests: its lists hold exactly what they create. */
let pager: World["a"];
let foreignRoundId: string;

beforeAll(async () => {
  world = await buildWorld();
  pager = (await buildWorld()).a;
  const round = await createAssessment(world.b.owner.ctx, world.b.granted.id, { name: "B round" });
  foreignRoundId = round.id;
});
afterAll(async () => {
  await disconnectDb();
});

type Page = { data: { id: string; name: string }[]; nextCursor: string | null };

async function raw(response: Response): Promise<{ status: number; text: string }> {
  return { status: response.status, text: await response.text() };
}

const listOrganizations = (credentials: Credentials, query: string) =>
  organizationsRoute.GET(apiRequest(`/api/v1/organizations?${query}`, credentials));

const listRounds = (credentials: Credentials, organizationId: string, query: string) =>
  roundsRoute.GET(
    apiRequest(`/api/v1/organizations/${organizationId}/assessments?${query}`, credentials),
    routeParams({ id: organizationId }),
  );

/** Follows nextCursor to the end and returns every row seen, in order. */
async function pageThrough(
  fetchPage: (cursor: string | null) => Promise<Response>,
): Promise<{ id: string; name: string }[]> {
  const seen: { id: string; name: string }[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const { status, body } = await readResponse(await fetchPage(cursor));
    expect(status, JSON.stringify(body)).toBe(200);
    const page = body as Page;
    seen.push(...page.data.map(({ id, name }) => ({ id, name })));
    if (!page.nextCursor) return seen;
    expect(page.nextCursor).not.toContain(page.data.at(-1)?.id ?? "-");
    cursor = page.nextCursor;
  }
  throw new Error("the list never ended");
}

describe("list cursors are scoped to the caller", () => {
  it("the organisations list: a foreign id, an unknown id and garbage all give the same 400 invalid_cursor", async () => {
    const asA = { cookie: world.a.owner.cookie };
    const foreign = await raw(await listOrganizations(asA, `cursor=${world.b.granted.id}`));
    const unknown = await raw(await listOrganizations(asA, `cursor=c${uniqueSuffix()}0000000000`));
    const garbage = await raw(await listOrganizations(asA, "cursor=%F0%9F%92%A9"));
    expect(foreign.status).toBe(400);
    expect(foreign.text).toBe(unknown.text);
    expect(garbage).toEqual(foreign);
    const body = JSON.parse(foreign.text) as unknown;
    expect(isErrorJson(body) && body.error.code).toBe("invalid_cursor");
    expect(foreign.text).not.toContain(world.b.granted.id);
    // A's own row id is no cursor either: the cursor is what the API handed out, nothing else.
    const own = await raw(await listOrganizations(asA, `cursor=${world.a.granted.id}`));
    expect(own).toEqual(foreign);
  });

  it("the same, with an API token and with every sort", async () => {
    const asToken = { bearer: world.a.consultant.bearer };
    const answers = new Set<string>();
    for (const sort of ["name", "updated", "created"]) {
      for (const cursor of [world.b.notGranted.id, `c${uniqueSuffix()}0000000000`]) {
        const { status, text } = await raw(
          await listOrganizations(asToken, `sort=${sort}&cursor=${cursor}`),
        );
        expect(status).toBe(400);
        answers.add(text);
      }
    }
    expect(answers.size).toBe(1);
  });

  it("a cursor handed out for one sort is refused for another, the same way", async () => {
    const asA = { cookie: world.a.owner.cookie };
    const first = (await readResponse(await listOrganizations(asA, "sort=updated&limit=1")))
      .body as Page;
    expect(first.nextCursor).toBeTruthy();
    const crossed = await raw(
      await listOrganizations(asA, `sort=name&cursor=${first.nextCursor ?? ""}`),
    );
    const unknown = await raw(await listOrganizations(asA, `cursor=${world.b.granted.id}`));
    expect(crossed).toEqual(unknown);
  });

  it("the rounds list: a foreign round id and an unknown id give the same 400 invalid_cursor", async () => {
    const asA = { cookie: world.a.owner.cookie };
    await createAssessment(world.a.owner.ctx, world.a.granted.id, { name: "A round 1" });
    await createAssessment(world.a.owner.ctx, world.a.granted.id, { name: "A round 2" });
    const foreign = await raw(
      await listRounds(asA, world.a.granted.id, `limit=1&cursor=${foreignRoundId}`),
    );
    const unknown = await raw(
      await listRounds(asA, world.a.granted.id, `limit=1&cursor=c${uniqueSuffix()}0000000000`),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.text).toBe(unknown.text);
    const body = JSON.parse(foreign.text) as unknown;
    expect(isErrorJson(body) && body.error.code).toBe("invalid_cursor");
  });
});

describe("paging through returns every row exactly once", () => {
  it("organisations by name, by last update and by creation, with equal timestamps", async () => {
    const credentials = { cookie: pager.owner.cookie };
    const suffix = uniqueSuffix();
    const names = [
      "alpha",
      "Alpha two",
      "beta",
      "Beta",
      "gamma",
      "Zeta",
      "zz",
      "Ärger",
      "0 numbers",
      "_under",
    ];
    for (const name of names) {
      try {
        await createOrganization(pager.owner.ctx, { name: `${name} ${suffix}` });
      } catch {
        // "Beta" after "beta" is a duplicate name (case-insensitive): refused, as it should be.
      }
    }
    // Ties on the sort key: the id must order them, or a page boundary drops or repeats a row.
    const tie = new Date("2030-01-01T00:00:00.000Z");
    await getDb().organization.updateMany({
      where: { workspaceId: pager.id },
      data: { updatedAt: tie, createdAt: tie },
    });
    const all = await getDb().organization.findMany({
      where: { workspaceId: pager.id },
      select: { id: true },
    });
    expect(all.length).toBeGreaterThan(8);

    for (const sort of ["name", "updated", "created"]) {
      for (const limit of [1, 2, 3, 100]) {
        const seen = await pageThrough((cursor) =>
          listOrganizations(
            credentials,
            `sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
          ),
        );
        expect(seen.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
        expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
        // The same order as one page holding everything.
        const whole = await readResponse(
          await listOrganizations(credentials, `sort=${sort}&limit=100`),
        );
        expect(seen.map((r) => r.id)).toEqual((whole.body as Page).data.map((r) => r.id));
      }
    }
  });

  it("rounds, newest first, with equal creation times", async () => {
    const credentials = { cookie: pager.owner.cookie };
    const organization = await createOrganization(pager.owner.ctx, {
      name: `Rounds ${uniqueSuffix()}`,
    });
    for (let i = 0; i < 7; i++) {
      await createAssessment(pager.owner.ctx, organization.id, { name: `Round ${i}` });
    }
    const rounds = await getDb().assessment.findMany({
      where: { organizationId: organization.id },
      select: { id: true },
    });
    // Four share one creation time.
    await getDb().assessment.updateMany({
      where: { id: { in: rounds.slice(0, 4).map((r) => r.id) } },
      data: { createdAt: new Date("2030-01-01T00:00:00.000Z") },
    });
    for (const limit of [1, 2, 3, 100]) {
      const seen = await pageThrough((cursor) =>
        listRounds(
          credentials,
          organization.id,
          `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        ),
      );
      expect(seen.map((r) => r.id).sort()).toEqual(rounds.map((r) => r.id).sort());
      expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    }
  });
});

/** Every string a rendered element tree carries (text and props): what the page would show. */
function textOf(node: unknown, seen = new Set<unknown>(), out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (typeof node === "object" && node !== null && !seen.has(node)) {
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (!key.startsWith("_")) textOf(value, seen, out);
    }
  }
  return out;
}

describe("the organisations page with a cursor it did not hand out", () => {
  it("shows the first page, the same for a foreign id, an unknown id and garbage", async () => {
    actAs(world.a.owner.cookie);
    const shown: string[] = [];
    for (const cursor of [
      world.b.granted.id,
      `c${uniqueSuffix()}0000000000`,
      "%%",
      "x".repeat(5000),
    ]) {
      let element: unknown;
      const outcome = await settle(async () => {
        element = await OrganizationsPage({ searchParams: Promise.resolve({ cursor }) });
      });
      expect(outcome.kind).toBe("state");
      const text = textOf(element).join("\n");
      expect(text).toContain(world.a.granted.name);
      expect(text).not.toContain(world.b.granted.name);
      shown.push(text);
    }
    expect(new Set(shown).size).toBe(1);
  });
});

/** A cursor in this list's shape whose key or id is text no database stores. */
function unstorableCursors(list: string, key?: string): string[] {
  const encode = (payload: string) => Buffer.from(payload, "utf8").toString("base64url");
  // JSON escapes survive base64 as escapes: JSON.parse makes a lone surrogate or a NUL of them.
  const keys = key === undefined ? ["\\ud800", "a\\u0000b"] : [];
  return [
    ...keys.map((bad) => encode(`["${list}","${bad}","x"]`)),
    encode(`["${list}","${key ?? "a"}","\\u0000"]`),
    encode(`["${list}","${key ?? "a"}","\\udc00"]`),
  ];
}

describe("a cursor holding text no database stores", () => {
  it("the organisations list: 400 invalid_cursor, like any other bad cursor", async () => {
    const asA = { cookie: world.a.owner.cookie };
    const garbage = await raw(await listOrganizations(asA, "cursor=%%"));
    for (const cursor of unstorableCursors("organizations.name")) {
      const answer = await raw(await listOrganizations(asA, `cursor=${cursor}`));
      expect(answer).toEqual(garbage);
    }
  });

  it("the rounds list: 400 invalid_cursor", async () => {
    const asA = { cookie: world.a.owner.cookie };
    for (const cursor of unstorableCursors("assessments.created", "2030-01-01T00:00:00.000Z")) {
      const { status, body } = await readResponse(
        await listRounds(asA, world.a.granted.id, `cursor=${cursor}`),
      );
      expect(status).toBe(400);
      expect(isErrorJson(body) && body.error.code).toBe("invalid_cursor");
    }
  });

  it("the organisations page shows the first page", async () => {
    actAs(world.a.owner.cookie);
    for (const cursor of unstorableCursors("organizations.name")) {
      let element: unknown;
      const outcome = await settle(async () => {
        element = await OrganizationsPage({ searchParams: Promise.resolve({ cursor }) });
      });
      expect(outcome.kind).toBe("state");
      expect(textOf(element).join("\n")).toContain(world.a.granted.name);
    }
  });
});
