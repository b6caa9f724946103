import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER as APP_HEADER } from "@/lib/auth/client-address";
import { CLIENT_ADDRESS_HEADER, stampClientAddress } from "@/scripts/server.mjs";

// scripts/server.mjs stands between the socket and Next; what the app sees of the client's
// address is what it writes. Here a plain handler stands in for Next's and echoes the header.

let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    stampClientAddress(req);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ seen: req.headers[CLIENT_ADDRESS_HEADER] ?? null }));
  });
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
