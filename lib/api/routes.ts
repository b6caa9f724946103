// Every route handler under app/api and the methods it exports, as one table: proxy.ts answers
// any other method with 405 and an `Allow` header in the JSON error shape (Next itself answers an
// unexported method with an empty 405 and an unknown one with an empty 400), and the probe
// (tests/e2e/probe.spec.ts) walks it. tests/unit/api-routes.test.ts keeps it equal to the files.
// No imports: proxy.ts runs before any route and must stay small.

export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ApiRoute = {
  /** The file's route, `[name]` for a dynamic segment, `[...name]` for a catch-all. */
  readonly path: string;
  /** What the route file exports. */
  readonly methods: readonly HttpMethod[];
};

export const API_ROUTES: readonly ApiRoute[] = [
  { path: "/api/auth/[...nextauth]", methods: ["GET", "POST"] },
  { path: "/api/health", methods: ["GET"] },
  { path: "/api/internal/mail-sweep", methods: ["POST"] },
  { path: "/api/v1/actions/[id]", methods: ["PATCH"] },
  { path: "/api/v1/assessments/[id]", methods: ["GET"] },
  { path: "/api/v1/assessments/[id]/close", methods: ["POST"] },
  { path: "/api/v1/assessments/[id]/comments", methods: ["GET"] },
  { path: "/api/v1/assessments/[id]/data", methods: ["GET"] },
  { path: "/api/v1/assessments/[id]/invitations", methods: ["POST"] },
  { path: "/api/v1/assessments/[id]/next-round", methods: ["POST"] },
  { path: "/api/v1/assessments/[id]/open", methods: ["POST"] },
  { path: "/api/v1/assessments/[id]/open-link", methods: ["POST"] },
  { path: "/api/v1/assessments/[id]/reminders", methods: ["POST"] },
  { path: "/api/v1/assessments/[id]/result", methods: ["GET"] },
  { path: "/api/v1/assessments/[id]/workshops", methods: ["POST"] },
  { path: "/api/v1/initiatives/[id]", methods: ["GET", "PATCH"] },
  { path: "/api/v1/initiatives/[id]/diagnostic", methods: ["PUT"] },
  { path: "/api/v1/initiatives/[id]/status", methods: ["POST"] },
  { path: "/api/v1/comments/[id]/key-quote", methods: ["PUT"] },
  { path: "/api/v1/export", methods: ["GET"] },
  { path: "/api/v1/imports", methods: ["POST"] },
  { path: "/api/v1/openapi.json", methods: ["GET"] },
  { path: "/api/v1/organizations", methods: ["GET", "POST"] },
  { path: "/api/v1/organizations/[id]", methods: ["GET", "PATCH", "DELETE"] },
  { path: "/api/v1/organizations/[id]/actions", methods: ["GET", "POST"] },
  { path: "/api/v1/organizations/[id]/assessments", methods: ["GET", "POST"] },
  { path: "/api/v1/organizations/[id]/dashboard", methods: ["GET"] },
  { path: "/api/v1/organizations/[id]/data", methods: ["GET"] },
  { path: "/api/v1/organizations/[id]/export", methods: ["GET"] },
  { path: "/api/v1/organizations/[id]/initiatives", methods: ["GET", "POST"] },
  { path: "/api/v1/organizations/[id]/report.pdf", methods: ["GET"] },
  { path: "/api/v1/organizations/[id]/report.pptx", methods: ["GET"] },
  { path: "/api/v1/portfolio", methods: ["GET"] },
  { path: "/api/v1/respond/[token]", methods: ["GET"] },
  { path: "/api/v1/respond/[token]/answers", methods: ["PUT"] },
  { path: "/api/v1/respond/[token]/start", methods: ["POST"] },
  { path: "/api/v1/respond/[token]/submit", methods: ["POST"] },
  { path: "/api/v1/workshops/[id]/agree", methods: ["POST"] },
  { path: "/api/v1/workshops/[id]/back", methods: ["POST"] },
  { path: "/api/v1/workshops/[id]/end", methods: ["POST"] },
  { path: "/api/v1/workshops/[id]/next", methods: ["POST"] },
  { path: "/api/v1/workshops/[id]/open", methods: ["POST"] },
  { path: "/api/v1/workshops/[id]/pause", methods: ["POST"] },
  { path: "/api/v1/workshops/[id]/reveal", methods: ["POST"] },
  { path: "/api/v1/workshops/[id]/state", methods: ["GET"] },
  { path: "/api/v1/workshops/[id]/vote", methods: ["PUT"] },
  { path: "/api/v1/workshops/join", methods: ["GET", "POST"] },
];

function matches(route: ApiRoute, segments: string[]): boolean {
  const pattern = route.path.split("/").filter(Boolean);
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!;
    if (part.startsWith("[...")) return segments.length > i;
    if (i >= segments.length) return false;
    if (!part.startsWith("[") && part !== segments[i]) return false;
  }
  return pattern.length === segments.length;
}

/** The route a pathname reaches (static segments win over dynamic ones, as in Next). */
export function findApiRoute(pathname: string): ApiRoute | undefined {
  const segments = pathname.split("/").filter(Boolean);
  const candidates = API_ROUTES.filter((route) => matches(route, segments));
  const dynamicCount = (route: ApiRoute) => (route.path.match(/\[/g) ?? []).length;
  return candidates.sort((a, b) => dynamicCount(a) - dynamicCount(b))[0];
}

/** The `Allow` header value: what the file exports, plus what Next derives (HEAD, OPTIONS). */
export function allowedMethods(route: ApiRoute): HttpMethod[] {
  const allowed = new Set<HttpMethod>([...route.methods, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  return HTTP_METHODS.filter((method) => allowed.has(method));
}
