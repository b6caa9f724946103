import { RESPONDENT_ROLES } from "@/lib/framework";
import { describe, expect, it } from "vitest";
import {
  DASHES,
  INK,
  MUTED,
  SERIES_COLORS,
  colorAt,
  dashAt,
  roleInitial,
} from "@/components/charts/palette";

// WCAG 2.1 1.4.11 (non-text contrast): a bar, line or point a reader must tell apart needs 3:1
// against what it is drawn on. Charts sit on white cards on the slate-50 page, so both count.
// The formula is WCAG's relative luminance: https://www.w3.org/TR/WCAG21/#dfn-relative-luminance

const BACKGROUNDS = { white: "#ffffff", "slate-50 page": "#f8fafc" };

function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("chart palette", () => {
  it("computes WCAG contrast ratios as the spec's own examples do", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  for (const [name, background] of Object.entries(BACKGROUNDS)) {
    it(`every series colour, the ink and the muted grey reach 3:1 against ${name}`, () => {
      const failing = [...SERIES_COLORS, INK, MUTED]
        .map((color) => ({ color, ratio: Number(contrastRatio(color, background).toFixed(2)) }))
        .filter((c) => c.ratio < 3);
      expect(failing).toEqual([]);
    });
  }

  it("never tells series apart by colour alone: each of the first eight has its own dash", () => {
    const pairs = Array.from(
      { length: SERIES_COLORS.length },
      (_, i) => `${colorAt(i)} ${dashAt(i)}`,
    );
    expect(new Set(pairs).size).toBe(SERIES_COLORS.length);
    expect(new Set(DASHES).size).toBe(DASHES.length);
    expect(new Set(SERIES_COLORS).size).toBe(SERIES_COLORS.length);
  });

  it("marks each role's bar with its own letter, so the perception bars are not colour alone", () => {
    const letters = RESPONDENT_ROLES.map(roleInitial);
    expect(letters).toEqual(["E", "B", "T", "D"]);
  });
});
