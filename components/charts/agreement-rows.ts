import { RESPONDENT_ROLES } from "@/lib/framework/schema";

export type AgreementDatum = {
  question: string;
  text: string;
  dimension: string;
  role: string;
  agreement: number | null;
  answers: number;
};

/** One question's row: its text once, then per role (in `roles` order) [agreement, answers] or null. */
export type AgreementRow = {
  id: string;
  text: string;
  dimension: string;
  byRole: ([number, number] | null)[];
};

export type AgreementRows = {
  roles: string[];
  rows: AgreementRow[];
  /** Question-and-role pairs under 0.5, and the widest of them. */
  split: { count: number; widest: { role: string; text: string; agreement: number } | null };
};

/**
 * The heatmap's rows, worked out on the server: the cells arrive one per question and role, each
 * repeating the question's text, which made them most of the dashboard's RSC payload.
 * Least agreement first: that is what a consultant wants to talk about in the room.
 */
export function agreementRows(
  cells: AgreementDatum[],
  dimensionNames: Record<string, string> = {},
): AgreementRows {
  const order: readonly string[] = RESPONDENT_ROLES;
  const roles = [...new Set(cells.map((c) => c.role))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  const byQuestion = new Map<string, { row: AgreementRow; min: number }>();
  for (const c of cells) {
    const entry = byQuestion.get(c.question) ?? {
      row: {
        id: c.question,
        text: c.text,
        dimension: dimensionNames[c.dimension] ?? c.dimension,
        byRole: roles.map(() => null),
      },
      min: 1,
    };
    entry.row.byRole[roles.indexOf(c.role)] =
      c.agreement === null ? null : [c.agreement, c.answers];
    if (c.agreement !== null) entry.min = Math.min(entry.min, c.agreement);
    byQuestion.set(c.question, entry);
  }
  const rows = [...byQuestion.values()]
    .sort((a, b) => a.min - b.min || (a.row.id < b.row.id ? -1 : 1))
    .map((e) => e.row);
  const split = cells
    .filter((c) => c.agreement !== null && c.agreement < 0.5)
    .sort((a, b) => (a.agreement ?? 1) - (b.agreement ?? 1));
  const first = split[0];
  return {
    roles,
    rows,
    split: {
      count: split.length,
      widest: first ? { role: first.role, text: first.text, agreement: first.agreement! } : null,
    },
  };
}
