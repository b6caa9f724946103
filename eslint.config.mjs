import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layers: Prisma (the generated clients and @prisma/*) is reachable only through lib/db; pages
// and components read and write through lib/<domain>/ functions, never the database directly.
const prismaImports = {
  patterns: [
    {
      group: ["**/generated/**", "@/lib/generated/*"],
      message: "Import the database through lib/db.",
    },
    { group: ["@prisma/*"], message: "Prisma stays in lib/db." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    "data/**",
    "tmp/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "import/no-default-export": "off",
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...prismaImports,
          paths: [
            {
              name: "@/lib/db",
              message: "Pages and components go through lib/<domain>/ data functions.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/db/**"],
    rules: { "no-restricted-imports": ["error", prismaImports] },
  },
  {
    // The pure layers: no database, no framework, no clock.
    files: ["lib/scoring/**", "lib/framework/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...prismaImports,
          paths: [
            { name: "@/lib/db", message: "lib/scoring and lib/framework are pure: no I/O." },
            { name: "next/headers", message: "lib/scoring and lib/framework are pure." },
          ],
        },
      ],
    },
  },
]);
