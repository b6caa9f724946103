import "server-only";
import http from "node:http";
import https from "node:https";
import {
  BlockedAddressError,
  guardedLookup,
  hostOf,
  resolvePublicAddresses,
  urlProblem,
} from "./address";
import { SIGNATURE_HEADER, signBody } from "./sign";

// One POST of a webhook body: signed, to a checked address, no redirects followed, ten seconds at
// most. The outcome is data (the delivery log records it), never an exception.

export const SEND_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 500;

export type SendOutcome = { ok: boolean; status: number | null; error: string | null };

export async function sendWebhook(input: {
  url: string;
  secret: string;
  body: string;
  event: string;
  deliveryId: string;
  now?: Date;
}): Promise<SendOutcome> {
  const problem = urlProblem(input.url);
  if (problem) return { ok: false, status: null, error: `Refused: ${problem}` };
  const url = new URL(input.url);
  try {
    // An address written as an IP literal never reaches `lookup`: check it here.
    await resolvePublicAddresses(hostOf(url));
  } catch (error) {
    if (error instanceof BlockedAddressError)
      return { ok: false, status: null, error: `Refused: ${error.message}` };
    throw error;
  }
  const timestamp = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SendOutcome>((resolve) => {
    const done = (outcome: SendOutcome) =>
      resolve({ ...outcome, error: outcome.error?.slice(0, MAX_ERROR_LENGTH) ?? null });
    const request = client.request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: guardedLookup as unknown as typeof import("node:dns").lookup,
        timeout: SEND_TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(input.body),
          "user-agent": "GapMap-Webhooks/1",
          "x-gapmap-event": input.event,
          "x-gapmap-delivery": input.deliveryId,
          [SIGNATURE_HEADER]: signBody(input.secret, input.body, timestamp),
        },
      },
      (response) => {
        // The receiver's body is not kept: drain it (up to a point) and close.
        let seen = 0;
        response.on("data", (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 64 * 1024) response.destroy();
        });
        const status = response.statusCode ?? 0;
        const finish = () =>
          done({
            ok: status >= 200 && status < 300,
            status,
            error: status >= 200 && status < 300 ? null : `The receiver answered ${status}.`,
          });
        response.on("end", finish);
        response.on("close", finish);
      },
    );
    request.on("timeout", () => request.destroy(new Error("No answer within 10 seconds.")));
    request.on("error", (error) =>
      done({
        ok: false,
        status: null,
        error: error instanceof BlockedAddressError ? `Refused: ${error.message}` : error.message,
      }),
    );
    request.end(input.body);
  });
}
