import { defineConfig, devices } from "@playwright/test";

// End-to-end tests: the production build, on its own freshly seeded SQLite file
// (scripts/e2e-server.mjs), driven through Debian's Chromium. Playwright's own browser download
// is not used: it needs a network these machines do not have.
//
// The port is fixed (uncommon, overridable with E2E_PORT) rather than picked at random, because
// this file is evaluated again in every worker process and they must all agree on it.
const port = Number(process.env.E2E_PORT || 3297);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/e2e/.artifacts/results",
  snapshotPathTemplate: "tests/e2e/.artifacts/snapshots/{testFilePath}/{arg}{ext}",
  fullyParallel: false,
  // Two cores: one browser worker beside the Next server keeps timings steady.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    env: { E2E_PORT: String(port) },
    url: `${baseURL}/api/health`,
    // Includes a production build when the sources changed (about 30 s here).
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM first so e2e-server.mjs passes it to next-server and both exit cleanly; the whole
    // process group is killed after the timeout if anything is left.
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
