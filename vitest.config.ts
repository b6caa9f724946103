import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two projects, run together by `npm test` (scripts/test.mjs) or one at a time:
//   npx vitest run --project unit          pure functions, no database
//   npx vitest run --project integration   a real, migrated database (SQLite by default; PostgreSQL
//                                          with `npm run test:postgres`), route handlers and server
//                                          actions called directly
const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": `${root}/`,
      // The real `server-only` throws when imported outside React Server Components, which is
      // exactly where tests import server modules from. Its guard is for the bundler, not tests.
      "server-only": path.join(root, "tests", "fixtures", "empty.ts"),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One database for the whole run: files run one after another so they never race.
          fileParallelism: false,
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-env.ts"],
          env: {
            NEXTAUTH_SECRET: "integration-test-secret-not-for-production",
            NEXTAUTH_URL: "http://localhost:3000",
          },
        },
      },
    ],
  },
});
