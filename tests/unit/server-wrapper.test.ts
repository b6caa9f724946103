import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER as APP_HEADER } from "@/lib/auth/client-address";
import net from "node:net";
import {
  answerUnreadableRequest,
  CLIENT_ADDRESS_HEADER,
  MAX_DECLARED_BODY_BYTES,
  MAX_DECLARED_IMPORT_BYTES,
  refuseOversizedBody,
  refuseUnhandledMethod,
  stampClientAddress,
} from "@/scripts/server.mjs";

// scripts/server.mjs stands between the socket and Next; what the app sees of the client's
// address is what it writes. Here a plain handler stands in for Next's and echoes the header.

let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (refuseUnhandledMethod(req, res)) return;
    if (refuseOversizedBody(req, res)) return;
    stampClientAddress(req);
    req.resume();
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ seen: req.headers[CLIENT_ADDRESS_HEADER] ?? null }));
  });
  server.on("clientError", answerUnreadableRequest);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** What the app would see of the client's address, for a request with these headers. */
function seenWith(headers: Record<string, string | string[]> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: "/", headers });
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve((JSON.parse(body) as { seen: string }).seen));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("the server wrapper records the socket's address for the app", () => {
  it("uses the header name lib/auth reads", () => {
    expect(CLIENT_ADDRESS_HEADER).toBe(APP_HEADER);
  });

  it("writes the socket's address when the client sent none", async () => {
    expect(await seenWith()).toBe("127.0.0.1");
  });

  it("replaces a client's own value, in any spelling and repeated", async () => {
    expect(await seenWith({ "X-GapMap-Client-Address": "203.0.113.66" })).toBe("127.0.0.1");
    expect(await seenWith({ "x-gapmap-client-address": ["6.6.6.6", "7.7.7.7"] })).toBe("127.0.0.1");
  });
});

/** The raw status line and body the wrapper answers to a request line Next never sees. */
function rawExchange(
  requestLine: string,
  headers: string[] = [],
  body = "",
): Promise<{ status: string; body: string }> {
  return new Promise((resolve, reject) => {
    let data = "";
    const head = [requestLine, "Host: localhost", "Connection: close", ...headers].join("\r\n");
    const socket = net.connect(port, "127.0.0.1", () => socket.end(`${head}\r\n\r\n${body}`));
    socket.on("data", (chunk: Buffer) => (data += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", ...rest] = data.split("\r\n\r\n");
      resolve({ status: head.split("\r\n")[0] ?? "", body: rest.join("\r\n\r\n") });
    });
  });
}

describe("the server wrapper answers what Next cannot", () => {
  // Next builds a fetch Request, which refuses TRACE and TRACK (Next alone answers 500), and Node's
  // parser refuses a method it does not know (a bare 400 without the API's error shape).
  it.each(["TRACE / HTTP/1.1", "TRACK /api/v1/organizations HTTP/1.1", "FOO /api/health HTTP/1.1"])(
    "%s is a 405 method_not_allowed",
    async (line) => {
      const { status, body } = await rawExchange(line);
      expect(status).toBe("HTTP/1.1 405 Method Not Allowed");
      expect(body).toContain('"code":"method_not_allowed"');
    },
  );

  it("an unreadable request is a 400 in the same shape", async () => {
    const { status, body } = await rawExchange("GET /\u0000 HTTP/1.1");
    expect(status).toBe("HTTP/1.1 400 Bad Request");
    expect(body).toContain('"code":"bad_request"');
  });
});

describe("the server wrapper refuses bodies declared too large, before Next buffers them", () => {
  /** The status of a POST that declares `length` bytes and sends none of them. */
  function declared(path: string, length: number): Promise<{ status: string; body: string }> {
    return rawExchange(`POST ${path} HTTP/1.1`, [`Content-Length: ${length}`]);
  }

  it("over 1 MB anywhere but the import: 413 payload_too_large", async () => {
    for (const path of ["/api/v1/organizations", "/login", "/api/v1/imports/x"]) {
      const { status, body } = await declared(path, MAX_DECLARED_BODY_BYTES + 1);
      expect(status, path).toBe("HTTP/1.1 413 Payload Too Large");
      expect(body).toContain('"code":"payload_too_large"');
    }
  });

  it("the import takes up to its own limit, with or without a query", async () => {
    const over = await declared("/api/v1/imports?dryRun=true", MAX_DECLARED_IMPORT_BYTES + 1);
    expect(over.status).toBe("HTTP/1.1 413 Payload Too Large");
    const body = "x".repeat(2 * 1024 * 1024);
    const { status } = await rawExchange(
      "POST /api/v1/imports?dryRun=true HTTP/1.1",
      [`Content-Length: ${body.length}`],
      body,
    );
    expect(status).toBe("HTTP/1.1 200 OK");
  });
});
