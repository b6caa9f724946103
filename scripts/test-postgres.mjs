// `npm run test:postgres`: the integration suite against PostgreSQL instead of SQLite.
// Starts a throw-away cluster (installing Debian's postgresql if missing), creates gapmap_test,
// applies the PostgreSQL migrations, runs the vitest `integration` project with DATABASE_URL
// pointing there, and stops the cluster whatever happens. Ends with "N passed, N failed".
import fs from "node:fs";
import path from "node:path";
import { migrate } from "./migrate.mjs";
import { repoRoot } from "./lib/paths.mjs";
import { startCluster } from "./lib/pg-cluster.mjs";
import { freePort, runNode } from "./lib/proc.mjs";
import { summaryLine, vitestCounts } from "./lib/summary.mjs";

const report = path.join(repoRoot, "tmp", "test-results", "vitest-postgres.json");

async function main() {
  let cluster = null;
  const stop = () => cluster?.stop();
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      // vitest got the signal too (same process group, or forwarded by runNode); give the
      // cluster back before leaving.
      stop();
      process.exit(130);
    });
  }

  let counts;
  try {
    const port = await freePort();
    cluster = startCluster({ port });
    cluster.createDatabase("gapmap_test");
    const databaseUrl = cluster.url("gapmap_test");
    console.log(`postgres: throw-away cluster on 127.0.0.1:${port}, database gapmap_test`);
    await migrate({ databaseUrl });

    fs.mkdirSync(path.dirname(report), { recursive: true });
    fs.rmSync(report, { force: true });
    const code = await runNode(
      [
        path.join(repoRoot, "node_modules", "vitest", "vitest.mjs"),
        "run",
        "--project",
        "integration",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report}`,
        // `npm run test:postgres -- tests/integration/members.test.ts` runs just that file.
        ...process.argv.slice(2),
      ],
      { env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" } },
    );
    counts = vitestCounts(
      fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : null,
      code,
    );
  } catch (error) {
    console.error(`test:postgres: ${error.message}`);
    counts = { passed: 0, failed: 1, skipped: 0 };
  } finally {
    stop();
  }
  if (counts.note) console.log(`test:postgres: ${counts.note}`);
  console.log(summaryLine(counts));
  process.exitCode = counts.failed > 0 ? 1 : 0;
}

await main();
