import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { createAssessmentAction, inviteAction } from "@/app/(app)/assessments/actions";
import { createOrganizationAction } from "@/app/(app)/organizations/actions";
import { createInvitationAction, createTokenAction } from "@/app/(app)/settings/actions";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { acceptAsNewUserAction } from "@/app/invite/actions";
import * as invitationsRoute from "@/app/api/v1/assessments/[id]/invitations/route";
import * as roundsRoute from "@/app/api/v1/organizations/[id]/assessments/route";
import * as organizationRoute from "@/app/api/v1/organizations/[id]/route";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import * as answersRoute from "@/app/api/v1/respond/[token]/answers/route";
import * as startRoute from "@/app/api/v1/respond/[token]/start/route";
import { disconnectDb, getDb } from "@/lib/db";

import { createInvitation } from "@/lib/members/mutations";
import {
  actAs,
  apiRequest,
  isErrorJson,
  readResponse,
  routeParams,
  submit,
  type ActionOutcome,
} from "../fixtures/next-request";
import { openRoundWithLinks } from "../fixtures/open-round";
import { buildWorld, passwordFor, uniqueSuffix, type World } from "../fixtures/world";

// Text no database stores as given: a lone UTF-16 surrogate (`"\ud800"` in JSON) cannot be
// encoded as UTF-8, and PostgreSQL refuses U+0000 in text. Both reached Prisma and became 500s;
// every text field now refuses them with a 422 that says what is wrong.

let world: World;
let roundId: string;
let respondentToken: string;
let openToken: string;
let question: string;

beforeAll(async () => {
  world = await buildWorld();
  ({
    assessmentId: roundId,
    respondentToken,
    openToken,
    question,
  } = await openRoundWithLinks(world.a.owner.ctx, world.a.granted.id, "Text"));
});
afterAll(async () => {
  await disconnectDb();
});

const LONE = ["x\ud800", "\udfffx", "a\ud800b\udc00"];
const NUL = "nul\u0000inside";
const BAD = [...LONE, NUL];

async function expect422(response: Response, field?: string): Promise<void> {
  const { status, body } = await readResponse(response);
  expect(status, JSON.stringify(body)).toBe(422);
  expect(isErrorJson(body) && body.error.code).toBe("validation_failed");
  if (isErrorJson(body)) {
    expect(body.error.message).not.toMatch(/prisma|sqlite|postgres|invalid byte/i);
    if (field) expect(Object.keys(body.error.fields ?? {})).toContain(field);
  }
}

describe("REST: a lone surrogate or NUL in any text is 422, never a 500", () => {
  const asOwner = () => ({ cookie: world.a.owner.cookie });

  it("organisations: create, edit, delete confirmation", async () => {
    for (const bad of BAD) {
      for (const field of ["name", "sector", "region", "notes"]) {
        const body = { name: `Org ${uniqueSuffix()}`, [field]: bad };
        await expect422(
          await organizationsRoute.POST(
            apiRequest("/api/v1/organizations", { ...asOwner(), body }),
          ),
          field,
        );
        await expect422(
          await organizationRoute.PATCH(
            apiRequest(`/api/v1/organizations/${world.a.granted.id}`, {
              ...asOwner(),
              method: "PATCH",
              body: { [field]: bad },
            }),
            routeParams({ id: world.a.granted.id }),
          ),
          field,
        );
      }
      await expect422(
        await organizationRoute.DELETE(
          apiRequest(`/api/v1/organizations/${world.a.granted.id}`, {
            ...asOwner(),
            method: "DELETE",
            body: { confirmation: bad },
          }),
          routeParams({ id: world.a.granted.id }),
        ),
        "confirmation",
      );
    }
    expect(
      await getDb().organization.findUnique({ where: { id: world.a.granted.id } }),
    ).toMatchObject({ name: world.a.granted.name, notes: world.a.granted.notes });
  });

  it("the JSON body as sent (raw escapes), and in an object key", async () => {
    await expect422(
      await organizationsRoute.POST(
        apiRequest("/api/v1/organizations", { ...asOwner(), body: '{"name":"x\\ud800"}' }),
      ),
      "name",
    );
    await expect422(
      await organizationsRoute.POST(
        apiRequest("/api/v1/organizations", { ...asOwner(), body: '{"name":"ok","\\udc00":1}' }),
      ),
    );
  });

  it("rounds and invitations", async () => {
    for (const bad of BAD) {
      await expect422(
        await roundsRoute.POST(
          apiRequest(`/api/v1/organizations/${world.a.granted.id}/assessments`, {
            ...asOwner(),
            body: { name: bad },
          }),
          routeParams({ id: world.a.granted.id }),
        ),
        "name",
      );
      await expect422(
        await invitationsRoute.POST(
          apiRequest(`/api/v1/assessments/${roundId}/invitations`, {
            ...asOwner(),
            body: { invitations: [{ role: "business", name: bad }] },
          }),
          routeParams({ id: roundId }),
        ),
      );
    }
  });

  it("a respondent's comment and the open link's role", async () => {
    for (const bad of BAD) {
      await expect422(
        await answersRoute.PUT(
          apiRequest(`/api/v1/respond/${respondentToken}/answers`, {
            method: "PUT",
            body: { answers: { [question]: 2 }, comments: { [question]: bad } },
          }),
          routeParams({ token: respondentToken }),
        ),
      );
      const { status } = await readResponse(
        await startRoute.POST(
          apiRequest(`/api/v1/respond/${openToken}/start`, { body: { role: bad } }),
          routeParams({ token: openToken }),
        ),
      );
      expect(status).toBe(422);
    }
    const saved = await getDb().answer.count({
      where: { response: { invitation: { assessmentId: roundId } } },
    });
    expect(saved).toBe(0);
  });
});

function errorState<T>(outcome: ActionOutcome<T>) {
  expect(outcome.kind).toBe("state");
  if (outcome.kind !== "state" || outcome.state.status !== "error") {
    throw new Error(`expected an error state, got ${JSON.stringify(outcome)}`);
  }
  expect(outcome.state.code).not.toBe("internal");
  return outcome.state;
}

// FormData values are USVStrings: a lone surrogate arrives as U+FFFD, so a form can only carry
// the NUL (server actions are also reachable with any arguments, see malformed-actions.test.ts).
describe("forms: a NUL in any text field is a validation error on that field", () => {
  it("organisation, round, respondent link, member invitation and token forms", async () => {
    for (const bad of [NUL]) {
      actAs(world.a.owner.cookie);
      for (const field of ["name", "sector", "region", "notes"]) {
        const state = errorState(
          await submit(createOrganizationAction, { name: `F ${uniqueSuffix()}`, [field]: bad }),
        );
        expect(state.code).toBe("validation_failed");
        expect(state.fields?.[field]).toMatch(/character/i);
      }
      expect(
        errorState(
          await submit(createAssessmentAction, { organizationId: world.a.granted.id, name: bad }),
        ).fields?.name,
      ).toBeTruthy();
      expect(
        errorState(
          await submit(inviteAction, { assessmentId: roundId, name: bad, role: "business" }),
        ).code,
      ).toBe("validation_failed");
      expect(
        errorState(
          await submit(inviteAction, { assessmentId: roundId, csv: `name,role\n${bad},business` }),
        ).code,
      ).toBe("validation_failed");
      expect(
        errorState(await submit(createInvitationAction, { role: "consultant", email: bad })).fields
          ?.email,
      ).toBeTruthy();
      expect(errorState(await submit(createTokenAction, { name: bad })).fields?.name).toBeTruthy();
    }
  });

  it("sign-up, invitation acceptance and password change", async () => {
    for (const bad of [NUL]) {
      actAs(null);
      const signUp = errorState(
        await submit(signUpAction, {
          name: bad,
          email: `s-${uniqueSuffix()}@example.test`,
          password: `${passwordFor("s")}${bad}`,
          workspaceName: bad,
        }),
      );
      expect(Object.keys(signUp.fields ?? {}).sort()).toEqual([
        "name",
        "password",
        "workspaceName",
      ]);
      const { token } = await createInvitation(world.a.owner.ctx, { role: "consultant" });
      const accept = errorState(
        await submit(acceptAsNewUserAction, {
          token,
          name: bad,
          email: `a-${uniqueSuffix()}@example.test`,
          password: passwordFor("a"),
        }),
      );
      expect(accept.fields?.name).toBeTruthy();
      actAs(world.a.consultant.cookie);
      const change = errorState(
        await submit(changePasswordAction, {
          currentPassword: world.a.consultant.password,
          newPassword: `new-password-${bad}`,
          confirmPassword: `new-password-${bad}`,
        }),
      );
      expect(change.fields?.newPassword).toBeTruthy();
    }
  });
});
