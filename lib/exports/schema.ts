import { z } from "zod";

export const EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `?kind=answers|results&format=csv|xlsx|json`; the format may come from `Accept` instead. */
export const exportQuerySchema = z.object({
  kind: z
    .enum(["answers", "results"], { error: "Use kind=answers or kind=results." })
    .default("answers"),
  format: z.enum(EXPORT_FORMATS, { error: "Use format=csv, xlsx or json." }).optional(),
});

/** `?format=` first; else `Accept: text/csv` or the XLSX type; else JSON. */
export function exportFormat(
  query: { format?: ExportFormat },
  accept: string | null,
): ExportFormat {
  if (query.format) return query.format;
  const types = (accept ?? "").split(",").map((t) => t.split(";")[0]!.trim().toLowerCase());
  if (types.includes("text/csv")) return "csv";
  if (types.includes(XLSX_TYPE)) return "xlsx";
  return "json";
}
