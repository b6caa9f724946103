import { organizationExportHandler } from "@/lib/exports/http";

export const GET = organizationExportHandler;
