import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeAssessmentAction,
  createAssessmentAction,
  revokeLinkAction,
} from "@/app/(app)/assessments/actions";
import * as organizationRoute from "@/app/api/v1/organizations/[id]/route";
import * as respondRoute from "@/app/api/v1/respond/[token]/route";
import * as workshopNextRoute from "@/app/api/v1/workshops/[id]/next/route";
import * as workshopStateRoute from "@/app/api/v1/workshops/[id]/state/route";
import { disconnectDb } from "@/lib/db";
import {
  actAs,
  apiRequest,
  isErrorJson,
  readResponse,
  routeParams,
  submit,
} from "../fixtures/next-request";
import { buildWorld, type World } from "../fixtures/world";

// An id in a path or a form is text the database is asked to match: a NUL (PostgreSQL refuses
// it: "invalid byte sequence 0x00") or a lone surrogate (no UTF-8 form; Prisma's JSON protocol
// fails on SQLite) made a lookup fail with a 500. Such an id names nothing: 404 on the API
// (proxy.ts answers first for a URL; the route wrapper for a handler called any other way), and
// a form error that says what is wrong.

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await disconnectDb();
});

const BAD_IDS = ["\u0000", "c\u0000x", "\ud800", "x\udfff"];

async function expect404(response: Response, what: string): Promise<void> {
  const { status, body } = await readResponse(response);
  expect(status, `${what}: ${JSON.stringify(body)}`).toBe(404);
  expect(isErrorJson(body) && body.error.code).toBe("not_found");
}

describe("a path id that is not storable text is 404 not_found", () => {
  it("withWorkspace, withRoom, the facilitator's actions and publicRoute", async () => {
    const asA = { cookie: world.a.owner.cookie };
    for (const id of BAD_IDS) {
      const path = encodeURIComponent(id.replace(/[\ud800-\udfff]/g, "?"));
      await expect404(
        await organizationRoute.GET(
          apiRequest(`/api/v1/organizations/${path}`, asA),
          routeParams({ id }),
        ),
        `organization ${JSON.stringify(id)}`,
      );
      await expect404(
        await workshopStateRoute.GET(
          apiRequest(`/api/v1/workshops/${path}/state`, asA),
          routeParams({ id }),
        ),
        `workshop state ${JSON.stringify(id)}`,
      );
      await expect404(
        await workshopStateRoute.GET(
          apiRequest(`/api/v1/workshops/${path}/state`, { authorization: "Bearer gmr_x" }),
          routeParams({ id }),
        ),
        `workshop state as a participant ${JSON.stringify(id)}`,
      );
      await expect404(
        await workshopNextRoute.POST(
          apiRequest(`/api/v1/workshops/${path}/next`, { ...asA, method: "POST" }),
          routeParams({ id }),
        ),
        `workshop next ${JSON.stringify(id)}`,
      );
      await expect404(
        await respondRoute.GET(apiRequest(`/api/v1/respond/${path}`), routeParams({ token: id })),
        `respond ${JSON.stringify(id)}`,
      );
    }
  });
});

// FormData values are USVStrings (a lone surrogate arrives as U+FFFD): a form can carry the NUL.
describe("a NUL in a form's id field never reaches the database", () => {
  it("is a validation error on that field", async () => {
    actAs(world.a.owner.cookie);
    const cases = [
      () => submit(createAssessmentAction, { organizationId: "c\u0000x", name: "Round" }),
      () => submit(closeAssessmentAction, { assessmentId: "\u0000" }),
      () => submit(revokeLinkAction, { assessmentId: "a\u0000", invitationId: "b" }),
    ];
    const fields = ["organizationId", "assessmentId", "assessmentId"];
    for (const [i, run] of cases.entries()) {
      const outcome = await run();
      expect(outcome.kind).toBe("state");
      if (outcome.kind !== "state" || outcome.state.status !== "error") {
        throw new Error(`expected an error state, got ${JSON.stringify(outcome)}`);
      }
      expect(outcome.state.code).toBe("validation_failed");
      expect(outcome.state.fields?.[fields[i] ?? ""]).toMatch(/character/i);
    }
  });
});
