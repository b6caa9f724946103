import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import * as workshopsRoute from "@/app/api/v1/assessments/[id]/workshops/route";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import * as workshopNextRoute from "@/app/api/v1/workshops/[id]/next/route";
import { disconnectDb } from "@/lib/db";
import { BASE_URL, isErrorJson, readResponse, routeParams } from "../fixtures/next-request";
import { buildWorld, type World } from "../fixtures/world";

// A chunked body has no Content-Length to check up front: it was read whole (arrayBuffer, or
// `clone().text()` to see whether a body was sent) before its size was looked at, so a client
// could make the server hold any amount in memory. It is now read with a count and dropped once
// past 64 KB.

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await disconnectDb();
});

const MEGABYTE = 1024 * 1024;
const CHUNK = 16 * 1024;

/** A 1 MB JSON-looking body sent in chunks, without Content-Length; counts what was read. */
function chunkedRequest(
  path: string,
  cookie: string,
): { request: NextRequest; pulled: () => number } {
  let pulled = 0;
  const chunk = new TextEncoder().encode(" ".repeat(CHUNK));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= MEGABYTE) {
        controller.close();
        return;
      }
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new NextRequest(new URL(path, BASE_URL), {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  expect(request.headers.get("content-length")).toBeNull();
  return { request, pulled: () => pulled };
}

async function expect413(response: Response, pulled: number, what: string): Promise<void> {
  const { status, body } = await readResponse(response);
  expect(status, `${what}: ${JSON.stringify(body)}`).toBe(413);
  expect(isErrorJson(body) && body.error.code).toBe("payload_too_large");
  // Stopped soon after 64 KB, not after reading the whole megabyte.
  expect(pulled, what).toBeLessThan(256 * 1024);
}

describe("a chunked body past 64 KB is 413 payload_too_large, read no further", () => {
  it("readJson (create an organisation)", async () => {
    const { request, pulled } = chunkedRequest("/api/v1/organizations", world.a.owner.cookie);
    await expect413(await organizationsRoute.POST(request), pulled(), "organizations");
  });

  it("the optional bodies of starting a workshop and its next question", async () => {
    const start = chunkedRequest("/api/v1/assessments/x/workshops", world.a.owner.cookie);
    await expect413(
      await workshopsRoute.POST(start.request, routeParams({ id: "x" })),
      start.pulled(),
      "workshops",
    );
    const next = chunkedRequest("/api/v1/workshops/x/next", world.a.owner.cookie);
    await expect413(
      await workshopNextRoute.POST(next.request, routeParams({ id: "x" })),
      next.pulled(),
      "next",
    );
  });
});

describe("the sign-in endpoint reads at most 64 KB too", () => {
  it("a chunked 1 MB body to the credentials callback is 413, read no further", async () => {
    const { request, pulled } = chunkedRequest("/api/auth/callback/credentials", "");
    const response = await nextAuthRoute.POST(request, {
      params: Promise.resolve({ nextauth: ["callback", "credentials"] }),
    });
    await expect413(response, pulled(), "sign-in");
  });
});
