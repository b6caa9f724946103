import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as answersRoute from "@/app/api/v1/respond/[token]/answers/route";
import * as respondRoute from "@/app/api/v1/respond/[token]/route";
import * as startRoute from "@/app/api/v1/respond/[token]/start/route";
import * as submitRoute from "@/app/api/v1/respond/[token]/submit/route";
import {
  createAssessment,
  createInvitations,
  createOpenLink,
  openAssessment,
} from "@/lib/assessments/mutations";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { disconnectDb, getDb } from "@/lib/db";
import { getFramework, latestFrameworkVersion } from "@/lib/framework";
import { saveAnswers } from "@/lib/responses/mutations";
import { questionsFor } from "@/lib/responses/data";
import { BASE_URL, isErrorJson, routeParams } from "../fixtures/next-request";
import { buildWorld, freshOrganization, uniqueSuffix, type World } from "../fixtures/world";

// Random and malformed input to every respondent endpoint, through the real route handlers:
// whatever arrives, the answer is one of the statuses the API documents (never a 500), every
// error is the JSON error shape, and the answers saved before the run are exactly as they were.

const NUM_RUNS = 150;
// 415: a body not sent as `application/json` (lib/api/http.ts readJson).
const ALLOWED = new Set([200, 201, 400, 404, 409, 413, 415, 422]);

type Handler = (
  request: Request,
  route: { params: Promise<Record<string, string>> },
) => Promise<Response>;

let world: World;
let assessmentId = "";
/** A respondent whose answers are saved before the fuzzing starts and must survive it. */
let keeper = "";
let openToken = "";
const framework = getFramework(latestFrameworkVersion);
const business = questionsFor(framework, "business").flatMap((s) => s.questions);
const questionIds = business.map((q) => q.id);

const savedRows = () =>
  getDb().answer.findMany({
    where: { response: { assessmentId } },
    orderBy: [{ responseId: "asc" }, { questionId: "asc" }],
    select: { id: true, responseId: true, questionId: true, value: true, comment: true },
  });
let before: Awaited<ReturnType<typeof savedRows>> = [];

beforeAll(async () => {
  world = await buildWorld();
  const ctx = world.a.consultant.ctx;
  const organization = await freshOrganization(world.a, "Fuzzed");
  const assessment = await createAssessment(ctx, organization.id, {
    name: `Fuzz ${uniqueSuffix()}`,
  });
  assessmentId = assessment.id;
  const links = await createInvitations(ctx, assessmentId, {
    invitations: [{ role: "business" }, { role: "technical" }],
  });
  await openAssessment(ctx, assessmentId);
  keeper = links[0]!.token;
  await saveAnswers(keeper, {
    answers: { [questionIds[0]!]: 3, [questionIds[1]!]: "dont_know", [questionIds[2]!]: 0 },
    comments: { [questionIds[0]!]: "Saved before the fuzzing" },
  });
  const technical = questionsFor(framework, "technical").flatMap((s) => s.questions);
  await saveAnswers(links[1]!.token, { answers: { [technical[0]!.id]: 4 } });
  openToken = (await createOpenLink(ctx, assessmentId)).token;
  before = await savedRows();
  expect(before).toHaveLength(4);
});
afterAll(async () => {
  await disconnectDb();
});

// ---- Generators ------------------------------------------------------------------------------

/** Header-safe text (what a client could actually put in a header). */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      "application/json",
      "application/json; charset=utf-16",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=----x",
      "application/octet-stream",
      "",
    ),
    headerText,
  ),
  { nil: undefined },
);

const idempotencyKey = fc.option(
  fc.oneof(
    headerText,
    fc.constantFrom("", " ", "k".repeat(200), "k".repeat(201), "null", "undefined", "../../x"),
  ),
  { nil: undefined },
);

const realQuestionId = fc.constantFrom(...questionIds);
const anyQuestionId = fc.oneof(
  realQuestionId,
  fc.string({ maxLength: 120 }),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", ""),
);
/** Never a valid answer value, so no generated body can change a saved answer. */
const invalidValue = fc
  .oneof(
    fc.integer().filter((n) => n < 0 || n > 4),
    fc.double().filter((n) => !Number.isInteger(n) || n < 0 || n > 4),
    fc.string().filter((s) => s !== "dont_know" && s !== "not_applicable"),
    fc.constantFrom(null, true, false, "3", "Dont_know", "NOT_APPLICABLE", [], {}, [3]),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .filter(
    (v) =>
      !(typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 4) &&
      v !== "dont_know" &&
      v !== "not_applicable",
  );

/** Objects shaped like the real body, each with at least one wrong entry. */
const nearlyValid = fc
  .record({
    answers: fc.dictionary(anyQuestionId, invalidValue, { minKeys: 1, maxKeys: 8 }),
    comments: fc.option(fc.dictionary(anyQuestionId, fc.jsonValue({ maxDepth: 2 })), {
      nil: undefined,
    }),
    extra: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  })
  .map(({ answers, comments, extra }) => ({
    answers,
    ...(comments === undefined ? {} : { comments }),
    ...(extra === undefined ? {} : { extra }),
  }));

/** Right ids and values under a wrong key, or right keys holding the wrong type. */
const wrongTypes = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((answers) => ({ answers })),
  realQuestionId.map((id) => ({ Answers: { [id]: 2 } })),
  realQuestionId.map((id) => ({ answers: { [id]: 2 }, comments: { [id]: 5 } })),
  realQuestionId.map((id) => ({ answers: [[id, 2]] })),
  realQuestionId.map((id) => ({ answers: { [id]: 2 }, comments: "all good" })),
);

const protoPollution = fc.constantFrom(
  '{"__proto__": {"answers": {}}, "answers": {"__proto__": 3}}',
  '{"answers": {"__proto__": {"polluted": true}}}',
  '{"answers": {"constructor": {"prototype": {"polluted": true}}}}',
  '{"constructor": {"prototype": {"polluted": true}}, "answers": {"x": 1}}',
  '{"answers": {"toString": 2, "hasOwnProperty": 1, "valueOf": 0}}',
  '{"answers": {"x": 1}, "comments": {"__proto__": "x"}}',
  '{"__proto__": null}',
  '{"answers": {"__proto__": null}}',
);

const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(([depth, asObject]) =>
    asObject
      ? `${'{"answers":'.repeat(depth)}1${"}".repeat(depth)}`
      : `{"answers": ${"[".repeat(depth)}${"]".repeat(depth)}}`,
  );

const huge = fc
  .tuple(fc.integer({ min: 60_000, max: 90_000 }), fc.constantFrom("x", "é", "\u{1F600}", "\\"))
  .map(([n, c]) =>
    JSON.stringify({ answers: {}, comments: { [questionIds[0]!]: c.repeat(n / c.length) } }),
  );

/** Byte soup: invalid UTF-8, BOMs, NULs, truncated JSON. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.constantFrom(
    new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
    new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
    new Uint8Array([0x7b, 0x00, 0x7d]),
  ),
);

type Body = string | Uint8Array | undefined;
const bodies: fc.Arbitrary<Body> = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 100 }).map((s) => JSON.stringify({ answers: { [s]: s } })),
  nearlyValid.map((b) => JSON.stringify(b)),
  wrongTypes.map((b) => JSON.stringify(b)),
  protoPollution,
  deepNesting,
  huge,
  bytes,
  fc.constantFrom(undefined, "", " ", "null", "[]", "{", '{"answers": {}', "{'answers': {}}"),
);

const tokens = fc.oneof(
  fc.string({ maxLength: 250 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "..",
    "../..",
    "../../assessments",
    "%2e%2e%2f%2e%2e",
    "..%2F..%2Fetc%2Fpasswd",
    "/etc/passwd",
    "\\..\\..",
    "gmr_",
    "null",
    "undefined",
    "__proto__",
  ),
  fc
    .tuple(fc.nat(60), fc.string({ minLength: 1, maxLength: 3 }))
    .map(
      ([at, s]) =>
        (t: string) =>
          t.slice(0, at) + s + t.slice(at),
    )
    .map((mutate) => ({ mutate })),
);

// ---- Sending ---------------------------------------------------------------------------------

type Sent = { status: number; body: unknown; text: string };

async function send(
  handler: Handler,
  method: string,
  token: string,
  suffix: string,
  options: { body?: Body; contentType?: string; idempotencyKey?: string } = {},
): Promise<Sent | null> {
  const headers = new Headers();
  let request: NextRequest;
  try {
    if (options.contentType !== undefined) headers.set("content-type", options.contentType);
    if (options.idempotencyKey !== undefined)
      headers.set("idempotency-key", options.idempotencyKey);
    request = new NextRequest(
      new URL(`/api/v1/respond/${encodeURIComponent(token)}${suffix}`, BASE_URL),
      {
        method,
        headers,
        // A copy on a plain ArrayBuffer, which is what BodyInit takes.
        body: options.body instanceof Uint8Array ? new Uint8Array(options.body) : options.body,
      },
    );
  } catch {
    // Not a request any client could send (the header or URL cannot be built): nothing to test.
    return null;
  }
  const response = await handler(request, routeParams({ token }));
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    // Checked below: every answer must be JSON.
  }
  return { status: response.status, body, text };
}

function expectDocumented(sent: Sent | null): void {
  if (!sent) return;
  expect(ALLOWED.has(sent.status), `status ${sent.status}: ${sent.text.slice(0, 300)}`).toBe(true);
  expect(sent.body, sent.text.slice(0, 300)).toBeDefined();
  if (sent.status >= 400) {
    expect(isErrorJson(sent.body), sent.text.slice(0, 300)).toBe(true);
    expect(sent.text).not.toMatch(/\bat .+:\d+:\d+|prisma|sqlite|postgres/i);
  } else {
    expect(typeof sent.body).toBe("object");
  }
}

function resolveToken(token: string | { mutate: (t: string) => string }, real: string): string {
  return typeof token === "string" ? token : token.mutate(real);
}

async function expectSavedIntact(): Promise<void> {
  expect(await savedRows()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty("polluted");
}

// ---- Properties ------------------------------------------------------------------------------

describe("respondent endpoints under random input", () => {
  it("PUT answers: random bodies and content types on a real link never 500 and change no saved answer", async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(bodies, contentType, async (body, type) => {
        const sent = await send(answersRoute.PUT, "PUT", keeper, "/answers", {
          body,
          contentType: type,
        });
        expectDocumented(sent);
        if (sent) seen.add(sent.status);
      }),
      { numRuns: NUM_RUNS },
    );
    // The generators reach each kind of refusal, not just one of them.
    expect([...seen].sort()).toEqual(expect.arrayContaining([400, 413, 422]));
    await expectSavedIntact();
  });

  it("PUT answers: random and mangled tokens are 404 (or a documented status), never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(tokens, bodies, async (token, body) => {
        const sent = await send(answersRoute.PUT, "PUT", resolveToken(token, keeper), "/answers", {
          body,
        });
        expectDocumented(sent);
      }),
      { numRuns: NUM_RUNS },
    );
    await expectSavedIntact();
  });

  it("GET respond: random tokens never 500; a real token still shows the saved answers", async () => {
    await fc.assert(
      fc.asyncProperty(tokens, contentType, async (token, type) => {
        expectDocumented(
          await send(respondRoute.GET, "GET", resolveToken(token, keeper), "", {
            contentType: type,
          }),
        );
      }),
      { numRuns: NUM_RUNS },
    );
    const sent = await send(respondRoute.GET, "GET", keeper, "");
    expect(sent?.status).toBe(200);
    expect((sent?.body as { answers: unknown }).answers).toEqual({
      [questionIds[0]!]: 3,
      [questionIds[1]!]: "dont_know",
      [questionIds[2]!]: 0,
    });
  });

  it("POST start: random bodies and tokens on the open link never 500", async () => {
    const personalBefore = await getDb().assessmentInvitation.count({
      where: { assessmentId, kind: "personal" },
    });
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(openToken), tokens),
        fc.oneof(bodies, fc.constantFrom('{"role": "business"}', '{"role": "data"}')),
        contentType,
        async (token, body, type) => {
          const sent = await send(
            startRoute.POST,
            "POST",
            resolveToken(token, openToken),
            "/start",
            { body, contentType: type },
          );
          expectDocumented(sent);
          if (sent?.status === 201) created += 1;
        },
      ),
      { numRuns: NUM_RUNS },
    );
    // Only successful starts made respondents.
    expect(
      await getDb().assessmentInvitation.count({ where: { assessmentId, kind: "personal" } }),
    ).toBe(personalBefore + created);
    await expectSavedIntact();
  });

  it("POST submit: garbage Idempotency-Keys, bodies and tokens never 500, and submit at most once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(keeper), tokens),
        idempotencyKey,
        bodies,
        async (token, key, body) => {
          expectDocumented(
            await send(submitRoute.POST, "POST", resolveToken(token, keeper), "/submit", {
              idempotencyKey: key,
              body,
            }),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
    const keeperResponse = await getDb().response.findFirstOrThrow({
      where: { invitation: { tokenHash: hashSecretToken(keeper) } },
      select: { id: true },
    });
    // However many keys were tried, at most one of them recorded a submission.
    expect(
      await getDb().idempotencyRecord.count({ where: { scope: `submit:${keeperResponse.id}` } }),
    ).toBeLessThanOrEqual(1);
    await expectSavedIntact();
  });
});
