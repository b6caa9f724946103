import "server-only";
import { unstable_rethrow } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { FormState } from "./state";
import type { WorkspaceContext } from "@/lib/auth/context";
import { requireActionContext } from "@/lib/auth/server";

/** FormData to a plain object; repeated keys (checkbox groups) become arrays. */
export function formToObject(
  formData: FormData,
  arrayKeys: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrayKeys.includes(key) ? values : values[0];
  }
  for (const key of arrayKeys) out[key] ??= [];
  return out;
}

function echoValues(formData: FormData | undefined): Record<string, string> | undefined {
  if (!formData) return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (
      typeof value === "string" &&
      !/password|confirmation/i.test(key) &&
      !key.startsWith("$ACTION")
    ) {
      values[key] = value.slice(0, 5000);
    }
  }
  return values;
}

/** Runs an action body, turning AppErrors into form errors; redirects and notFound pass through. */
export async function runFormAction<T>(
  formData: FormData | undefined,
  body: () => Promise<FormState<T> | void>,
): Promise<FormState<T>> {
  try {
    return (await body()) ?? { status: "success" };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      return {
        status: "error",
        code: error.code,
        message: error.message,
        fields: error.fields,
        values: echoValues(formData),
      };
    }
    console.error("[gapmap] unexpected error in a server action", error);
    return {
      status: "error",
      code: "internal",
      message: "Something went wrong on our side. Nothing was lost: please try again.",
      values: echoValues(formData),
    };
  }
}

/** A server action that needs a signed-in member: the gate runs before anything else. */
export function memberAction<T>(
  body: (ctx: WorkspaceContext, formData: FormData) => Promise<FormState<T> | void>,
) {
  return async (_previous: FormState<T>, formData: FormData): Promise<FormState<T>> =>
    runFormAction(formData, async () => body(await requireActionContext(), formData));
}
