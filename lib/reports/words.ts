import type { DiagnosticStatus } from "@/lib/scoring/types";
import { INITIATIVE_STATUS_LABELS } from "@/components/initiatives/labels";
import { ACTION_STATUS_LABELS } from "@/components/actions/labels";
import { DIAGNOSTIC_STATUS_LOOK } from "@/components/dashboard/diagnostic";

// The words the PDF and the deck print, from the same label tables the pages use.

export { INITIATIVE_STATUS_LABELS, ACTION_STATUS_LABELS };

export function diagnosticLabel(status: DiagnosticStatus): string {
  return DIAGNOSTIC_STATUS_LOOK[status].label;
}

export function formatDay(date: Date): string {
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** What a next step's action says in every report (page, PDF): owner, status, due date. */
export function stepActionLine(
  action: null | {
    owner: string | null;
    dueDate: Date | null;
    status: keyof typeof ACTION_STATUS_LABELS;
    overdue: boolean;
  },
  ownerTitle: string,
): string {
  if (!action) return `Owner: no one yet. Suggested: ${ownerTitle}`;
  return `Owner: ${action.owner ?? `not named (${ownerTitle})`} · ${ACTION_STATUS_LABELS[action.status]}${action.dueDate ? ` · due ${formatDay(action.dueDate)}` : ""}${action.overdue ? " · overdue" : ""}`;
}

export function score(value: number | null): string {
  return value === null ? "no score" : String(Math.round(value));
}

export function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : "±0";
}

/**
 * Text for the PDF's built-in Helvetica, which has only the Windows-1252 characters: the few
 * symbols GapMap's own words use are spelled out (they read better in Helvetica than in the
 * fallback); anything else outside it (a respondent writing in Greek, say) is kept and printed
 * with the embedded DejaVu Sans (see decision 0013).
 */
export function pdfText(text: string): string {
  return text
    .replaceAll("≥", ">=")
    .replaceAll("≤", "<=")
    .replaceAll("→", "->")
    .replaceAll("−", "-")
    .replaceAll("✓", "")
    .replaceAll("\u00a0", " ");
}
