import type { ReactNode } from "react";

// The respondent's pages stand apart from the app: no navigation, no sign-in, nothing that leads
// a respondent into the consultants' workspace. Only the mark, and who is asking.

export function BrandMark() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-slate-900">
      <svg aria-hidden viewBox="0 0 32 32" className="size-6">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path
          d="M8 22 L14 14 L18 18 L24 9"
          stroke="white"
          strokeWidth="3"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="24" cy="9" r="2.5" fill="white" />
      </svg>
      <span className="tracking-tight">GapMap</span>
    </span>
  );
}

export function RespondFrame({ subtitle, children }: { subtitle?: string; children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-3 px-4 py-3">
          <BrandMark />
          {subtitle ? <p className="min-w-0 truncate text-sm text-slate-600">{subtitle}</p> : null}
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 pb-16 pt-6 sm:pt-10">{children}</main>
    </div>
  );
}

/** A plain message page: a closed round, a link that does not work, a thank-you. */
export function MessagePanel({
  eyebrow,
  title,
  icon,
  children,
}: {
  eyebrow?: string;
  title: string;
  icon?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      {icon ? <div className="mb-4">{icon}</div> : null}
      {eyebrow ? <p className="text-sm font-semibold text-brand-700">{eyebrow}</p> : null}
      <h1
        tabIndex={-1}
        data-autofocus
        className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 outline-none"
      >
        {title}
      </h1>
      {children ? <div className="mt-3 space-y-3 text-slate-700">{children}</div> : null}
    </section>
  );
}
