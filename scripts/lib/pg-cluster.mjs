// A throw-away PostgreSQL cluster for tests: Debian's server binaries, a data directory in a fresh
// temp dir, its own port and socket directory, trust auth on 127.0.0.1 only. No system service,
// nothing left behind. PostgreSQL refuses to run as root, so as root every server command runs as
// the `postgres` user (created by Debian's package), which must own the data directory.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const INSTALL_POSTGRESQL = "apt-get update && apt-get install -y postgresql";
const isRoot = process.getuid?.() === 0;

/** The newest /usr/lib/postgresql/<version>/bin, or null. */
function findBinDir() {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], "bin") : null;
}

/** Debian's server binaries, installing them when we can (root + apt); else a one-line error. */
export function ensurePostgres() {
  const found = findBinDir();
  if (found) return found;
  const canApt = isRoot && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!canApt)
    throw new Error(
      `PostgreSQL is not installed. Install it with: sudo sh -c '${INSTALL_POSTGRESQL}'`,
    );
  console.log("postgres: not installed, installing Debian's postgresql");
  const result = spawnSync("sh", ["-c", INSTALL_POSTGRESQL], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  const bin = findBinDir();
  if (result.status !== 0 || !bin) throw new Error("installing postgresql failed");
  return bin;
}

function asPostgres(binDir, tool, args) {
  const command = path.join(binDir, tool);
  const [file, argv] = isRoot
    ? ["runuser", ["-u", "postgres", "--", command, ...args]]
    : [command, args];
  return execFileSync(file, argv, { stdio: "pipe", encoding: "utf8" });
}

/**
 * Start a cluster on `port`. Returns { url(database), createDatabase(name), stop() }.
 * stop() is idempotent and synchronous, so it can run from exit and signal handlers.
 */
export function startCluster({ port }) {
  const binDir = ensurePostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gapmap-pg-"));
  const dataDir = path.join(dir, "data");
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    fs.chownSync(dir, uid, gid);
    fs.chownSync(dataDir, uid, gid);
  }

  let running = false;
  const stop = () => {
    if (running) {
      running = false;
      try {
        asPostgres(binDir, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } catch (error) {
        console.error(`postgres: stopping the cluster failed: ${error.message}`);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    asPostgres(binDir, "initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "--no-sync",
      "-E",
      "UTF8",
      "--locale=C",
    ]);
    asPostgres(binDir, "pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(dir, "server.log"),
      // fsync off: a test cluster is thrown away, durability buys nothing and costs time.
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "-w",
      "start",
    ]);
    running = true;
  } catch (error) {
    const log = path.join(dir, "server.log");
    if (fs.existsSync(log)) process.stderr.write(fs.readFileSync(log, "utf8"));
    stop();
    throw new Error(`postgres: could not start a cluster: ${error.stderr || error.message}`);
  }

  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    createDatabase: (name) =>
      asPostgres(binDir, "createdb", [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "postgres",
        name,
      ]),
    stop,
  };
}
