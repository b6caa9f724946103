import { respondentRoleLabel } from "@/lib/framework/roles";
// Okabe-Ito: distinguishable with the common colour-vision deficiencies. Every series also gets a
// dash pattern or a fill pattern and a label, so colour is never the only way to tell them apart.
// The four lightest (orange, reddish purple, sky blue, grey) are darkened along their own hue to
// reach 3:1 against the white card and the slate-50 page (WCAG 1.4.11, non-text contrast);
// tests/unit/chart-palette.test.ts checks every colour.
export const SERIES_COLORS = [
  "#0072B2", // blue                5.2:1 on white
  "#B07800", // orange (darkened)   3.8:1
  "#009E73", // bluish green        3.4:1
  "#B85F92", // reddish purple (d.) 4.1:1
  "#3A8FC9", // sky blue (darkened) 3.5:1
  "#D55E00", // vermillion          3.9:1
  "#000000", // black               21:1
  "#767676", // grey (darkened)     4.5:1
] as const;

export const DASHES = ["0", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4", "3 6"] as const;

export const INK = "#0f172a";
export const MUTED = "#64748b";
export const GRID = "#e2e8f0";

/** A role's one-letter mark on a bar (E, B, T, D), shown beside its name in the legend. */
export function roleInitial(role: string): string {
  return respondentRoleLabel(role).charAt(0).toUpperCase();
}

export function colorAt(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length]!;
}

export function dashAt(i: number): string {
  return DASHES[i % DASHES.length]!;
}

export function fmt(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return value.toFixed(digits);
}

export function pct(share: number | null | undefined): string {
  if (share === null || share === undefined) return "—";
  return `${Math.round(share * 100)}%`;
}
