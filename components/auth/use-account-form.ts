"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { idle, type FormState } from "@/lib/forms/state";

/**
 * A form whose server action creates an account (sign-up, or joining by invitation): once the
 * action succeeds, sign in with the credentials just typed and go to the workspace. The password
 * never leaves the browser except in the two requests that need it.
 */
export function useAccountForm(
  action: (state: FormState, formData: FormData) => Promise<FormState>,
) {
  const router = useRouter();
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const credentials = useRef<{ email: string; password: string } | null>(null);

  useEffect(() => {
    if (state.status !== "success" || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      router.replace(result?.ok ? "/organizations" : "/login?joined=1");
      router.refresh();
    });
  }, [state, router]);

  const submit = (formData: FormData) => {
    credentials.current = {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
    };
    formAction(formData);
  };
  return { state, submit };
}
