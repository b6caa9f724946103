import { reportPdfPageHandler } from "@/lib/reports/http";

// The PDF report from the app's own pages (a signed-in browser's session), the twin of
// /api/v1/organizations/{id}/report.pdf.
export const GET = reportPdfPageHandler;
