import { inject, vi } from "vitest";

// Runs in each test worker before the test file's imports are evaluated, so lib/db (which reads
// DATABASE_URL when it first connects) sees the database global-setup.ts prepared.
process.env.DATABASE_URL = inject("databaseUrl");

// Route handlers, server actions and pages read the request through `next/headers`, which only
// works inside Next's request scope; every integration test runs them outside one. They read
// "the current request" from tests/fixtures/next-request.ts instead (set it with `actAs`), and
// `next/cache` revalidation is a no-op. Everything else is the real code.
vi.mock("next/headers", async () => (await import("../fixtures/next-request")).nextHeadersModule());
vi.mock("next/cache", async () => (await import("../fixtures/next-request")).nextCacheModule());
