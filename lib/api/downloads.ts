import "server-only";
import { exportFileName, serializeExport } from "@/lib/portability/data";
import type { ExportFile } from "@/lib/portability/schema";

// Every file GapMap hands out as a download (reports, decks, exports, CSVs) answers through
// fileResponse: the same headers, and a file name no client can turn into a header injection.

/** A file download: the name is ASCII-safe, with the full name in RFC 5987 form beside it. */
export function fileResponse(body: Uint8Array | string, type: string, filename: string): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  const ascii = filename.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-+/g, "-");
  return new Response(bytes, {
    status: 200,
    headers: {
      "content-type": type,
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** A name for a downloaded file: no path separators, reserved or control characters. */
export function fileBaseName(name: string): string {
  return name.trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ");
}

export const CSV_TYPE = "text/csv; charset=utf-8";

/** An export file as a download: JSON, named for what it holds. */
export function exportDownload(file: ExportFile): Response {
  return fileResponse(
    serializeExport(file),
    "application/json; charset=utf-8",
    exportFileName(file),
  );
}
