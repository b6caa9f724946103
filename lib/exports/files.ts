import "server-only";
import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import { toCsv, type CsvCell } from "@/lib/csv/write";
import { ANSWER_COLUMNS, type AnswerRow, type ExportData } from "./data";

// The export files. CSV through the one CSV writer (lib/csv/write: quoting, BOM, formula-like
// text defused); XLSX with exceljs, one sheet each for answers and results, where text is always
// stored as text (a cell that starts with "=" is a string, never a formula).

type Cell = string | number | boolean | null;

function csvCell(value: Cell): CsvCell {
  return typeof value === "boolean" ? (value ? "yes" : "no") : value;
}

function answerCells(row: AnswerRow): Cell[] {
  return ANSWER_COLUMNS.map((column) => row[column]);
}

export function answersCsv(data: ExportData): string {
  return toCsv([[...ANSWER_COLUMNS], ...data.answers.map((r) => answerCells(r).map(csvCell))], {
    bom: true,
  });
}

export function resultsCsv(data: ExportData): string {
  return toCsv(
    [
      data.resultColumns,
      ...data.results.map((r) => data.resultColumns.map((c) => csvCell(r[c] ?? null))),
    ],
    { bom: true },
  );
}

function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly string[],
  rows: Iterable<Cell[]>,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((header) => ({
    header,
    key: header,
    width: Math.min(60, Math.max(10, header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  // Each row is written out as it is added: the workbook never holds the answers whole.
  for (const row of rows)
    sheet.addRow(row.map((v) => (typeof v === "boolean" ? (v ? "yes" : "no") : v))).commit();
  sheet.commit();
}

function* mapped<T, U>(items: readonly T[], f: (item: T) => U): Iterable<U> {
  for (const item of items) yield f(item);
}

/**
 * Both sheets, written by exceljs's streaming writer without shared strings. Its in-memory
 * workbook took 13 s and a 2.6 GB peak to write 82,400 answers (BENCHMARKS.md).
 */
export async function exportXlsx(data: ExportData): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "GapMap";
  addSheet(workbook, "Answers", ANSWER_COLUMNS, mapped(data.answers, answerCells));
  addSheet(
    workbook,
    "Results",
    data.resultColumns,
    mapped(data.results, (r) => data.resultColumns.map((c) => r[c] ?? null)),
  );
  await workbook.commit();
  await finished(stream);
  return Buffer.concat(chunks);
}
