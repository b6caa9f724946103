import { reportPptxPageHandler } from "@/lib/reports/http";

// The board deck from the app's own pages (the session), twin of /api/v1/.../report.pptx.
export const GET = reportPptxPageHandler;
