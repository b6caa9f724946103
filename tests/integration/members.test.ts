import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitationAction } from "@/app/invite/actions";
import { authenticate, changePassword, signUp } from "@/lib/accounts/mutations";
import { listAuditEvents } from "@/lib/audit/data";
import { WORKSPACE_COOKIE } from "@/lib/auth/session";
import { disconnectDb, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { previewInvitation } from "@/lib/members/data";
import {
  acceptInvitation,
  acceptInvitationAsNewUser,
  changeMemberRole,
  createInvitation,
  removeMember,
  revokeInvitation,
  setOrganizationGrants,
} from "@/lib/members/mutations";
import { createOrganization, deleteOrganization } from "@/lib/organizations/mutations";
import { createApiToken, revokeApiToken } from "@/lib/tokens/mutations";
import { actAs, currentCookie, submit } from "../fixtures/next-request";
import {
  buildWorld,
  contextFor,
  gate,
  invitePerson,
  passwordFor,
  sessionCookieFor,
  uniqueSuffix,
  withWorkspaceCookie,
  type Person,
  type World,
} from "../fixtures/world";

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await disconnectDb();
});

async function errorOf(call: () => Promise<unknown>): Promise<AppError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, the call succeeded");
}

function newcomer(label: string) {
  const suffix = uniqueSuffix();
  return {
    name: `${label} ${suffix}`,
    email: `${label}-${suffix}@example.test`,
    password: passwordFor(suffix),
  };
}

const memberRole = async (memberId: string) =>
  (await getDb().member.findUnique({ where: { id: memberId }, select: { role: true } }))?.role ??
  null;

/** A workspace of its own with one owner, for the last-owner rules. */
async function soloWorkspace(): Promise<Person["ctx"]> {
  const owner = newcomer("solo-owner");
  const { userId, workspaceId } = await signUp({
    ...owner,
    workspaceName: `Solo ${uniqueSuffix()}`,
  });
  return contextFor(withWorkspaceCookie(await sessionCookieFor(userId), workspaceId));
}

describe("invitations by link", () => {
  it("stores only a hash of the invitation token: no column of the row contains it", async () => {
    const { id, token, path } = await createInvitation(world.a.owner.ctx, { role: "consultant" });
    expect(path).toBe(`/invite/${token}`);
    const row = await getDb().memberInvitation.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.tokenHash).not.toBe(token);
    expect(await previewInvitation(token)).toEqual({
      status: "valid",
      workspaceName: world.a.name,
      role: "consultant",
      email: null,
    });
  });

  it("someone new accepts: their account is made and they join with the invited role and grants", async () => {
    const { token } = await createInvitation(world.a.owner.ctx, {
      role: "executive",
      organizationIds: [world.a.granted.id],
    });
    const person = newcomer("new-exec");
    const { userId, workspaceId } = await acceptInvitationAsNewUser({ token, ...person });
    expect(workspaceId).toBe(world.a.id);
    const ctx = await contextFor(await sessionCookieFor(userId));
    expect(ctx).toMatchObject({ workspaceId: world.a.id, role: "executive", email: person.email });
    const grants = await getDb().organizationGrant.findMany({ where: { memberId: ctx.memberId } });
    expect(grants.map((g) => g.organizationId)).toEqual([world.a.granted.id]);
    expect(await previewInvitation(token)).toEqual({ status: "used" });
  });

  it("an existing user accepts through the invitation form and is switched to the new workspace", async () => {
    const { token } = await createInvitation(world.a.owner.ctx, { role: "consultant" });
    const guest = world.b.consultant;
    actAs(guest.cookie.split(";")[0]!);
    const outcome = await submit(acceptInvitationAction, { token });
    expect(outcome).toEqual({ kind: "redirect", location: "/organizations" });
    expect(currentCookie(WORKSPACE_COOKIE)).toBe(world.a.id);
    const result = await gate(withWorkspaceCookie(guest.cookie.split(";")[0]!, world.a.id));
    expect(result).toMatchObject({
      kind: "member",
      ctx: { workspaceId: world.a.id, role: "consultant" },
    });
    expect(result.kind === "member" ? result.workspaces.map((w) => w.id).sort() : []).toEqual(
      [world.a.id, world.b.id].sort(),
    );
  });

  it("accepting without being signed in asks to sign in first and joins nobody", async () => {
    const { token } = await createInvitation(world.a.owner.ctx, { role: "consultant" });
    actAs(null);
    const outcome = await submit(acceptInvitationAction, { token });
    expect(outcome).toMatchObject({
      kind: "state",
      state: { status: "error", code: "unauthorized" },
    });
    expect((await previewInvitation(token)).status).toBe("valid");
  });

  it("an invitation bound to an email refuses someone with another email, and stays open", async () => {
    const invited = newcomer("invited");
    const { token } = await createInvitation(world.a.owner.ctx, {
      role: "consultant",
      email: invited.email,
    });
    const stranger = newcomer("stranger");

    const asNew = await errorOf(() => acceptInvitationAsNewUser({ token, ...stranger }));
    expect(asNew.code).toBe("forbidden");
    expect(asNew.message).toContain(invited.email);
    expect(await getDb().user.count({ where: { email: stranger.email } })).toBe(0);

    const asExisting = await errorOf(() =>
      acceptInvitation({ userId: world.b.owner.userId, email: world.b.owner.email }, token),
    );
    expect(asExisting.code).toBe("forbidden");
    expect((await previewInvitation(token)).status).toBe("valid");

    const { workspaceId } = await acceptInvitationAsNewUser({ token, ...invited });
    expect(workspaceId).toBe(world.a.id);
  });

  it("accepting the same invitation twice is refused the second time, and makes one membership", async () => {
    const { token } = await createInvitation(world.a.owner.ctx, { role: "consultant" });
    const user = { userId: world.b.executive.userId, email: world.b.executive.email };
    await acceptInvitation(user, token);
    const second = await errorOf(() => acceptInvitation(user, token));
    expect(["conflict", "not_found"]).toContain(second.code);
    expect(
      await getDb().member.count({ where: { workspaceId: world.a.id, userId: user.userId } }),
    ).toBe(1);
  });

  // BUG (reported): lib/members/mutations.ts:113 (claimInvitation) answers an already-accepted
  // invitation with not_found "not valid any more. Ask for a new one." instead of conflict
  // "already been used" (previewInvitation calls the same state "used"). Drop `.fails` once fixed.
  it("accepting the same invitation twice answers conflict, not not_found", async () => {
    const { token } = await createInvitation(world.a.owner.ctx, { role: "consultant" });
    const user = { userId: world.b.owner.userId, email: world.b.owner.email };
    await acceptInvitation(user, token);
    const second = await errorOf(() => acceptInvitation(user, token));
    expect(second.code).toBe("conflict");
  });

  it("two people racing for one invitation: one joins, the other is refused", async () => {
    const { token } = await createInvitation(world.a.owner.ctx, { role: "consultant" });
    const one = newcomer("racer-one");
    const two = newcomer("racer-two");
    const results = await Promise.allSettled([
      acceptInvitationAsNewUser({ token, ...one }),
      acceptInvitationAsNewUser({ token, ...two }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason instanceof AppError).toBe(true);
    const joined = await getDb().member.count({
      where: { workspaceId: world.a.id, user: { email: { in: [one.email, two.email] } } },
    });
    expect(joined).toBe(1);
  });

  it("a revoked invitation is not valid any more", async () => {
    const { id, token } = await createInvitation(world.a.owner.ctx, { role: "consultant" });
    await revokeInvitation(world.a.owner.ctx, id);
    expect(await previewInvitation(token)).toEqual({ status: "revoked" });
    const error = await errorOf(() =>
      acceptInvitationAsNewUser({ token, ...newcomer("too-late") }),
    );
    expect(error.code).toBe("not_found");
    expect(error.message).toMatch(/not valid/);
  });

  it("an expired invitation is not valid any more", async () => {
    const fifteenDaysAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
    const { token } = await createInvitation(
      world.a.owner.ctx,
      { role: "consultant" },
      fifteenDaysAgo,
    );
    expect(await previewInvitation(token)).toEqual({ status: "expired" });
    const error = await errorOf(() =>
      acceptInvitation({ userId: world.b.owner.userId, email: world.b.owner.email }, token),
    );
    expect(error.code).toBe("not_found");
  });

  it("an unknown invitation token reveals nothing", async () => {
    expect(await previewInvitation(`gmi_${uniqueSuffix()}${uniqueSuffix()}`)).toEqual({
      status: "invalid",
    });
  });
});

describe("roles", () => {
  it("re-roling a member takes effect on their next request", async () => {
    const person = await invitePerson(world.a.owner, "consultant", "re-roled");
    await changeMemberRole(world.a.owner.ctx, { memberId: person.memberId, role: "owner" });
    expect(await contextFor(person.cookie)).toMatchObject({ role: "owner" });
    await changeMemberRole(world.a.owner.ctx, { memberId: person.memberId, role: "executive" });
    expect(await contextFor(person.cookie)).toMatchObject({ role: "executive" });
  });

  it("the last owner cannot be demoted: conflict, and still owner afterwards", async () => {
    const owner = await soloWorkspace();
    const error = await errorOf(() =>
      changeMemberRole(owner, { memberId: owner.memberId, role: "consultant" }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/last owner/);
    expect(await memberRole(owner.memberId)).toBe("owner");
  });

  it("the last owner cannot be removed: conflict, and still owner afterwards", async () => {
    const owner = await soloWorkspace();
    const error = await errorOf(() => removeMember(owner, { memberId: owner.memberId }));
    expect(error.code).toBe("conflict");
    expect(await memberRole(owner.memberId)).toBe("owner");
  });

  it("with a second owner, the first may step down", async () => {
    const owner = await soloWorkspace();
    const second = await invitePerson({ ctx: owner }, "owner", "second owner");
    await changeMemberRole(owner, { memberId: owner.memberId, role: "consultant" });
    expect(await memberRole(owner.memberId)).toBe("consultant");
    expect(await memberRole(second.memberId)).toBe("owner");
  });

  // Two owners demoting or removing each other at the same moment must not leave the workspace
  // without an owner (write skew under READ COMMITTED on PostgreSQL; the mutations lock the
  // workspace row, so owner changes in one workspace queue).
  const raceTest = it;
  const ROUNDS = 3;

  raceTest("two owners demoting each other at the same moment still leave one owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const first = await soloWorkspace();
      const second = await invitePerson({ ctx: first }, "owner", "racing owner");
      await Promise.allSettled([
        changeMemberRole(first, { memberId: second.memberId, role: "consultant" }),
        changeMemberRole(second.ctx, { memberId: first.memberId, role: "consultant" }),
      ]);
      const owners = await getDb().member.count({
        where: { workspaceId: first.workspaceId, role: "owner" },
      });
      expect(owners, `round ${round + 1}`).toBeGreaterThanOrEqual(1);
    }
  });

  raceTest("two owners removing each other at the same moment still leave one owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const first = await soloWorkspace();
      const second = await invitePerson({ ctx: first }, "owner", "racing remover");
      await Promise.allSettled([
        removeMember(first, { memberId: second.memberId }),
        removeMember(second.ctx, { memberId: first.memberId }),
      ]);
      const owners = await getDb().member.count({
        where: { workspaceId: first.workspaceId, role: "owner" },
      });
      expect(owners, `round ${round + 1}`).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("executive grants", () => {
  const grantsOf = async (memberId: string) =>
    (
      await getDb().organizationGrant.findMany({
        where: { memberId },
        select: { organizationId: true },
      })
    )
      .map((g) => g.organizationId)
      .sort();

  it("an executive can only be granted organisations of the same workspace", async () => {
    const before = await grantsOf(world.a.executive.memberId);
    const error = await errorOf(() =>
      setOrganizationGrants(world.a.owner.ctx, {
        memberId: world.a.executive.memberId,
        organizationIds: [world.a.notGranted.id, world.b.notGranted.id],
      }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.organizationIds).toBeTruthy();
    expect(await grantsOf(world.a.executive.memberId)).toEqual(before);
  });

  it("an invitation cannot carry another workspace's organisation", async () => {
    const error = await errorOf(() =>
      createInvitation(world.a.owner.ctx, {
        role: "executive",
        organizationIds: [world.b.granted.id],
      }),
    );
    expect(error.code).toBe("validation_failed");
  });

  it("grants are only for executives", async () => {
    const error = await errorOf(() =>
      setOrganizationGrants(world.a.owner.ctx, {
        memberId: world.a.consultant.memberId,
        organizationIds: [world.a.granted.id],
      }),
    );
    expect(error.code).toBe("validation_failed");
  });
});

describe("the audit log, as owners see it", () => {
  it("records sign-ins, member and role changes, organisation create/delete and token create/revoke", async () => {
    const owner = world.a.owner;
    const since = new Date(Date.now() - 1000);

    expect(await authenticate({ email: owner.email, password: owner.password })).toMatchObject({
      id: owner.userId,
    });
    expect(await authenticate({ email: owner.email, password: "a wrong password" })).toBeNull();
    await authenticate({ email: owner.email, password: owner.password }); // clears the failure count

    const { id: invitationId, token } = await createInvitation(owner.ctx, { role: "consultant" });
    const joiner = newcomer("audited");
    await acceptInvitationAsNewUser({ token, ...joiner });
    const joined = await getDb().member.findFirstOrThrow({
      where: { workspaceId: world.a.id, user: { email: joiner.email } },
    });
    await changeMemberRole(owner.ctx, { memberId: joined.id, role: "executive" });
    await setOrganizationGrants(owner.ctx, {
      memberId: joined.id,
      organizationIds: [world.a.granted.id],
    });
    await removeMember(owner.ctx, { memberId: joined.id });
    const { id: revokedInvitationId } = await createInvitation(owner.ctx, { role: "executive" });
    await revokeInvitation(owner.ctx, revokedInvitationId);

    const organization = await createOrganization(owner.ctx, { name: `Audited ${uniqueSuffix()}` });
    await deleteOrganization(owner.ctx, organization.id, { confirmation: organization.name });

    const apiToken = await createApiToken(owner.ctx, { name: `audited ${uniqueSuffix()}` });
    await revokeApiToken(owner.ctx, apiToken.id);

    const events = (await listAuditEvents(owner.ctx, { limit: 200 })).filter((e) => e.at >= since);
    const has = (action: string, targetId: string | null, actorLabel?: string) =>
      events.some(
        (e) =>
          e.action === action &&
          (targetId === null || e.targetId === targetId) &&
          (actorLabel === undefined || e.actorLabel === actorLabel),
      );
    expect(has("user.signed_in", owner.userId, owner.email)).toBe(true);
    expect(has("user.sign_in_failed", owner.userId, owner.email)).toBe(true);
    expect(has("member.invited", invitationId, owner.email)).toBe(true);
    expect(has("member.joined", joined.id, joiner.email)).toBe(true);
    expect(has("member.role_changed", joined.id, owner.email)).toBe(true);
    expect(has("member.grants_changed", joined.id, owner.email)).toBe(true);
    expect(has("member.removed", joined.id, owner.email)).toBe(true);
    expect(has("member.invitation_revoked", revokedInvitationId, owner.email)).toBe(true);
    expect(has("organization.created", organization.id, owner.email)).toBe(true);
    expect(has("organization.deleted", organization.id, owner.email)).toBe(true);
    expect(has("token.created", apiToken.id, owner.email)).toBe(true);
    expect(has("token.revoked", apiToken.id, owner.email)).toBe(true);
    // Nothing of workspace B shows up in A's log.
    const other = await getDb().auditEvent.findMany({
      where: { workspaceId: world.b.id },
      select: { id: true },
    });
    expect(events.some((e) => other.some((o) => o.id === e.id))).toBe(false);
  });

  it("a changed password is recorded in every workspace of the user", async () => {
    const person = await invitePerson(world.a.owner, "consultant", "audited password");
    await changePassword(person.userId, {
      currentPassword: person.password,
      newPassword: "yet-another-password",
      confirmPassword: "yet-another-password",
    });
    const events = await listAuditEvents(world.a.owner.ctx, { limit: 50 });
    expect(
      events.some((e) => e.action === "user.password_changed" && e.targetId === person.userId),
    ).toBe(true);
  });
});
