import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as startRoute from "@/app/api/v1/respond/[token]/start/route";
import { renderToStaticMarkup } from "react-dom/server";
import { StartsOverTime } from "@/components/assessments/starts-over-time";
import { getAssessmentProgress } from "@/lib/assessments/data";
import { createAssessment, createOpenLink, openAssessment } from "@/lib/assessments/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { limitOpenLinkStart, OPEN_LINK_START_LIMITS } from "@/lib/responses/limits";
import { apiRequest, isErrorJson, readResponse, routeParams } from "../fixtures/next-request";
import { buildWorld, freshOrganization, uniqueSuffix, type World } from "../fixtures/world";

// Issue 10, finding 7: anonymous starts on an open link are limited per link and client address.
// A room of 300 behind one address passes; a script beyond the bound gets 429 with Retry-After.
// Through the real route; the address is what scripts/server.mjs writes from the socket.

const ROOM = 300;
const TEN_MINUTES = 360;

let world: World;
let organizationId = "";

beforeAll(async () => {
  world = await buildWorld();
  organizationId = (await freshOrganization(world.a, "Open link limits")).id;
});
afterAll(async () => {
  await disconnectDb();
});

async function openRound(): Promise<{ id: string; token: string }> {
  const ctx = world.a.consultant.ctx;
  const assessment = await createAssessment(ctx, organizationId, {
    name: `Open link ${uniqueSuffix()}`,
  });
  await openAssessment(ctx, assessment.id);
  const link = await createOpenLink(ctx, assessment.id);
  return { id: assessment.id, token: link.token };
}

function start(token: string, address: string, forwardedFor?: string) {
  return startRoute.POST(
    apiRequest(`/api/v1/respond/${token}/start`, {
      method: "POST",
      body: { role: "business" },
      headers: {
        "x-gapmap-client-address": address,
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
    }),
    routeParams({ token }),
  );
}

const respondents = (assessmentId: string) => getDb().response.count({ where: { assessmentId } });

describe("starts on an open link are limited per link and address", () => {
  it(`a room of ${ROOM} behind one address starts; beyond ${TEN_MINUTES} in 10 minutes, 429 with Retry-After`, async () => {
    const round = await openRound();
    const venue = "203.0.113.50";
    const statuses: number[] = [];
    // A forged X-Forwarded-For per request changes nothing: it is not read without TRUST_PROXY.
    for (let i = 0; i < ROOM; i++)
      statuses.push((await start(round.token, venue, `10.1.${i % 250}.${i % 7}`)).status);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);

    for (let i = ROOM; i < TEN_MINUTES; i++)
      expect((await start(round.token, venue)).status).toBe(201);
    const refused = await start(round.token, venue, "198.51.100.99");
    const { status, body } = await readResponse(refused);
    expect(status).toBe(429);
    expect(isErrorJson(body) && body.error.code).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    for (let i = 0; i < 20; i++) expect((await start(round.token, venue)).status).toBe(429);
    expect(await respondents(round.id)).toBe(TEN_MINUTES);

    // Someone elsewhere still starts on this link, and the venue on another round's link.
    expect((await start(round.token, "192.0.2.77")).status).toBe(201);
    expect((await start((await openRound()).token, venue)).status).toBe(201);

    // The round page shows the burst: starts per 10 minutes, read with the member's context.
    const { startsOverTime } = await getAssessmentProgress(world.a.consultant.ctx, round.id);
    expect(startsOverTime.total).toBe(TEN_MINUTES + 1);
    expect(startsOverTime.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(TEN_MINUTES + 1);
    expect(startsOverTime.busiest!.count).toBeGreaterThanOrEqual((TEN_MINUTES + 1) / 2);
    const text = renderToStaticMarkup(StartsOverTime({ starts: startsOverTime }));
    expect(text).toContain(`Busiest 10 minutes: ${startsOverTime.busiest!.count} starts`);
    expect(text).toContain("<caption");
  });

  it("unknown tokens leave no counters behind", async () => {
    const before = await getDb().rateLimit.count({ where: { key: { startsWith: "open-link" } } });
    for (let i = 0; i < 5; i++) {
      const token = `gmr_${uniqueSuffix()}${uniqueSuffix()}${uniqueSuffix()}`;
      expect((await start(token, "203.0.113.51")).status).toBe(404);
    }
    expect(await getDb().rateLimit.count({ where: { key: { startsWith: "open-link" } } })).toBe(
      before,
    );
  });

  it("one address gets at most 1,000 starts on a link per day, however they are spread", async () => {
    const round = await openRound();
    const address = "203.0.113.52";
    const [tenMinutes, day] = OPEN_LINK_START_LIMITS;
    const dayStart = Date.now();
    let allowed = 0;
    let refusal: unknown;
    // Full ten-minute windows, one after another, as a patient script would send them.
    for (let window = 0; window < 4 && refusal === undefined; window++) {
      const at = new Date(dayStart + window * (tenMinutes.windowMs + 1000));
      for (let i = 0; i < tenMinutes.max; i++) {
        try {
          await limitOpenLinkStart(round.token, address, at);
          allowed++;
        } catch (error) {
          refusal = error;
          break;
        }
      }
    }
    expect(allowed).toBe(day.max);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal instanceof AppError && refusal.code).toBe("rate_limited");
    // Retry-After points at the end of the day window, not of the ten minutes.
    expect(refusal instanceof AppError && refusal.retryAfterSeconds).toBeGreaterThan(600);
  });
});
