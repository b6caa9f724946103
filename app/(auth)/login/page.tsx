import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const notice =
    params.changed === "1"
      ? "Your password was changed. Sign in with the new one."
      : params.joined === "1"
        ? "Your account is ready. Sign in to continue."
        : undefined;
  // Only a path that stays on this origin is followed (lib/auth/next-path.ts says why).
  const next = params.next === undefined ? "/organizations" : safeNextPath(params.next);
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in to GapMap</h1>
      <p className="mt-1 text-sm text-slate-600">Welcome back.</p>
      {notice ? (
        <Alert tone="success" className="mt-4">
          {notice}
        </Alert>
      ) : null}
      <LoginForm next={next} />
      <p className="mt-6 text-center text-sm text-slate-600">
        New to GapMap?{" "}
        <Link
          href="/signup"
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          Create a workspace
        </Link>
      </p>
    </>
  );
}
