import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { createOrganizationAction } from "@/app/(app)/organizations/actions";
import { switchWorkspaceAction } from "@/app/(app)/workspace-actions";
import { acceptInvitationAction } from "@/app/invite/actions";
import * as organizationRoute from "@/app/api/v1/organizations/[id]/route";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import { changePassword } from "@/lib/accounts/mutations";
import { resolveApiToken } from "@/lib/auth/gate";
import { WORKSPACE_COOKIE } from "@/lib/auth/session";
import { disconnectDb, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  removeMember,
} from "@/lib/members/mutations";
import { revokeApiToken } from "@/lib/tokens/mutations";
import {
  actAs,
  apiRequest,
  currentCookie,
  currentCookieOptions,
  isErrorJson,
  readResponse,
  routeParams,
  settle,
  submit,
  type Credentials,
} from "../fixtures/next-request";
import {
  buildWorld,
  gate,
  invitePerson,
  SESSION_COOKIE,
  sessionCookieFor,
  uniqueSuffix,
  withWorkspaceCookie,
  type World,
} from "../fixtures/world";

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await disconnectDb();
});

async function getOrganizationAs(credentials: Credentials, id: string) {
  return readResponse(
    await organizationRoute.GET(
      apiRequest(`/api/v1/organizations/${id}`, credentials),
      routeParams({ id }),
    ),
  );
}

function errorCode(body: unknown): string | undefined {
  return isErrorJson(body) ? body.error.code : undefined;
}

async function errorOf(call: () => Promise<unknown>): Promise<AppError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, the call succeeded");
}

describe("sessions end when they should", () => {
  it("a changed password ends every earlier session: the old cookie is anonymous, a new one works", async () => {
    const person = await invitePerson(world.a.owner, "consultant", "password changer");
    expect((await gate(person.cookie)).kind).toBe("member");

    await changePassword(person.userId, {
      currentPassword: person.password,
      newPassword: "a-brand-new-password",
      confirmPassword: "a-brand-new-password",
    });

    expect(await gate(person.cookie)).toEqual({ kind: "anonymous" });
    const old = await getOrganizationAs({ cookie: person.cookie }, world.a.granted.id);
    expect(old.status).toBe(401);
    expect(errorCode(old.body)).toBe("unauthorized");
    const fresh = await sessionCookieFor(person.userId);
    expect(await gate(fresh)).toMatchObject({ kind: "member", ctx: { userId: person.userId } });
  });

  it("changing the password through the account form ends the session it was made from", async () => {
    const person = await invitePerson(world.a.owner, "consultant", "form password changer");
    actAs(person.cookie);
    const outcome = await submit(changePasswordAction, {
      currentPassword: person.password,
      newPassword: "another-new-password",
      confirmPassword: "another-new-password",
    });
    expect(outcome).toEqual({ kind: "redirect", location: "/login?changed=1" });
    expect(await gate(person.cookie)).toEqual({ kind: "anonymous" });
  });

  it("a removed member loses access at once: their cookie reaches no workspace, their token is 401", async () => {
    const person = await invitePerson(world.a.owner, "consultant", "removed member");
    await removeMember(world.a.owner.ctx, { memberId: person.memberId });

    expect(await gate(person.cookie)).toMatchObject({
      kind: "no_workspace",
      userId: person.userId,
    });
    const viaCookie = await getOrganizationAs({ cookie: person.cookie }, world.a.granted.id);
    expect(viaCookie.status).toBe(403);
    expect(JSON.stringify(viaCookie.body)).not.toContain(world.a.granted.name);
    const viaToken = await getOrganizationAs({ bearer: person.bearer }, world.a.granted.id);
    expect(viaToken.status).toBe(401);

    actAs(person.cookie);
    const name = `Written after removal ${uniqueSuffix()}`;
    const outcome = await submit(createOrganizationAction, { name });
    expect(outcome).toMatchObject({ kind: "state", state: { status: "error", code: "forbidden" } });
    expect(await getDb().organization.count({ where: { name } })).toBe(0);
  });

  it("a member removed from one of two workspaces lands in the other, never the one they left", async () => {
    const person = await invitePerson(world.a.owner, "consultant", "two-workspace member");
    const { token } = await createInvitation(world.b.owner.ctx, { role: "executive" });
    await acceptInvitation({ userId: person.userId, email: person.email }, token);
    const preferringA = withWorkspaceCookie(await sessionCookieFor(person.userId), world.a.id);
    expect(await gate(preferringA)).toMatchObject({
      kind: "member",
      ctx: { workspaceId: world.a.id },
    });

    await removeMember(world.a.owner.ctx, { memberId: person.memberId });

    const after = await gate(preferringA);
    expect(after).toMatchObject({
      kind: "member",
      ctx: { workspaceId: world.b.id, role: "executive" },
    });
    expect(after.kind === "member" ? after.workspaces.map((w) => w.id) : []).toEqual([world.b.id]);
    const read = await getOrganizationAs({ cookie: preferringA }, world.a.granted.id);
    expect(read.status).toBe(404);
  });

  it("an API token acts with its member's current role: a demoted consultant's token can no longer create", async () => {
    const person = await invitePerson(world.a.owner, "consultant", "demoted consultant");
    await changeMemberRole(world.a.owner.ctx, { memberId: person.memberId, role: "executive" });
    const name = `Created by a demoted token ${uniqueSuffix()}`;
    const { status, body } = await readResponse(
      await organizationsRoute.POST(
        apiRequest("/api/v1/organizations", { bearer: person.bearer, body: { name } }),
      ),
    );
    expect(status).toBe(403);
    expect(errorCode(body)).toBe("forbidden");
    expect(await getDb().organization.count({ where: { name } })).toBe(0);
  });
});

describe("the workspace cookie is a preference, not a key", () => {
  it("pointing the workspace cookie at a workspace one is not a member of keeps them in their own", async () => {
    const sneaky = withWorkspaceCookie(world.a.owner.cookie.split(";")[0]!, world.b.id);
    expect(await gate(sneaky)).toMatchObject({ kind: "member", ctx: { workspaceId: world.a.id } });
    const read = await getOrganizationAs({ cookie: sneaky }, world.b.granted.id);
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain(world.b.granted.name);
  });

  it("the workspace switcher refuses a workspace the user is not a member of, and sets one they are", async () => {
    actAs(world.a.consultant.cookie.split(";")[0]!);
    const refused = await settle(() =>
      switchWorkspaceAction(makeForm({ workspaceId: world.b.id })),
    );
    expect(refused).toEqual({ kind: "redirect", location: "/organizations" });
    expect(currentCookie(WORKSPACE_COOKIE)).toBeUndefined();

    const person = await invitePerson(world.a.owner, "consultant", "switcher");
    const { token } = await createInvitation(world.b.owner.ctx, { role: "consultant" });
    await acceptInvitation({ userId: person.userId, email: person.email }, token);
    actAs(person.cookie);
    const switched = await settle(() =>
      switchWorkspaceAction(makeForm({ workspaceId: world.b.id })),
    );
    expect(switched).toEqual({ kind: "redirect", location: "/organizations" });
    expect(currentCookie(WORKSPACE_COOKIE)).toBe(world.b.id);
  });

  it("joining by invitation and switching write the workspace cookie with the same flags", async () => {
    const person = await invitePerson(world.a.owner, "consultant", "cookie flags");
    const { token } = await createInvitation(world.b.owner.ctx, { role: "consultant" });
    actAs(person.cookie);
    expect(await submit(acceptInvitationAction, { token })).toEqual({
      kind: "redirect",
      location: "/organizations",
    });
    expect(currentCookie(WORKSPACE_COOKIE)).toBe(world.b.id);
    const joined = currentCookieOptions(WORKSPACE_COOKIE);

    actAs(person.cookie);
    await settle(() => switchWorkspaceAction(makeForm({ workspaceId: world.a.id })));
    expect(currentCookie(WORKSPACE_COOKIE)).toBe(world.a.id);
    const switched = currentCookieOptions(WORKSPACE_COOKIE);

    expect(switched).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(switched?.maxAge).toBeGreaterThan(0);
    expect(joined).toEqual(switched);
  });

  it("the workspace switcher sends someone without a session to sign in", async () => {
    actAs(null);
    const outcome = await settle(() =>
      switchWorkspaceAction(makeForm({ workspaceId: world.a.id })),
    );
    expect(outcome).toEqual({ kind: "redirect", location: "/login" });
    expect(currentCookie(WORKSPACE_COOKIE)).toBeUndefined();
  });
});

describe("credentials that are not valid get nothing", () => {
  it("a revoked API token is 401, through the gate and through a route", async () => {
    const person = await invitePerson(world.a.owner, "consultant", "revoked token holder");
    expect((await getOrganizationAs({ bearer: person.bearer }, world.a.granted.id)).status).toBe(
      200,
    );
    await revokeApiToken(world.a.owner.ctx, person.tokenId);

    expect((await errorOf(() => resolveApiToken(person.bearer))).code).toBe("unauthorized");
    const { status, body } = await getOrganizationAs({ bearer: person.bearer }, world.a.granted.id);
    expect(status).toBe(401);
    expect(errorCode(body)).toBe("unauthorized");
    expect(JSON.stringify(body)).not.toContain(world.a.granted.name);
  });

  it("an unknown bearer token is 401", async () => {
    const { status, body } = await getOrganizationAs(
      { bearer: `gm_${uniqueSuffix()}` },
      world.a.granted.id,
    );
    expect(status).toBe(401);
    expect(errorCode(body)).toBe("unauthorized");
  });

  it("a garbage session cookie is anonymous and gets 401", async () => {
    const garbage = `${SESSION_COOKIE}=not-a-jwt-at-all`;
    expect(await gate(garbage)).toEqual({ kind: "anonymous" });
    expect((await getOrganizationAs({ cookie: garbage }, world.a.granted.id)).status).toBe(401);
  });

  it("a tampered session cookie is anonymous and gets 401", async () => {
    const [name, jwt] = world.a.owner.cookie.split(";")[0]!.split("=") as [string, string];
    const middle = Math.floor(jwt.length / 2);
    const flipped = jwt[middle] === "A" ? "B" : "A";
    const tampered = `${name}=${jwt.slice(0, middle)}${flipped}${jwt.slice(middle + 1)}`;
    expect(await gate(tampered)).toEqual({ kind: "anonymous" });
    expect((await getOrganizationAs({ cookie: tampered }, world.a.granted.id)).status).toBe(401);
  });

  it("a session cookie minted with another secret is anonymous", async () => {
    const forged = await encode({
      token: { sub: world.a.owner.userId, sv: 0 },
      secret: "someone-elses-secret",
    });
    expect(await gate(`${SESSION_COOKIE}=${forged}`)).toEqual({ kind: "anonymous" });
  });

  it("`Authorization: Basic x` is 401, even next to a valid session cookie", async () => {
    const alone = await getOrganizationAs({ authorization: "Basic x" }, world.a.granted.id);
    expect(alone.status).toBe(401);
    expect(errorCode(alone.body)).toBe("unauthorized");
    const withCookie = await getOrganizationAs(
      { authorization: "Basic x", cookie: world.a.owner.cookie },
      world.a.granted.id,
    );
    expect(withCookie.status).toBe(401);
    expect(JSON.stringify(withCookie.body)).not.toContain(world.a.granted.name);
  });

  it("a request with an x-middleware-subrequest header and no credentials gets no data", async () => {
    const response = await organizationsRoute.GET(
      apiRequest("/api/v1/organizations", {
        headers: {
          "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
        },
      }),
    );
    const { status, body } = await readResponse(response);
    expect(status).toBe(401);
    expect(JSON.stringify(body)).not.toContain(world.a.granted.name);
  });
});

function makeForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}
