import { LinkButton } from "@/components/ui/button";

// Prerendered: for a URL no route matches, its HTML carries no nonce, so under the nonce policy
// it shows without hydrating (it needs no script: the link is a plain link). Where a page calls
// notFound(), it is rendered with that page's nonce. Rendering it per request instead would make
// Next render the sign-up page per request too (decision 0008).
export default function NotFound() {
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
