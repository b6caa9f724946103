// The one result line CI reads: "N passed, N failed" (", N skipped" when there are any).
// Vitest's and Playwright's own summaries are not recognised, so every test script ends with it.

export function emptyCounts() {
  return { passed: 0, failed: 0, skipped: 0 };
}

export function addCounts(total, counts) {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  return total;
}

export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

/** Counts from a vitest JSON report; a run that produced no report, or crashed, is a failure. */
export function vitestCounts(report, exitCode) {
  if (!report) return { passed: 0, failed: 1, skipped: 0, note: "vitest produced no report" };
  const counts = {
    passed: report.numPassedTests ?? 0,
    // A test file that fails to load (syntax error, failing import) has no tests to count: add it.
    failed: (report.numFailedTests ?? 0) + countFailedFilesWithoutTests(report),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  if (exitCode !== 0 && counts.failed === 0)
    return { ...counts, failed: 1, note: `vitest exited with ${exitCode}` };
  return counts;
}

function countFailedFilesWithoutTests(report) {
  return (report.testResults ?? []).filter(
    (file) => file.status === "failed" && (file.assertionResults ?? []).length === 0,
  ).length;
}

/** Counts from a Playwright JSON report; flaky tests passed on a retry and count as passed. */
export function playwrightCounts(report, exitCode) {
  if (!report?.stats)
    return { passed: 0, failed: 1, skipped: 0, note: "playwright produced no report" };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  // Errors outside any test (webServer did not start, a spec file failed to load) count once each.
  const counts = {
    passed: expected + flaky,
    failed: unexpected + (report.errors ?? []).length,
    skipped,
  };
  if (exitCode !== 0 && counts.failed === 0)
    return { ...counts, failed: 1, note: `playwright exited with ${exitCode}` };
  return counts;
}
