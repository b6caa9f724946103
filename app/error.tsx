"use client";

import { Button } from "@/components/ui/button";

// No stack trace reaches the page: the digest lets us find the logged error.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        Nothing you saved was lost. Try again; if it keeps happening, quote this reference:{" "}
        <code className="rounded bg-slate-100 px-1">{error.digest ?? "n/a"}</code>
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
