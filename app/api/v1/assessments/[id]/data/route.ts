import { assessmentExportHandler } from "@/lib/exports/http";

export const GET = assessmentExportHandler;
