import { describe, expect, it } from "vitest";
import { playwrightCounts, summaryLine, vitestCounts } from "@/scripts/lib/summary.mjs";

// CI reads only the last line of `npm test` and `.ci/run`; these pin what that line may claim.
describe("the closing test summary line", () => {
  it("shows skipped tests only when there are some", () => {
    expect(summaryLine({ passed: 3, failed: 0, skipped: 0 })).toBe("3 passed, 0 failed");
    expect(summaryLine({ passed: 3, failed: 1, skipped: 2 })).toBe("3 passed, 1 failed, 2 skipped");
  });

  it("counts a vitest run that wrote no report as a failure, never as 0 failed", () => {
    expect(vitestCounts(null, 1).failed).toBe(1);
  });

  it("counts a test file that failed to load, which has no tests to count", () => {
    const report = {
      numPassedTests: 4,
      numFailedTests: 0,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [
        { status: "failed", assertionResults: [] },
        { status: "passed", assertionResults: [{}, {}, {}, {}] },
      ],
    };
    expect(vitestCounts(report, 1)).toEqual({ passed: 4, failed: 1, skipped: 1 });
  });

  it("counts a non-zero exit without failed tests as one failure", () => {
    const report = {
      numPassedTests: 2,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [],
    };
    expect(vitestCounts(report, 1).failed).toBe(1);
  });

  it("counts Playwright's flaky tests as passed and its errors outside tests as failed", () => {
    const report = {
      stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 2 },
      errors: [{ message: "webServer" }],
    };
    expect(playwrightCounts(report, 1)).toEqual({ passed: 6, failed: 2, skipped: 2 });
  });

  it("counts a Playwright run that never produced stats (server did not start) as a failure", () => {
    expect(playwrightCounts({}, 1).failed).toBe(1);
  });
});
