"use server";

import { signUp } from "@/lib/accounts/mutations";
import { formToObject, runFormAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, async () => {
    await signUp(formToObject(formData));
    return { status: "success" };
  });
}
