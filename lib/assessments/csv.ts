import { AppError } from "@/lib/errors";

// `name,email,role` per line, an optional header line. Quoted fields ("Smith, Jo") are allowed.
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

export type CsvInvitation = { name?: string; email?: string; role: string };

/** Rows for invitationsSchema, which checks each one; a malformed line is named by number. */
export function parseInvitationCsv(text: string): CsvInvitation[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines[0] && /^name\s*,\s*email\s*,\s*role$/i.test(lines[0])) lines.shift();
  if (lines.length === 0)
    throw new AppError("validation_failed", "The CSV has no rows.", {
      fields: { csv: "Paste one `name,email,role` per line." },
    });
  return lines.map((line, i) => {
    const cells = splitCsvLine(line);
    if (cells.length !== 3) {
      throw new AppError(
        "validation_failed",
        `Line ${i + 1} should have 3 fields (name,email,role), it has ${cells.length}.`,
        {
          fields: { csv: `Line ${i + 1}: expected name,email,role.` },
        },
      );
    }
    const [name, email, role] = cells as [string, string, string];
    return {
      ...(name ? { name } : {}),
      ...(email ? { email: email.toLowerCase() } : {}),
      role: role.toLowerCase(),
    };
  });
}
