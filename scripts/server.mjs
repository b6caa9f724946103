// The HTTP server in front of Next: `npm start`, `npm run dev`, the e2e server and the HTTP
// benchmarks all serve the app through it (docs/decisions/0007-client-address.md).
//
//   node scripts/server.mjs [--dev] [-p PORT] [-H HOSTNAME]
//
// It exists for one reason: Next 16 gives route handlers no socket address, and fills
// X-Forwarded-For only when the client sent none, so per-address limits cannot tell clients apart
// from inside the app. This server writes the socket's address into a private header on every
// request (replacing anything the client sent under that name), which lib/auth/client-address.ts
// reads. Everything else is Next's own request handler, as `next start` / `next dev` run it.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { isMain, repoRoot } from "./lib/paths.mjs";

/** Must match CLIENT_ADDRESS_HEADER in lib/auth/client-address.ts. */
export const CLIENT_ADDRESS_HEADER = "x-gapmap-client-address";

/** Replaces whatever the client sent under the private header with the socket's address. */
export function stampClientAddress(req) {
  // Node lower-cases header names and joins repeats, so one delete removes every spelling.
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}

// Node's fetch `Request` refuses to be built with these methods, and Next builds one before any
// app code runs, so Next would answer them 500. Nothing here takes them: 405, in the API's shape.
const REFUSED_METHODS = new Set(["TRACE", "TRACK"]);

/** Answers a request Next cannot handle; true when it did. */
export function refuseUnhandledMethod(req, res) {
  if (!REFUSED_METHODS.has(String(req.method).toUpperCase())) return false;
  res.writeHead(405, {
    allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(
    JSON.stringify({
      error: { code: "method_not_allowed", message: `${req.method} is not allowed here.` },
    }),
  );
  return true;
}

// Request bodies, by their declared length, before Next reads a byte of them. proxy.ts runs on
// every request, so Next buffers each body in memory for it, up to next.config.ts's
// proxyClientMaxBodySize (50 MB, for an export file to import). Only the import takes more than
// a form or a JSON call: every other body declared over 1 MB is refused here, so a client cannot
// make the server hold 50 MB per request anywhere else. (The handlers' own caps stay: 64 KB for
// JSON, lib/api/http.ts.) A chunked body declares no length and is left to those caps.
export const MAX_DECLARED_BODY_BYTES = 1024 * 1024;
/** Must hold MAX_IMPORT_BYTES (lib/portability/schema.ts) and the multipart or JSON around it. */
export const MAX_DECLARED_IMPORT_BYTES = 51 * 1024 * 1024;
const LARGE_BODY_PATHS = ["/api/v1/imports"];

/** Answers 413 to a body declared larger than its path takes; true when it did. */
export function refuseOversizedBody(req, res) {
  const declared = Number(req.headers["content-length"]);
  if (!Number.isFinite(declared)) return false;
  const path = String(req.url ?? "").split("?")[0];
  const limit = LARGE_BODY_PATHS.includes(path)
    ? MAX_DECLARED_IMPORT_BYTES
    : MAX_DECLARED_BODY_BYTES;
  if (declared <= limit) return false;
  res.writeHead(413, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(
    JSON.stringify({
      error: {
        code: "payload_too_large",
        message: `The request body is too large: at most ${Math.floor(limit / 1024 / 1024)} MB here.`,
      },
    }),
  );
  return true;
}

/**
 * A request Node's HTTP parser cannot read never reaches Next: Node answers a bare 400. An unknown
 * method (`FOO /api/health`) is a 405 in the API's error shape instead; anything else unreadable
 * a 400 in that shape.
 */
export function answerUnreadableRequest(error, socket) {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const unknownMethod = error.code === "HPE_INVALID_METHOD";
  const body = JSON.stringify({
    error: unknownMethod
      ? { code: "method_not_allowed", message: "This method is not allowed here." }
      : { code: "bad_request", message: "The request could not be read." },
  });
  socket.end(
    [
      unknownMethod ? "HTTP/1.1 405 Method Not Allowed" : "HTTP/1.1 400 Bad Request",
      ...(unknownMethod ? ["Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"] : []),
      "Content-Type: application/json; charset=utf-8",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      body,
    ].join("\r\n"),
  );
}

function parseArgs(argv) {
  const options = { dev: false, port: Number(process.env.PORT || 3000), hostname: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--dev") options.dev = true;
    else if (arg === "-p" || arg === "--port") options.port = Number(argv[++i]);
    else if (arg === "-H" || arg === "--hostname") options.hostname = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535)
    throw new Error(`the port must be a port number, got "${options.port}"`);
  return options;
}

/** Must match INTERNAL_KEY_ENV in lib/mail/internal-key.ts. */
export const INTERNAL_KEY_ENV = "GAPMAP_INTERNAL_KEY";

/** MAIL_SWEEP_SECONDS as a whole number (30 unless set; 0 turns the timer off). */
export function sweepSeconds(value = process.env.MAIL_SWEEP_SECONDS) {
  // The app checks the value and says what is wrong (lib/mail/config.ts); here a bad one is 30.
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Math.min(Number(value), 86_400) : 30;
}

/**
 * Every `seconds`, asks the app to deliver due mail and queue scheduled mail
 * (docs/decisions/0015-mail-queue-and-sweep.md). The sweep runs inside the app, where the data layer is;
 * this process only keeps time. One call at a time; a failed call is logged and tried next tick.
 */
export function startMailTimer({ port, hostname, seconds = sweepSeconds() }) {
  if (!seconds) return () => {};
  const host =
    !hostname || ["0.0.0.0", "::", "localhost"].includes(hostname) ? "127.0.0.1" : hostname;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/api/internal/mail-sweep`;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${process.env[INTERNAL_KEY_ENV]}` },
        signal: AbortSignal.timeout(5 * 60_000),
      });
      if (!response.ok) console.error(`server: mail sweep answered ${response.status}`);
      else await response.arrayBuffer();
    } catch (error) {
      console.error(`server: mail sweep failed: ${error.message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  const first = setTimeout(tick, Math.min(seconds, 5) * 1000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}

/**
 * Serves the app on `port` (all interfaces unless `hostname` is given, like `next start`) and
 * resolves with the listening server and a function that stops it.
 */
export async function serve({ dev = false, port, hostname, dir = repoRoot }) {
  // As `next start` / `next dev` do, before Next is loaded: it reads NODE_ENV at import time.
  process.env.NODE_ENV ||= dev ? "development" : "production";
  // The key the mail timer calls the app with; the app reads it from this same environment.
  process.env[INTERNAL_KEY_ENV] ||= randomBytes(32).toString("hex");
  const { default: next } = await import("next");
  const server = http.createServer();
  const app = next({ dev, dir, hostname: hostname ?? "localhost", port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on("clientError", answerUnreadableRequest);
  server.on("request", (req, res) => {
    if (refuseUnhandledMethod(req, res)) return;
    if (refuseOversizedBody(req, res)) return;
    stampClientAddress(req);
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const stopMailTimer = startMailTimer({ port: server.address().port, hostname });
  const stop = async () => {
    stopMailTimer();
    await Promise.allSettled([new Promise((resolve) => server.close(resolve)), app.close()]);
    server.closeAllConnections?.();
  };
  return { server, stop };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { stop } = await serve(options);
  console.log(
    `server: ${options.dev ? "development" : "production"} on http://${options.hostname ?? "localhost"}:${options.port}`,
  );
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // Keep-alive connections would hold server.close() open: give requests 5 s, then go.
      setTimeout(() => process.exit(0), 5_000).unref();
      stop().then(() => process.exit(0));
    });
  }
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(`server: ${error.message}`);
    process.exit(1);
  });
}
