import Link from "next/link";
import { SignOutButton } from "./sign-out-button";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

export function UserMenu({ user }: { user: { name: string; email: string; role: Role } }) {
  const initials = user.name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-full p-1 hover:bg-slate-100">
        {/* The name is the summary's text, not an aria-label over the initials: a label that
            does not contain what is shown fails WCAG 2.5.3 (speech users say what they see). */}
        <span
          aria-hidden
          className="grid size-8 place-items-center rounded-full bg-brand-600 text-xs font-semibold text-white"
        >
          {initials || "?"}
        </span>
        <span className="sr-only">Account menu for {user.name}</span>
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        <div className="px-3 py-2">
          <p className="truncate text-sm font-medium">{user.name}</p>
          <p className="truncate text-xs text-slate-500">{user.email}</p>
          <p className="mt-1 text-xs text-slate-600">Role: {ROLE_LABELS[user.role]}</p>
        </div>
        <Link href="/account" className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100">
          Account and password
        </Link>
        <SignOutButton />
      </div>
    </details>
  );
}
