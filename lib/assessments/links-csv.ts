import { toCsv } from "@/lib/csv/write";

// The respondent links as a CSV to download, built in the browser (lib/csv/write is pure).

/** name,email,role,link per line; an open link has no role: the respondent picks one. */
export function linksToCsv(
  links: { name: string | null; email: string | null; role: string | null; url: string }[],
): string {
  return toCsv(
    [
      ["name", "email", "role", "link"],
      ...links.map((l) => [l.name, l.email, l.role ?? "any", l.url]),
    ],
    { bom: true },
  );
}
