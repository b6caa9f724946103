import { reportPdfHandler } from "@/lib/reports/http";

export const GET = reportPdfHandler;
