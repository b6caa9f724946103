#!/usr/bin/env node
// The `gapmap` admin CLI. It runs lib/cli/main.ts with tsx, under the react-server condition so
// that the shared lib/ modules (marked "server-only") load outside Next.js exactly as inside it.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(
  process.execPath,
  [
    "--conditions=react-server",
    "--import",
    "tsx",
    path.join(root, "lib", "cli", "run.ts"),
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
    cwd: process.cwd(),
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json"),
    },
  },
);
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
