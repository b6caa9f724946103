/**
 * A CSV file as a download: `text/csv` in UTF-8, saved under `filename` (ASCII, chosen by us,
 * never by the client), never cached by a shared cache since it holds a workspace's data.
 */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
