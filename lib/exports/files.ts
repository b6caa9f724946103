import "server-only";
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
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly string[],
  rows: Cell[][],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((header) => ({
    header,
    key: header,
    width: Math.min(60, Math.max(10, header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows)
    sheet.addRow(row.map((v) => (typeof v === "boolean" ? (v ? "yes" : "no") : v)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function exportXlsx(data: ExportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "GapMap";
  addSheet(workbook, "Answers", ANSWER_COLUMNS, data.answers.map(answerCells));
  addSheet(
    workbook,
    "Results",
    data.resultColumns,
    data.results.map((r) => data.resultColumns.map((c) => r[c] ?? null)),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
