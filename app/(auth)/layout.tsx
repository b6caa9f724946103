import type { ReactNode } from "react";
import Link from "next/link";
import { Logo } from "@/components/shell/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10 sm:py-16">
      <Logo className="mb-8" />
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {children}
      </div>
      <p className="mt-8 max-w-md text-center text-xs text-slate-500">
        Only 25% of organisations have converted 40% or more of their AI pilots into production
        (Deloitte, State of AI 2026). GapMap shows what to fix first:{" "}
        <Link href="/method" className="underline underline-offset-2 hover:text-slate-700">
          how GapMap scores
        </Link>
        .
      </p>
    </main>
  );
}
