import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/signup-form";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create a workspace" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Create your GapMap workspace</h1>
      <p className="mt-1 text-sm text-slate-600">
        A workspace holds your team and the organisations you assess. You will be its owner.
      </p>
      <SignUpForm action={signUpAction} />
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link
          href="/login"
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </>
  );
}
