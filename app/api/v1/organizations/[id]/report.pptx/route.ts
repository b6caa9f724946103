import { reportPptxHandler } from "@/lib/reports/http";

export const GET = reportPptxHandler;
