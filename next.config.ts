import type { NextConfig } from "next";
import { contentSecurityPolicy, STATIC_PAGES } from "./lib/security/csp";

// `next start` sends no security headers by default: every response gets them here. The
// Content-Security-Policy of pages rendered per request carries a nonce and is set by proxy.ts;
// only the prerendered pages get theirs here (lib/security/csp.ts says why they differ).
const isDev = process.env.NODE_ENV !== "production";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NEXTAUTH_URL?.startsWith("https://")
    ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) as its first phase; the build skipping
  // it saves ~20 s per build on these machines and keeps test-only files out of the build's way.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  experimental: {
    // proxy.ts runs before every route, so Next buffers each request body for it and cuts it at
    // 10 MB by default: an export file (POST /api/v1/imports, up to 50 MB, MAX_IMPORT_BYTES)
    // would arrive truncated. scripts/server.mjs refuses any other body declared over 1 MB before
    // Next reads it, and the handlers still stop reading JSON at 64 KB (lib/api/http.ts).
    proxyClientMaxBodySize: "50mb",
  },
  serverExternalPackages: [
    "@prisma/adapter-better-sqlite3",
    "better-sqlite3",
    "@node-rs/argon2",
    "pg",
    "@react-pdf/renderer",
    "pptxgenjs",
    "exceljs",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      ...STATIC_PAGES.map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ dev: isDev }) }],
      })),
    ];
  },
};

export default nextConfig;
