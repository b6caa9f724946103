// Types for server.mjs, so TypeScript tests and benchmarks can import it (tsconfig has allowJs off).
import type { IncomingMessage, Server, ServerResponse } from "node:http";
export const CLIENT_ADDRESS_HEADER: string;
export function stampClientAddress(req: IncomingMessage): void;
export function answerUnreadableRequest(
  error: Error & { code?: string },
  socket: import("node:stream").Duplex,
): void;
export function refuseUnhandledMethod(req: IncomingMessage, res: ServerResponse): boolean;
export const MAX_DECLARED_BODY_BYTES: number;
export const MAX_DECLARED_IMPORT_BYTES: number;
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse): boolean;
export function serve(options: {
  dev?: boolean;
  port: number;
  hostname?: string;
  dir?: string;
}): Promise<{ server: Server; stop: () => Promise<void> }>;
export const INTERNAL_KEY_ENV: string;
export function sweepSeconds(value?: string): number;
export function startMailTimer(options: {
  port: number;
  hostname?: string;
  seconds?: number;
}): () => void;
