// Seeds the demo workspace once: only into an empty database, never over real data.
// Run with `npm run db:seed` (npm start does it for you).
import { readFileSync } from "node:fs";
import { disconnectDb } from "@/lib/db";
import { seedDemo, type DemoAccount } from "@/lib/demo/seed";

const accounts = JSON.parse(
  readFileSync(new URL("./demo-accounts.json", import.meta.url), "utf8"),
) as DemoAccount[];

try {
  const seeded = await seedDemo(accounts);
  console.log(
    seeded ? "seed: demo workspace created" : "seed: database already has data, left as it is",
  );
} catch (error) {
  console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
