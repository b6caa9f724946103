import { inject } from "vitest";

// Runs in each test worker before the test file's imports are evaluated, so lib/db (which reads
// DATABASE_URL when it first connects) sees the database global-setup.ts prepared.
process.env.DATABASE_URL = inject("databaseUrl");
