// Okabe-Ito: distinguishable with the common colour-vision deficiencies. Every series also gets a
// dash pattern or a fill pattern and a label, so colour is never the only way to tell them apart.
export const SERIES_COLORS = [
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#D55E00", // vermillion
  "#000000", // black
  "#999999", // grey
] as const;

export const DASHES = ["0", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4", "3 6"] as const;

export const INK = "#0f172a";
export const MUTED = "#64748b";
export const GRID = "#e2e8f0";

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
