import "server-only";
import { withWorkspace, type ApiHandler } from "@/lib/api/http";
import { fileBaseName, fileResponse } from "@/lib/api/downloads";
import { parseInput } from "@/lib/errors";
import { getReportData } from "./data";
import { renderReportPdf } from "./pdf";
import { renderReportPptx } from "./pptx";
import { reportQuerySchema } from "./schema";

// The report downloads, one handler each for the page route (/organizations/{id}/report.pdf) and
// its /api/v1 twin: the same wrapper as every REST handler, so a session or an API token, the
// same scoping (another workspace's organisation is 404) and the same JSON errors.

export function reportFileName(organizationName: string, extension: string): string {
  return `${fileBaseName(organizationName)} readiness report.${extension}`;
}

const reportPdf: ApiHandler = async ({ request, ctx, params }) => {
  const { paper } = parseInput(
    reportQuerySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const data = await getReportData(ctx, params.id ?? "");
  const pdf = await renderReportPdf(data, paper);
  return fileResponse(pdf, "application/pdf", reportFileName(data.organization.name, "pdf"));
};

export const PPTX_TYPE =
  "application/vnd.openxmlformats-officedocument.presentationml.presentation";

const reportPptx: ApiHandler = async ({ ctx, params }) => {
  const data = await getReportData(ctx, params.id ?? "");
  const deck = await renderReportPptx(data);
  return fileResponse(deck, PPTX_TYPE, reportFileName(data.organization.name, "pptx"));
};

const permission = "assessment.read";
export const reportPdfHandler = withWorkspace(reportPdf, { permission });
export const reportPptxHandler = withWorkspace(reportPptx, { permission });
/** The page twins: a signed-out browser is sent to sign in and back. */
export const reportPdfPageHandler = withWorkspace(reportPdf, { permission, page: true });
export const reportPptxPageHandler = withWorkspace(reportPptx, { permission, page: true });
