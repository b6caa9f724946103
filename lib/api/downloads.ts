import "server-only";
import { exportFileName, serializeExport } from "@/lib/portability/data";
import type { ExportFile } from "@/lib/portability/schema";

/** An export file as a download: JSON, named for what it holds, never cached. */
export function exportDownload(file: ExportFile): Response {
  return new Response(serializeExport(file), {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(file)}"`,
      "cache-control": "no-store",
    },
  });
}
