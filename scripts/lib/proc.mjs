// Child-process helpers shared by the scripts.
import { spawn } from "node:child_process";
import net from "node:net";
import { repoRoot } from "./paths.mjs";

/**
 * Run a command with inherited stdio and resolve with its exit code (a signal counts as 1).
 *
 * SIGINT/SIGTERM/SIGHUP received by this script are passed on to the child, so that stopping
 * `npm start` (Ctrl-C, `kill <pid>`, Playwright stopping its webServer) also stops next-server
 * rather than leaving it holding the port. The child stays in our process group, so a signal
 * sent to the whole group (a terminal's Ctrl-C, `kill -- -<pgid>`) reaches it directly too.
 */
export function run(command, args, { env = process.env, cwd = repoRoot } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    for (const s of signals) process.on(s, forward);
    const cleanup = () => {
      for (const s of signals) process.off(s, forward);
    };
    child.on("error", (error) => {
      cleanup();
      reject(error);
    });
    child.on("exit", (code, signal) => {
      cleanup();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Run a Node script or package binary entry with the current node executable. */
export function runNode(args, options) {
  return run(process.execPath, args, options);
}

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
