// Types for summary.mjs, so TypeScript tests can import it (tsconfig has allowJs off).
export type Counts = { passed: number; failed: number; skipped: number; note?: string };
export function emptyCounts(): Counts;
export function addCounts(total: Counts, counts: Counts): Counts;
export function summaryLine(counts: Counts): string;
export function vitestCounts(report: unknown, exitCode: number): Counts;
export function playwrightCounts(report: unknown, exitCode: number): Counts;
