// A lookup by a list of values, split so no statement carries more bound parameters than a
// database takes (SQLite through its driver adapter refused a reminder to 2,000 respondents).

export const IN_CHUNK = 500;

export async function inChunks<T, R>(
  values: readonly T[],
  query: (chunk: T[]) => Promise<R[]>,
): Promise<R[]> {
  const unique = [...new Set(values)];
  const results: R[] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    results.push(...(await query(unique.slice(i, i + IN_CHUNK))));
  }
  return results;
}
