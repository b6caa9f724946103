import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accountActions from "@/app/(app)/account/actions";
import * as assessmentActions from "@/app/(app)/assessments/actions";
import * as organizationActions from "@/app/(app)/organizations/actions";
import * as settingsActions from "@/app/(app)/settings/actions";
import * as workspaceActions from "@/app/(app)/workspace-actions";
import * as signUpActions from "@/app/(auth)/signup/actions";
import * as inviteActions from "@/app/invite/actions";
import * as stopRemindersActions from "@/app/stop-reminders/actions";
import { disconnectDb, getDb } from "@/lib/db";
import { actAs, formData, settle } from "../fixtures/next-request";
import { buildWorld, uniqueSuffix, type World } from "../fixtures/world";

// A server action is a public endpoint: anyone can call it by its id with arguments React
// decodes from the request (numbers, objects, a FormData with any keys, nothing at all). Whatever
// arrives, the answer is an error state with a stable code (or the redirect/not-found a page
// would give), never a throw that Next turns into a 500, and nothing is written.

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await disconnectDb();
});

type AnyAction = (...args: unknown[]) => Promise<unknown>;

const MODULES = {
  accountActions,
  assessmentActions,
  organizationActions,
  settingsActions,
  workspaceActions,
  signUpActions,
  inviteActions,
  stopRemindersActions,
};

const ACTIONS: [string, AnyAction][] = Object.entries(MODULES).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === "function")
    .map(([name, value]) => [`${module}.${name}`, value as AnyAction] as [string, AnyAction]),
);

function oddForm(): FormData {
  const form = formData({
    __proto__: "x",
    constructor: "y",
    $ACTION_ID_0: "z",
    "name[]": ["a", "b"],
  });
  form.append("file", new Blob(["hello"]), "hello.txt");
  form.append("name", "\u0000");
  return form;
}

const IDLE = { status: "idle" };
const ARGUMENTS: [string, unknown[]][] = [
  ["no arguments", []],
  ["undefined, undefined", [undefined, undefined]],
  ["numbers", [1, 2]],
  ["a plain object for the form", [IDLE, { name: "Acme" }]],
  ["a string for the form", [IDLE, "name=Acme"]],
  ["null for the form", [IDLE, null]],
  ["an array for the form", [IDLE, [["name", "Acme"]]]],
  ["a FormData with odd keys", [IDLE, "odd form"]],
  ["a FormData as the only argument", ["odd form"]],
  ["the state where the form goes", ["odd form", IDLE]],
];

const counts = async () => ({
  organizations: await getDb().organization.count(),
  assessments: await getDb().assessment.count(),
  users: await getDb().user.count(),
  invitations: await getDb().memberInvitation.count(),
  tokens: await getDb().apiToken.count(),
});

describe("server actions called with malformed arguments", () => {
  it("there are actions to call", () => {
    expect(ACTIONS.length).toBeGreaterThan(15);
  });

  for (const who of ["owner", "anonymous"] as const) {
    it(`answer every malformed call from ${who === "owner" ? "a signed-in owner" : "someone signed out"} without a throw or a write`, async () => {
      const before = await counts();
      const failures: string[] = [];
      for (const [name, action] of ACTIONS) {
        for (const [label, template] of ARGUMENTS) {
          actAs(who === "owner" ? world.a.owner.cookie : null);
          const args = template.map((arg) => (arg === "odd form" ? oddForm() : arg));
          try {
            const outcome = await settle(async () => {
              const state = await action(...args);
              return state as never;
            });
            if (outcome.kind === "state") {
              const state = outcome.state as { status: string; code?: string };
              if (state.status === "success") failures.push(`${name} (${label}): success`);
              if (state.code === "internal") failures.push(`${name} (${label}): internal`);
            }
          } catch (error) {
            failures.push(`${name} (${label}): threw ${String(error).slice(0, 120)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(await counts()).toEqual(before);
    });
  }

  it("a form field named __proto__ is an unknown field, not a prototype", async () => {
    actAs(world.a.owner.cookie);
    const name = `Proto ${uniqueSuffix()}`;
    const form = formData({ name });
    form.append("__proto__", "polluted");
    const outcome = await settle(() =>
      organizationActions.createOrganizationAction({ status: "idle" }, form),
    );
    expect(outcome.kind).toBe("state");
    expect(await getDb().organization.count({ where: { name } })).toBe(0);
  });
});
