import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { noCycleRule } from "./scripts/check-cycles.mjs";

// Layers, each a group of restricted imports; a folder's block lists the groups that apply to it
// (ESLint keeps only the last `no-restricted-imports` setting that matches a file, so every block
// names all of its groups).

// Prisma (the generated clients and @prisma/*) is reachable only through lib/db.
const prismaImports = {
  patterns: [
    {
      group: ["**/generated/**", "@/lib/generated/*"],
      message: "Import the database through lib/db.",
    },
    { group: ["@prisma/*"], message: "Prisma stays in lib/db." },
  ],
};

// Pages and components read and write through lib/<domain>/ functions, never the database directly.
const databaseImports = {
  paths: [
    { name: "@/lib/db", message: "Pages and components go through lib/<domain>/ data functions." },
  ],
};

// lib/ and components/ sit below app/: a route, page or server action is never imported from
// them. A component gets a server action as a prop from its page.
const appImports = {
  patterns: [
    {
      regex: "^(@/app(/|$)|(\\.\\./)+app(/|$))",
      message:
        "lib/ and components/ never import from app/: pass the server action in as a prop from the page, or keep it in lib/<domain>/actions.ts.",
    },
  ],
};

// Only lib/auth turns a workspace id into an AuthorizedWorkspaceId (the session gate, the API token
// check, and systemContext for code with no request behind it).
const mintImports = {
  patterns: [
    {
      regex: "(^@/lib/auth|/auth|^\\.)/context$",
      importNames: ["authorizeWorkspaceId"],
      message:
        "Only lib/auth mints an authorized workspace id; code with no request uses systemContext().",
    },
  ],
};
const mintCasts = ["TSAsExpression", "TSTypeAssertion"].map((kind) => ({
  selector: `${kind}[typeAnnotation.typeName.name='AuthorizedWorkspaceId']`,
  message:
    "Only lib/auth mints an authorized workspace id; code with no request uses systemContext().",
}));

function restrictImports(...groups) {
  return [
    "error",
    {
      paths: groups.flatMap((group) => group.paths ?? []),
      patterns: groups.flatMap((group) => group.patterns ?? []),
    },
  ];
}

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
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    ignores: ["lib/auth/**"],
    rules: {
      "no-restricted-syntax": ["error", ...mintCasts],
      "no-restricted-imports": restrictImports(mintImports),
    },
  },
  {
    files: ["tests/integration/**"],
    ignores: ["tests/integration/setup-env.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...mintCasts,
        {
          selector:
            "CallExpression[callee.object.name='vi'][callee.property.name='mock'][arguments.0.value=/^next\\u002F(headers|cache)$/]",
          message:
            "tests/integration/setup-env.ts already stands in for next/headers and next/cache; set the request with actAs().",
        },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": restrictImports(mintImports, prismaImports, databaseImports),
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": restrictImports(
        mintImports,
        prismaImports,
        databaseImports,
        appImports,
      ),
    },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": restrictImports(mintImports, prismaImports, appImports) },
  },
  {
    files: ["lib/db/**"],
    rules: { "no-restricted-imports": restrictImports(mintImports, appImports) },
  },
  {
    files: ["lib/auth/**"],
    rules: { "no-restricted-imports": restrictImports(prismaImports, appImports) },
  },
  {
    // The pure layers: no database, no framework, no clock.
    files: ["lib/scoring/**", "lib/framework/**"],
    rules: {
      "no-restricted-imports": restrictImports(mintImports, prismaImports, appImports, {
        paths: [
          { name: "@/lib/db", message: "lib/scoring and lib/framework are pure: no I/O." },
          { name: "next/headers", message: "lib/scoring and lib/framework are pure." },
        ],
      }),
    },
  },
  {
    files: ["lib/**", "components/**"],
    plugins: { gapmap: { rules: { "no-cycle": noCycleRule } } },
    rules: { "gapmap/no-cycle": "error" },
  },
]);
