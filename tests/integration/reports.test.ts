import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as reportPdfRoute from "@/app/api/v1/organizations/[id]/report.pdf/route";
import * as pageReportPdfRoute from "@/app/(app)/organizations/[id]/report.pdf/route";
import * as reportPptxRoute from "@/app/api/v1/organizations/[id]/report.pptx/route";
import * as pageReportPptxRoute from "@/app/(app)/organizations/[id]/report.pptx/route";
import { uploadLogoAction } from "@/app/(app)/settings/actions";
import { disconnectDb, getDb } from "@/lib/db";
import { seedRichestOrganization } from "@/lib/demo/seed";
import { findOrganizationPage } from "@/lib/dashboards/data";
import { ARTICLE_FIGURES } from "@/lib/dashboards/shape";
import { setWorkspaceLogo } from "@/lib/workspaces/mutations";
import { AppError } from "@/lib/errors";
import {
  actAs,
  apiRequest,
  readResponse,
  routeParams,
  settle,
  submit,
} from "../fixtures/next-request";
import { idle } from "@/lib/forms/state";
import { buildWorld, freshOrganization, type World } from "../fixtures/world";
import { hugePngHeader, logoForm, SVG_AS_PNG, wideLogoPng } from "../fixtures/logo";

// The PDF report of the demo's richest organisation (Meridian's history, initiatives, actions,
// comments and key quotes, seeded the way the demo seeds it), read back with poppler: its text
// must say the headline and every dimension; its pages are written as images for a person to
// look at (tmp/reports/*.png).

const out = path.resolve("tmp", "reports");
let world: World;
let organizationId: string;

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

async function getPdf(
  route: { GET: typeof reportPdfRoute.GET },
  id: string,
  options: { bearer?: string; cookie?: string; query?: string },
) {
  return route.GET(
    apiRequest(`/api/v1/organizations/${id}/report.pdf${options.query ?? ""}`, options),
    routeParams({ id }),
  );
}

beforeAll(async () => {
  world = await buildWorld();
  const organization = await freshOrganization(world.a, "Meridian Logistics", {
    grantToExecutive: true,
  });
  organizationId = organization.id;
  await seedRichestOrganization(world.a.owner.ctx, organizationId, world.a.owner.memberId);
  await setWorkspaceLogo(world.a.owner.ctx, wideLogoPng());
  fs.mkdirSync(out, { recursive: true });
}, 120_000);

afterAll(async () => {
  await disconnectDb();
});

describe("the PDF report", () => {
  it("of the demo's richest organisation has real text: the headline, every dimension, the quotes and the figures", async () => {
    const response = await getPdf(reportPdfRoute, organizationId, {
      bearer: world.a.consultant.bearer,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("attachment;");
    const file = path.join(out, "meridian-a4.pdf");
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = normalise(execFileSync("pdftotext", [file, "-"]).toString("utf8"));
    const page = (await findOrganizationPage(world.a.consultant.ctx, organizationId))!;
    const latest = page.latest!;
    expect(text).toContain(page.organization.name);
    expect(text).toContain(world.a.name);
    expect(text).toContain(`Stage ${latest.headline.stage}`);
    expect(text).toContain(latest.headline.stageName!);
    expect(text).toContain(latest.headline.readyToScale ? "Ready to scale" : "Not ready to scale");
    for (const d of latest.dimensions) expect(text, d.name).toContain(normalise(d.name));
    for (const part of latest.diagnostic) expect(text).toContain(part.name);
    expect(text).toContain("Shipment ETA prediction"); // an initiative
    expect(text).toContain("nightly export"); // a key quote
    expect(text).toContain("Deloitte, State of AI 2026");
    for (const f of Object.values(ARTICLE_FIGURES)) expect(text).toContain(normalise(f.figure));
    expect(text).toMatch(/Page 1 of (\d+)/);
    const pages = Number(/Page 1 of (\d+)/.exec(text)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const info = execFileSync("pdfinfo", [file]).toString("utf8");
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(out, "meridian-a4")]);
    expect(fs.readdirSync(out).filter((f) => f.startsWith("meridian-a4-")).length).toBe(pages);
  }, 60_000);

  it("comes in Letter with ?paper=letter, from the page route with a session too", async () => {
    const response = await getPdf(pageReportPdfRoute, organizationId, {
      cookie: world.a.executive.cookie,
      query: "?paper=letter",
    });
    expect(response.status).toBe(200);
    const file = path.join(out, "meridian-letter.pdf");
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    expect(execFileSync("pdfinfo", [file]).toString("utf8")).toMatch(
      /Page size:\s+612 x 792 pts \(letter\)/,
    );
  }, 60_000);

  it("is 404 for another workspace's organisation and an ungranted one, 422 for a paper it does not know; signed out: sign in first (page) or 401 (API)", async () => {
    const other = await getPdf(reportPdfRoute, organizationId, { bearer: world.b.owner.bearer });
    expect(await readResponse(other)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    const ungranted = await getPdf(reportPdfRoute, world.a.notGranted.id, {
      bearer: world.a.executive.bearer,
    });
    expect(ungranted.status).toBe(404);
    const paper = await getPdf(reportPdfRoute, organizationId, {
      bearer: world.a.owner.bearer,
      query: "?paper=a3",
    });
    expect(await readResponse(paper)).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed" } },
    });
    // The page route sends a signed-out browser to sign in and back; the API answers 401.
    const anonymous = await getPdf(pageReportPdfRoute, organizationId, {});
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?next=%2F/);
    expect((await getPdf(reportPdfRoute, organizationId, {})).status).toBe(401);
  });

  it("an organisation without a closed round gets a one-page report saying so", async () => {
    const empty = await freshOrganization(world.a, "Empty report");
    const response = await getPdf(reportPdfRoute, empty.id, { bearer: world.a.owner.bearer });
    const file = path.join(out, "empty.pdf");
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = normalise(execFileSync("pdftotext", [file, "-"]).toString("utf8"));
    expect(text).toContain("No closed round yet");
    expect(text).toContain("Page 1 of 1");
    // Latin text only: Helvetica alone, nothing else embedded.
    expect(execFileSync("pdffonts", [file]).toString("utf8")).not.toContain("DejaVu");
  });

  it("prints what Helvetica lacks (Polish, Cyrillic, Greek) with the embedded fallback, not as gaps", async () => {
    const name = "Łódź Логистика Ελλάς";
    const organization = await freshOrganization(world.a, name);
    const response = await getPdf(reportPdfRoute, organization.id, {
      bearer: world.a.owner.bearer,
    });
    expect(response.status).toBe(200);
    const file = path.join(out, "unicode.pdf");
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = normalise(execFileSync("pdftotext", [file, "-"]).toString("utf8"));
    expect(text).toContain(name);
    expect(execFileSync("pdffonts", [file]).toString("utf8")).toContain("DejaVuSans");
  });
});

describe("the board deck", () => {
  function unzip(file: string, entry: string): string {
    return execFileSync("unzip", ["-p", file, entry]).toString("utf8");
  }

  it("of the demo's richest organisation has five to eight slides with native charts and tables", async () => {
    const response = await reportPptxRoute.GET(
      apiRequest(`/api/v1/organizations/${organizationId}/report.pptx`, {
        bearer: world.a.executive.bearer,
      }),
      routeParams({ id: organizationId }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    const file = path.join(out, "meridian.pptx");
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const entries = execFileSync("unzip", ["-Z1", file]).toString("utf8").split("\n");
    const slides = entries.filter((e) => /^ppt\/slides\/slide\d+\.xml$/.test(e));
    expect(slides.length).toBeGreaterThanOrEqual(5);
    expect(slides.length).toBeLessThanOrEqual(8);
    const charts = entries.filter((e) => /^ppt\/charts\/chart\d+\.xml$/.test(e));
    expect(charts.length).toBe(2);
    const chartXml = charts.map((c) => unzip(file, c)).join("");
    expect(chartXml).toContain("<c:barChart>");
    expect(chartXml).toContain("<c:lineChart>");
    const xml = slides
      .sort((a, b) => Number(/(\d+)/.exec(a)![1]) - Number(/(\d+)/.exec(b)![1]))
      .map((slide) => unzip(file, slide));
    const text = xml.join(" ");
    const page = (await findOrganizationPage(world.a.consultant.ctx, organizationId))!;
    expect(xml[0]).toContain(page.organization.name);
    expect(xml[0]).toContain(
      `Stage ${page.latest!.headline.stage}: ${page.latest!.headline.stageName}`,
    );
    expect(xml[0]).toContain("<p:pic>"); // the workspace logo
    // The dimension names are the chart's categories, in its own XML.
    for (const d of page.latest!.dimensions) expect(chartXml, d.name).toContain(d.name);
    expect(text.match(/<a:tbl>/g)?.length).toBeGreaterThanOrEqual(4);
    expect(text).toContain("The three-part diagnostic");
    expect(text).toContain("nightly export");
    expect(text).toContain("Deloitte, State of AI 2026");
  });

  it("is 404 for another workspace's organisation, and served to a session on the page route", async () => {
    const other = await reportPptxRoute.GET(
      apiRequest(`/api/v1/organizations/${organizationId}/report.pptx`, {
        bearer: world.b.consultant.bearer,
      }),
      routeParams({ id: organizationId }),
    );
    expect(await readResponse(other)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    const page = await pageReportPptxRoute.GET(
      apiRequest(`/organizations/${organizationId}/report.pptx`, { cookie: world.a.owner.cookie }),
      routeParams({ id: organizationId }),
    );
    expect(page.status).toBe(200);
  });
});

describe("the workspace logo", () => {
  const code = (p: Promise<unknown>) =>
    p.then(
      () => "allowed",
      (e: unknown) => (e instanceof AppError ? e.code : "internal"),
    );

  it("accepts a PNG by its bytes and refuses an SVG named .png, a declared huge image and a file over the cap", async () => {
    const before = await getDb().workspace.findUnique({
      where: { id: world.b.id },
      select: { logoUpdatedAt: true },
    });
    expect(await code(setWorkspaceLogo(world.b.owner.ctx, SVG_AS_PNG))).toBe("validation_failed");
    expect(await code(setWorkspaceLogo(world.b.owner.ctx, hugePngHeader()))).toBe(
      "validation_failed",
    );
    const big = Buffer.concat([wideLogoPng(), Buffer.alloc(300 * 1024)]);
    expect(await code(setWorkspaceLogo(world.b.owner.ctx, big))).toBe("validation_failed");
    expect(
      await getDb().workspace.findUnique({
        where: { id: world.b.id },
        select: { logoUpdatedAt: true },
      }),
    ).toEqual(before);
    actAs(world.b.owner.cookie);
    const empty = await submit(uploadLogoAction, {});
    expect(empty.kind === "state" && empty.state.status).toBe("error");
    const svg = await settle(() => uploadLogoAction(idle, logoForm(SVG_AS_PNG)));
    expect(svg.kind === "state" && svg.state.status === "error" && svg.state.fields?.logo).toBe(
      "The logo must be a PNG or JPEG image.",
    );
    // Named and typed as a JPEG, but a PNG: the type stored is the one its bytes say.
    const png = await settle(() =>
      uploadLogoAction(idle, logoForm(wideLogoPng(), "logo.jpg", "image/jpeg")),
    );
    expect(png.kind === "state" && png.state.status).toBe("success");
    const stored = await getDb().workspace.findUniqueOrThrow({
      where: { id: world.b.id },
      select: { logoType: true },
    });
    expect(stored.logoType).toBe("image/png");
  });

  it("only an owner changes it", async () => {
    expect(await code(setWorkspaceLogo(world.b.consultant.ctx, wideLogoPng()))).toBe("forbidden");
    expect(await code(setWorkspaceLogo(world.b.executive.ctx, null))).toBe("forbidden");
  });
});
