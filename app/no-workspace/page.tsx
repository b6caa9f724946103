import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/shell/logo";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { currentSession } from "@/lib/auth/server";

export const metadata: Metadata = { title: "No workspace" };
export const dynamic = "force-dynamic";

export default async function NoWorkspacePage() {
  const session = await currentSession();
  if (session.kind === "anonymous") redirect("/login");
  if (session.kind === "member") redirect("/organizations");
  return (
    <main className="flex min-h-dvh flex-col items-center px-4 py-16">
      <Logo className="mb-8" />
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 text-center shadow-sm">
        <h1 className="text-xl font-semibold">You are not in a workspace</h1>
        <p className="mt-2 text-slate-600">
          Your account ({session.email}) is no longer a member of any workspace. Ask a workspace
          owner for an invitation link.
        </p>
        <div className="mt-6 rounded-lg border border-slate-200">
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
