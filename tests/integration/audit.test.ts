import { afterAll, beforeAll, describe, expect, it } from "vitest";
import AuditPage from "@/app/(app)/settings/audit/page";
import {
  createAssessment,
  createOpenLink,
  openAssessment,
  revokeRespondentLink,
} from "@/lib/assessments/mutations";
import { listAuditEvents } from "@/lib/audit/data";
import { describeAuditAction } from "@/lib/audit/labels";
import { disconnectDb, getDb } from "@/lib/db";
import { updateOrganization } from "@/lib/organizations/mutations";
import { actAs, settle } from "../fixtures/next-request";
import { buildWorld, uniqueSuffix, type World } from "../fixtures/world";

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await disconnectDb();
});

/** The text the audit page renders for the signed-in owner of workspace A. */
async function auditPageText(): Promise<string> {
  actAs(world.a.owner.cookie);
  let element: unknown;
  const outcome = await settle(async () => {
    element = await AuditPage();
  });
  expect(outcome.kind).toBe("state");
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (typeof node === "string") out.push(node);
    else if (typeof node === "object" && node !== null && !seen.has(node)) {
      seen.add(node);
      for (const [key, value] of Object.entries(node)) {
        if (key !== "_owner" && key !== "_store" && key !== "_debugInfo") walk(value);
      }
    }
  };
  walk(element);
  return out.join("\n");
}

describe("the audit log", () => {
  it("editing an organisation is recorded, with the fields changed and not their values", async () => {
    const name = `Renamed ${uniqueSuffix()}`;
    await updateOrganization(world.a.consultant.ctx, world.a.notGranted.id, {
      name,
      notes: "said in confidence",
    });
    const [latest] = await listAuditEvents(world.a.owner.ctx, { limit: 1 });
    expect(latest).toMatchObject({
      action: "organization.updated",
      actorLabel: world.a.consultant.email,
      targetType: "organization",
      targetId: world.a.notGranted.id,
    });
    expect(latest?.detail).toEqual({ name, changed: ["name", "notes"] });
    expect(JSON.stringify(latest?.detail)).not.toContain("confidence");
    expect(await auditPageText()).toContain("Edited an organisation");
  });

  it("the page labels every round action instead of showing its key", async () => {
    const round = await createAssessment(world.a.owner.ctx, world.a.granted.id, {
      name: `Audit ${uniqueSuffix()}`,
    });
    const link = await createOpenLink(world.a.owner.ctx, round.id);
    await revokeRespondentLink(world.a.owner.ctx, round.id, link.id);
    await openAssessment(world.a.owner.ctx, round.id);

    const text = await auditPageText();
    for (const label of ["Created a round", "Created an open link for a round", "Opened a round"]) {
      expect(text).toContain(label);
    }
    expect(text).not.toMatch(/\bassessment\.[a-z_]+\b/);
  });

  it("every action in the database, from every test that ran before, has a label", async () => {
    const actions = await getDb().auditEvent.findMany({
      distinct: ["action"],
      select: { action: true },
    });
    expect(actions.length).toBeGreaterThan(5);
    const unlabelled = actions.map((a) => a.action).filter((a) => describeAuditAction(a) === a);
    expect(unlabelled).toEqual([]);
  });
});
