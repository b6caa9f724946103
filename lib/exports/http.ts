import "server-only";
import { json, withWorkspace } from "@/lib/api/http";
import { parseInput } from "@/lib/errors";
import { CSV_TYPE, fileBaseName, fileResponse } from "@/lib/api/downloads";
import { readExport, type ExportScope } from "./data";
import { answersCsv, exportXlsx, resultsCsv } from "./files";
import { exportFormat, exportQuerySchema, XLSX_TYPE } from "./schema";

// GET .../data for an organisation or a round: `?kind=answers|results` (CSV and JSON give one
// kind; the XLSX holds both, one sheet each) and `?format=csv|xlsx|json` or `Accept`.

function exportHandler(scopeOf: (id: string) => ExportScope) {
  return withWorkspace(
    async ({ request, ctx, params }) => {
      const query = parseInput(
        exportQuerySchema,
        Object.fromEntries(new URL(request.url).searchParams),
      );
      const format = exportFormat(query, request.headers.get("accept"));
      const both = format === "xlsx";
      const data = await readExport(ctx, scopeOf(params.id ?? ""), {
        answers: both || query.kind === "answers",
        results: both || query.kind === "results",
      });
      const base = fileBaseName(data.name);
      if (format === "xlsx")
        return fileResponse(await exportXlsx(data), XLSX_TYPE, `${base} export.xlsx`);
      if (format === "csv") {
        const csv = query.kind === "answers" ? answersCsv(data) : resultsCsv(data);
        return fileResponse(csv, CSV_TYPE, `${base} ${query.kind}.csv`);
      }
      return json(
        query.kind === "answers"
          ? { answers: data.answers }
          : { columns: data.resultColumns, results: data.results },
      );
    },
    { permission: "assessment.read" },
  );
}

export const organizationExportHandler = exportHandler((id) => ({ organizationId: id }));
export const assessmentExportHandler = exportHandler((id) => ({ assessmentId: id }));
