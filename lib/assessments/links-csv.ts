// The respondent links as a CSV to download. No imports, so the browser bundle stays small.

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** name,email,role,link per line; an open link has no role: the respondent picks one. */
export function linksToCsv(
  links: { name: string | null; email: string | null; role: string | null; url: string }[],
): string {
  const rows = links.map((l) =>
    [l.name ?? "", l.email ?? "", l.role ?? "any", l.url].map(csvCell).join(","),
  );
  return ["name,email,role,link", ...rows].join("\n") + "\n";
}
