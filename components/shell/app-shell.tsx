import type { ReactNode } from "react";
import Link from "next/link";
import { Logo } from "./logo";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";
import type { Role } from "@/lib/auth/roles";

export type ShellProps = {
  nav: { href: string; label: string }[];
  user: { name: string; email: string; role: Role };
  workspace: { id: string; name: string };
  workspaces: { id: string; name: string; role: Role }[];
  switchWorkspace: (formData: FormData) => Promise<void>;
  children: ReactNode;
};

export function AppShell({
  nav,
  user,
  workspace,
  workspaces,
  switchWorkspace,
  children,
}: ShellProps) {
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {/* Sticky from the small breakpoint up: on a phone, or at 400% zoom, a header of two
          rows that stays put would take a fifth of the screen from the content. */}
      <header className="no-print top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur sm:sticky">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3">
          <Logo />
          <WorkspaceSwitcher
            current={workspace}
            workspaces={workspaces}
            switchWorkspace={switchWorkspace}
          />
          <div className="ml-auto">
            <UserMenu user={user} />
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-6xl px-2">
          <NavLinks items={nav} />
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="no-print mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-500">
        <Link href="/method" className="underline underline-offset-2 hover:text-slate-700">
          How GapMap scores
        </Link>
      </footer>
    </div>
  );
}
