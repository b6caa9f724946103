import { z } from "zod";
import type { PortfolioRow } from "./data";

// The portfolio's filters and sort order arrive as URL search params (a GET form, so it works
// without JavaScript); parsed here so page, API and tests read them the same way.

export const PORTFOLIO_SORTS = [
  "name",
  "stage",
  "index",
  "change",
  "lastAssessed",
  "openRounds",
] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const s = single(v);
  return typeof s === "string" && s.trim() === "" ? undefined : s;
};

export const portfolioQuerySchema = z.object({
  sector: z.preprocess(blankToUndefined, z.string().max(80).optional()),
  // "none" = organisations without a stage: no closed round yet, or too few answers for one.
  stage: z.preprocess(
    blankToUndefined,
    z.union([z.literal("none"), z.coerce.number().int().min(1).max(5)]).optional(),
  ),
  sort: z.preprocess(blankToUndefined, z.enum(PORTFOLIO_SORTS).catch("name").default("name")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).catch("asc").default("asc")),
});
export type PortfolioQuery = z.output<typeof portfolioQuerySchema>;

/** Unknown or malformed params fall back to the unfiltered list by name, never an error page. */
export function parsePortfolioQuery(
  params: Record<string, string | string[] | undefined>,
): PortfolioQuery {
  const parsed = portfolioQuerySchema.safeParse(params);
  return parsed.success ? parsed.data : { sort: "name", dir: "asc" };
}

export function filterAndSortPortfolio(
  rows: PortfolioRow[],
  query: PortfolioQuery,
): PortfolioRow[] {
  const filtered = rows.filter(
    (r) =>
      (query.sector === undefined || r.sector === query.sector) &&
      (query.stage === undefined ||
        (query.stage === "none" ? r.stage === null : r.stage === query.stage)),
  );
  const key = (r: PortfolioRow): string | number | null => {
    switch (query.sort) {
      case "name":
        return r.name.toLocaleLowerCase("en");
      case "lastAssessed":
        return r.lastAssessed;
      default:
        return r[query.sort];
    }
  };
  const sign = query.dir === "desc" ? -1 : 1;
  return [...filtered].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Organisations without a value go last whichever the direction: they are not "lowest".
    if (ka === null && kb === null) return a.name.localeCompare(b.name, "en");
    if (ka === null) return 1;
    if (kb === null) return -1;
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return a.name.localeCompare(b.name, "en");
  });
}

export function stageDistribution(rows: PortfolioRow[], names: Map<number, string>) {
  return {
    stages: [1, 2, 3, 4, 5].map((stage) => ({
      stage,
      name: names.get(stage) ?? `Stage ${stage}`,
      count: rows.filter((r) => r.stage === stage).length,
    })),
    /** No closed round yet. */
    unassessed: rows.filter((r) => r.lastAssessed === null).length,
    /** A closed round, but too few answers for a stage (framework 2027.2 on). */
    withoutStage: rows.filter((r) => r.lastAssessed !== null && r.stage === null).length,
  };
}
