import { connection } from "next/server";
import { LinkButton } from "@/components/ui/button";

// Rendered per request (not prerendered), so that it carries the request's CSP nonce like every
// other page that proxy.ts matches: an unknown URL's page hydrates too.
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">
        This page does not exist, or it belongs to a workspace or organisation you cannot see.
      </p>
      <LinkButton href="/" className="mt-6">
        Go to GapMap
      </LinkButton>
    </main>
  );
}
