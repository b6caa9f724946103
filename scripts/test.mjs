// `npm test`: every check, in the order a failure is cheapest to find:
//   typecheck (tsc), lint (eslint), format (prettier --check), unit + integration (vitest),
//   end-to-end (Playwright + Chromium).
// Each phase prints its normal output. The last line is the one CI reads: "N passed, N failed"
// (", N skipped"), summed over all phases; typecheck and lint count as one check each. A phase that
// crashes before reporting counts as failed: a suite that did not run never reads as "0 failed".
//
//   node scripts/test.mjs                   all phases
//   node scripts/test.mjs --only e2e        only the named phase(s), comma-separated
//                                           (typecheck, lint, vitest, e2e)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./lib/paths.mjs";
import { freePort, runNode } from "./lib/proc.mjs";
import {
  addCounts,
  emptyCounts,
  playwrightCounts,
  summaryLine,
  vitestCounts,
} from "./lib/summary.mjs";

const CHROMIUM = "/usr/bin/chromium";
const INSTALL_CHROMIUM = "apt-get update && apt-get install -y chromium fonts-liberation";
const resultsDir = path.join(repoRoot, "tmp", "test-results");
const bin = (pkg, file) => path.join(repoRoot, "node_modules", pkg, file);

const env = { ...process.env, CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1" };

/** One pass/fail check from an exit code (typecheck, lint). */
async function exitCodeCheck(args) {
  const code = await runNode(args, { env });
  return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function vitest() {
  const report = path.join(resultsDir, "vitest.json");
  fs.rmSync(report, { force: true });
  const code = await runNode(
    [
      bin("vitest", "vitest.mjs"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    { env },
  );
  return vitestCounts(readJson(report), code);
}

/** Chromium from Debian: install it when we can (root + apt), otherwise say how. */
function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return true;
  const canApt =
    process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!canApt) {
    console.error(
      `e2e: ${CHROMIUM} is missing. Install it with:\n  sudo sh -c '${INSTALL_CHROMIUM}'`,
    );
    return false;
  }
  console.log(`e2e: ${CHROMIUM} is missing, installing Debian's chromium (about 30 s)`);
  const result = spawnSync("sh", ["-c", INSTALL_CHROMIUM], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0 && fs.existsSync(CHROMIUM);
}

async function e2e() {
  if (!ensureChromium())
    return { passed: 0, failed: 1, skipped: 0, note: "chromium is not installed" };
  const report = path.join(resultsDir, "playwright.json");
  fs.rmSync(report, { force: true });
  // A free port for the e2e server unless one is given: another checkout's test run (or a
  // developer's own `npx playwright test`, which uses 3297) may hold the default.
  const port = process.env.E2E_PORT || String(await freePort());
  const code = await runNode([bin("@playwright/test", "cli.js"), "test", "--reporter=list,json"], {
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report, E2E_PORT: port },
  });
  return playwrightCounts(readJson(report), code);
}

const phases = {
  typecheck: () => exitCodeCheck([bin("typescript", "bin/tsc"), "--noEmit"]),
  lint: () => exitCodeCheck([bin("eslint", "bin/eslint.js"), "."]),
  // One formatter for everyone: `npm run format` fixes what this reports.
  format: () => exitCodeCheck([bin("prettier", "bin/prettier.cjs"), "--check", "."]),
  vitest,
  e2e,
};

function selectedPhases(argv) {
  const at = argv.indexOf("--only");
  if (at === -1) return Object.keys(phases);
  const names = (argv[at + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((name) => !(name in phases));
  if (names.length === 0 || unknown.length > 0) {
    console.error(`test: --only takes ${Object.keys(phases).join(", ")} (comma-separated)`);
    process.exit(2);
  }
  return names;
}

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  const total = emptyCounts();
  const lines = [];
  // Ctrl-C stops the running phase (the signal reaches its process too) and skips the rest.
  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => (interrupted = true));
  for (const name of selectedPhases(process.argv.slice(2))) {
    if (interrupted) {
      lines.push(`${name.padEnd(9)} not run: interrupted`);
      total.failed += 1;
      continue;
    }
    console.log(`\n=== ${name} ===`);
    const started = Date.now();
    let counts;
    try {
      counts = await phases[name]();
    } catch (error) {
      counts = { passed: 0, failed: 1, skipped: 0, note: error.message };
    }
    addCounts(total, counts);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    lines.push(
      `${name.padEnd(9)} ${summaryLine(counts)} (${seconds} s)${counts.note ? `: ${counts.note}` : ""}`,
    );
  }
  console.log(`\n${lines.join("\n")}`);
  console.log(summaryLine(total));
  process.exitCode = total.failed > 0 ? 1 : 0;
}

await main();
