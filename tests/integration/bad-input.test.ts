import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePasswordAction } from "@/app/(app)/account/actions";
import {
  createOrganizationAction,
  deleteOrganizationAction,
  updateOrganizationAction,
} from "@/app/(app)/organizations/actions";
import {
  changeRoleAction,
  createInvitationAction,
  createTokenAction,
} from "@/app/(app)/settings/actions";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { acceptAsNewUserAction } from "@/app/invite/actions";
import * as organizationRoute from "@/app/api/v1/organizations/[id]/route";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import { disconnectDb, getDb } from "@/lib/db";
import { createInvitation } from "@/lib/members/mutations";
import type { OrganizationView } from "@/lib/organizations/data";
import {
  actAs,
  apiRequest,
  isErrorJson,
  readResponse,
  routeParams,
  submit,
  type ActionOutcome,
  type ErrorJson,
  type RequestOptions,
} from "../fixtures/next-request";
import {
  buildWorld,
  freshOrganization,
  passwordFor,
  uniqueSuffix,
  type World,
} from "../fixtures/world";

let world: World;
/** An organisation of A whose saved state every bad request must leave exactly as it was. */
let saved: OrganizationView;

beforeAll(async () => {
  world = await buildWorld();
  saved = await freshOrganization(world.a, "Saved before", { grantToExecutive: true });
});
afterAll(async () => {
  await disconnectDb();
});

const readBack = (id: string) => getDb().organization.findUnique({ where: { id } });

async function savedIsUnchanged(): Promise<void> {
  const row = await readBack(saved.id);
  expect(row).toMatchObject({
    name: saved.name,
    sector: saved.sector,
    sizeBand: saved.sizeBand,
    region: saved.region,
    notes: saved.notes,
    updatedAt: saved.updatedAt,
  });
}

async function expectError(
  response: Response,
  status: number,
  code: string,
): Promise<ErrorJson["error"]> {
  const { status: actual, body } = await readResponse(response);
  expect(actual, JSON.stringify(body)).toBe(status);
  expect(isErrorJson(body)).toBe(true);
  if (!isErrorJson(body)) throw new Error("not an error body");
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(body.error.message).not.toMatch(/\bat .+:\d+:\d+|prisma|sqlite|postgres/i);
  return body.error;
}

const asOwner: RequestOptions = {};
beforeAll(() => {
  asOwner.cookie = world.a.owner.cookie;
});

const post = (options: RequestOptions) =>
  organizationsRoute.POST(
    apiRequest("/api/v1/organizations", { ...asOwner, method: "POST", ...options }),
  );
const patch = (id: string, options: RequestOptions) =>
  organizationRoute.PATCH(
    apiRequest(`/api/v1/organizations/${id}`, { ...asOwner, method: "PATCH", ...options }),
    routeParams({ id }),
  );
const del = (id: string, options: RequestOptions) =>
  organizationRoute.DELETE(
    apiRequest(`/api/v1/organizations/${id}`, { ...asOwner, method: "DELETE", ...options }),
    routeParams({ id }),
  );

describe("REST: bodies that are not what the API takes", () => {
  it("an empty body is 400 bad_request", async () => {
    await expectError(await post({ body: "" }), 400, "bad_request");
    await expectError(await patch(saved.id, { body: "   " }), 400, "bad_request");
    await savedIsUnchanged();
  });

  it("invalid JSON is 400 bad_request", async () => {
    await expectError(await post({ body: "{name: 'Acme'" }), 400, "bad_request");
    await expectError(await patch(saved.id, { body: '{"notes": }' }), 400, "bad_request");
    await savedIsUnchanged();
  });

  it("a body over 64 KB is 413, whether or not its length is declared", async () => {
    const huge = JSON.stringify({ name: `Huge ${uniqueSuffix()}`, notes: "x".repeat(70 * 1024) });
    await expectError(await post({ body: huge }), 413, "payload_too_large");
    await expectError(
      await patch(saved.id, { body: huge, headers: { "content-length": String(huge.length) } }),
      413,
      "payload_too_large",
    );
    await savedIsUnchanged();
  });

  it("wrong types are 422 validation_failed naming the field", async () => {
    const error = await expectError(await post({ body: { name: 42 } }), 422, "validation_failed");
    expect(error.fields?.name).toBeTruthy();
    const patched = await expectError(
      await patch(saved.id, { body: { notes: ["a"] } }),
      422,
      "validation_failed",
    );
    expect(patched.fields?.notes).toBeTruthy();
    await expectError(await post({ body: [] }), 422, "validation_failed");
    await expectError(await post({ body: "null" }), 422, "validation_failed");
    await savedIsUnchanged();
  });

  it("a name over 120 characters is 422 with the limit in the message", async () => {
    const long = "N".repeat(121);
    const error = await expectError(await post({ body: { name: long } }), 422, "validation_failed");
    expect(error.fields?.name).toMatch(/120/);
    const patched = await expectError(
      await patch(saved.id, { body: { name: long } }),
      422,
      "validation_failed",
    );
    expect(patched.fields?.name).toMatch(/120/);
    expect(await getDb().organization.count({ where: { name: long } })).toBe(0);
    await savedIsUnchanged();
  });

  it("an empty name, an unknown size band and notes over 4000 characters are each 422", async () => {
    expect(
      (await expectError(await post({ body: { name: "  " } }), 422, "validation_failed")).fields
        ?.name,
    ).toBeTruthy();
    expect(
      (
        await expectError(
          await post({ body: { name: `Band ${uniqueSuffix()}`, sizeBand: "huge" } }),
          422,
          "validation_failed",
        )
      ).fields?.sizeBand,
    ).toBeTruthy();
    expect(
      (
        await expectError(
          await patch(saved.id, { body: { notes: "n".repeat(4001) } }),
          422,
          "validation_failed",
        )
      ).fields?.notes,
    ).toBeTruthy();
    await expectError(await patch(saved.id, { body: {} }), 422, "validation_failed");
    await savedIsUnchanged();
  });

  it("unknown fields are rejected, so a workspace id cannot ride along", async () => {
    const name = `Smuggled ${uniqueSuffix()}`;
    const error = await expectError(
      await post({ body: { name, workspaceId: world.b.id } }),
      422,
      "validation_failed",
    );
    expect(error.message).toMatch(/workspaceId/);
    await expectError(
      await patch(saved.id, { body: { notes: "x", id: "other" } }),
      422,
      "validation_failed",
    );
    expect(await getDb().organization.count({ where: { name } })).toBe(0);
    await savedIsUnchanged();
  });

  it("unknown ids and other-workspace ids are 404 and reveal nothing", async () => {
    const unknown = `c${uniqueSuffix()}${uniqueSuffix()}`;
    await expectError(
      await organizationRoute.GET(
        apiRequest(`/api/v1/organizations/${unknown}`, asOwner),
        routeParams({ id: unknown }),
      ),
      404,
      "not_found",
    );
    await expectError(await patch(unknown, { body: { notes: "x" } }), 404, "not_found");
    await expectError(await del(unknown, { body: { confirmation: "x" } }), 404, "not_found");
    const other = world.b.granted;
    const error = await expectError(
      await patch(other.id, { body: { notes: "from A" } }),
      404,
      "not_found",
    );
    expect(JSON.stringify(error)).not.toContain(other.name);
    await expectError(
      await del(other.id, { body: { confirmation: other.name } }),
      404,
      "not_found",
    );
    expect(await readBack(other.id)).toMatchObject({ name: other.name, notes: other.notes });
  });

  it("a duplicate organisation name is 409 conflict, whatever the case; another workspace may use it", async () => {
    const shouted = saved.name.toUpperCase();
    const error = await expectError(
      await post({ body: { name: `  ${shouted} ` } }),
      409,
      "conflict",
    );
    expect(error.fields?.name).toBeTruthy();
    const other = await freshOrganization(world.a, "Rename me");
    await expectError(
      await patch(other.id, { body: { name: saved.name.toLowerCase() } }),
      409,
      "conflict",
    );
    expect(await readBack(other.id)).toMatchObject({ name: other.name });
    const elsewhere = await organizationsRoute.POST(
      apiRequest("/api/v1/organizations", {
        cookie: world.b.owner.cookie,
        body: { name: saved.name },
      }),
    );
    expect(elsewhere.status).toBe(201);
    await savedIsUnchanged();
  });

  it("deleting with the wrong confirmation is 422 and deletes nothing", async () => {
    const error = await expectError(
      await del(saved.id, { body: { confirmation: "not the name" } }),
      422,
      "validation_failed",
    );
    expect(error.fields?.confirmation).toContain(saved.name);
    await expectError(await del(saved.id, {}), 400, "bad_request");
    await savedIsUnchanged();
  });

  it("bad list queries are answered without a 500 and show only the caller's workspace", async () => {
    const badLimit = await organizationsRoute.GET(
      apiRequest("/api/v1/organizations?limit=abc", asOwner),
    );
    expect(badLimit.status).toBe(422);
    const tooMany = await organizationsRoute.GET(
      apiRequest("/api/v1/organizations?limit=100000", asOwner),
    );
    expect(tooMany.status).toBe(422);
    for (const cursor of [world.b.granted.id, `c${uniqueSuffix()}`]) {
      const response = await organizationsRoute.GET(
        apiRequest(`/api/v1/organizations?cursor=${cursor}&sort=nonsense`, asOwner),
      );
      expect(response.status).toBeLessThan(500);
      const text = await response.text();
      expect(text).not.toContain(world.b.granted.name);
      expect(text).not.toContain(world.b.notGranted.name);
    }
  });
});

function errorState<T>(outcome: ActionOutcome<T>) {
  expect(outcome.kind).toBe("state");
  if (outcome.kind !== "state" || outcome.state.status !== "error") {
    throw new Error(`expected an error state, got ${JSON.stringify(outcome)}`);
  }
  expect(outcome.state.message.length).toBeGreaterThan(5);
  expect(outcome.state.code).not.toBe("internal");
  return outcome.state;
}

describe("forms: server actions given bad input", () => {
  beforeAll(() => {
    actAs(world.a.owner.cookie);
  });

  it("an empty organisation name: validation_failed on the name, what was typed is kept", async () => {
    actAs(world.a.owner.cookie);
    const state = errorState(
      await submit(createOrganizationAction, { name: "", region: "Baltics" }),
    );
    expect(state.code).toBe("validation_failed");
    expect(state.fields?.name).toBeTruthy();
    expect(state.values?.region).toBe("Baltics");
  });

  it("a name over 120 characters: validation_failed, nothing saved", async () => {
    actAs(world.a.owner.cookie);
    const long = "L".repeat(121);
    const state = errorState(await submit(createOrganizationAction, { name: long }));
    expect(state.code).toBe("validation_failed");
    expect(state.fields?.name).toMatch(/120/);
    expect(await getDb().organization.count({ where: { name: long } })).toBe(0);
  });

  it("a field the form does not have is refused", async () => {
    actAs(world.a.owner.cookie);
    const name = `Extra field ${uniqueSuffix()}`;
    const state = errorState(
      await submit(createOrganizationAction, { name, workspaceId: world.b.id }),
    );
    expect(state.code).toBe("validation_failed");
    expect(await getDb().organization.count({ where: { name } })).toBe(0);
  });

  it("a duplicate organisation name: conflict on the name field", async () => {
    actAs(world.a.owner.cookie);
    const state = errorState(
      await submit(createOrganizationAction, { name: saved.name.toUpperCase() }),
    );
    expect(state.code).toBe("conflict");
    expect(state.fields?.name).toBeTruthy();
    await savedIsUnchanged();
  });

  it("editing with a too-long name or another workspace's id changes nothing", async () => {
    actAs(world.a.owner.cookie);
    const tooLong = errorState(
      await submit(updateOrganizationAction, { id: saved.id, name: "x".repeat(121) }),
    );
    expect(tooLong.code).toBe("validation_failed");
    const other = errorState(
      await submit(updateOrganizationAction, { id: world.b.granted.id, notes: "from A" }),
    );
    expect(other.code).toBe("not_found");
    const none = errorState(await submit(updateOrganizationAction, { name: "no id" }));
    expect(none.code).toBe("not_found");
    await savedIsUnchanged();
    expect(await readBack(world.b.granted.id)).toMatchObject({ notes: world.b.granted.notes });
  });

  it("deleting with a wrong confirmation keeps the organisation", async () => {
    actAs(world.a.owner.cookie);
    const state = errorState(
      await submit(deleteOrganizationAction, { id: saved.id, confirmation: "nope" }),
    );
    expect(state.code).toBe("validation_failed");
    expect(state.fields?.confirmation).toBeTruthy();
    await savedIsUnchanged();
  });

  it("an invitation with an unknown role or a malformed email is refused", async () => {
    actAs(world.a.owner.cookie);
    const before = await getDb().memberInvitation.count({ where: { workspaceId: world.a.id } });
    expect(
      errorState(await submit(createInvitationAction, { role: "admin" })).fields?.role,
    ).toBeTruthy();
    expect(
      errorState(
        await submit(createInvitationAction, { role: "consultant", email: "not an email" }),
      ).fields?.email,
    ).toBeTruthy();
    expect(await getDb().memberInvitation.count({ where: { workspaceId: world.a.id } })).toBe(
      before,
    );
  });

  it("re-roling an unknown member or to an unknown role is refused and changes no one", async () => {
    actAs(world.a.owner.cookie);
    expect(
      errorState(await submit(changeRoleAction, { memberId: "nobody", role: "owner" })).code,
    ).toBe("not_found");
    expect(
      errorState(
        await submit(changeRoleAction, { memberId: world.a.consultant.memberId, role: "king" }),
      ).code,
    ).toBe("validation_failed");
    expect(
      (await getDb().member.findUniqueOrThrow({ where: { id: world.a.consultant.memberId } })).role,
    ).toBe("consultant");
  });

  it("a token name over 80 characters is refused", async () => {
    actAs(world.a.owner.cookie);
    const name = "t".repeat(81);
    expect(errorState(await submit(createTokenAction, { name })).fields?.name).toBeTruthy();
    expect(await getDb().apiToken.count({ where: { name } })).toBe(0);
  });

  it("a password change with mismatched new passwords names the confirmation and keeps the session", async () => {
    actAs(world.a.consultant.cookie);
    const state = errorState(
      await submit(changePasswordAction, {
        currentPassword: world.a.consultant.password,
        newPassword: "one-new-password",
        confirmPassword: "another-new-password",
      }),
    );
    expect(state.fields?.confirmPassword).toBeTruthy();
    expect(state.values).not.toHaveProperty("newPassword");
    const wrong = errorState(
      await submit(changePasswordAction, {
        currentPassword: "not the current one",
        newPassword: "one-new-password",
        confirmPassword: "one-new-password",
      }),
    );
    expect(wrong.fields?.currentPassword).toBeTruthy();
    const user = await getDb().user.findUniqueOrThrow({ where: { id: world.a.consultant.userId } });
    expect(user.sessionVersion).toBe(0);
  });
});

describe("forms that need no session", () => {
  it("sign-up with an email that already has an account: conflict with a message on the email", async () => {
    const state = errorState(
      await submit(signUpAction, {
        name: "Someone Else",
        email: world.a.owner.email.toUpperCase(),
        password: passwordFor("dup"),
        workspaceName: `Dup ${uniqueSuffix()}`,
      }),
    );
    expect(state.code).toBe("conflict");
    expect(state.fields?.email).toBeTruthy();
    expect(state.values).not.toHaveProperty("password");
    const user = await getDb().user.findUniqueOrThrow({ where: { email: world.a.owner.email } });
    expect(user.name).toBe(world.a.owner.name);
  });

  it("sign-up with every field wrong names each field", async () => {
    const state = errorState(
      await submit(signUpAction, {
        name: "",
        email: "nope",
        password: "short",
        workspaceName: "w".repeat(121),
      }),
    );
    expect(state.code).toBe("validation_failed");
    expect(Object.keys(state.fields ?? {}).sort()).toEqual([
      "email",
      "name",
      "password",
      "workspaceName",
    ]);
  });

  it("accepting an invitation as a new user with an existing email is a conflict on the email", async () => {
    const { token } = await createInvitation(world.a.owner.ctx, { role: "consultant" });
    const state = errorState(
      await submit(acceptAsNewUserAction, {
        token,
        name: "Dup",
        email: world.b.owner.email,
        password: passwordFor("dup2"),
      }),
    );
    expect(state.code).toBe("conflict");
    expect(state.fields?.email).toBeTruthy();
  });

  it("accepting a malformed invitation token is refused without a 500", async () => {
    const state = errorState(
      await submit(acceptAsNewUserAction, {
        token: "x",
        name: "N",
        email: `n-${uniqueSuffix()}@example.test`,
        password: passwordFor("n"),
      }),
    );
    expect(["validation_failed", "not_found"]).toContain(state.code);
  });
});
