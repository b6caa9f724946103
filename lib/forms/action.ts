import "server-only";
import { unstable_rethrow } from "next/navigation";
import { AppError, type FieldErrors } from "@/lib/errors";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/text";
import type { FormState } from "./state";
import type { WorkspaceContext } from "@/lib/auth/context";
import { requireActionContext } from "@/lib/auth/server";

/** FormData to a plain object; repeated keys (checkbox groups) become arrays. */
export function formToObject(
  formData: FormData,
  arrayKeys: readonly string[] = [],
): Record<string, unknown> {
  // No prototype: a field named `__proto__` stays an own key, which the schema then refuses as
  // unknown, instead of being swallowed by the prototype setter.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrayKeys.includes(key) ? values : values[0];
  }
  for (const key of arrayKeys) out[key] ??= [];
  return out;
}

function echoValues(formData: FormData): Record<string, string> {
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

// A server action is reachable by its id with whatever arguments a caller encodes (numbers,
// objects, nothing): anything but a FormData gets this answer before any work is done.
const NOT_A_FORM = {
  status: "error",
  code: "bad_request",
  message:
    "This form arrived in a shape GapMap does not understand. Reload the page and try again.",
} as const satisfies FormState<never>;

/**
 * Fields holding text no database stores: only a NUL can arrive in a form (FormData values are
 * USVStrings, so a lone surrogate is already U+FFFD). Actions read ids straight from the form
 * (`formData.get("assessmentId")`), and PostgreSQL answers a NUL in a lookup with an error, so
 * every field is checked here, once, before any action body runs.
 */
function unstorableFields(formData: FormData): FieldErrors | null {
  const fields: FieldErrors = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !isStorableText(value)) {
      fields[key] = UNSTORABLE_TEXT_MESSAGE;
    }
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

/**
 * Runs an action body, turning AppErrors into form errors; redirects and notFound pass through.
 * `formData` is the action's argument as it arrived: the body runs only if it is a FormData.
 */
export async function runFormAction<T>(
  formData: unknown,
  body: () => Promise<FormState<T> | void>,
): Promise<FormState<T>> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const unstorable = unstorableFields(formData);
  if (unstorable) {
    return {
      status: "error",
      code: "validation_failed",
      message: UNSTORABLE_TEXT_MESSAGE,
      fields: unstorable,
      values: echoValues(formData),
    };
  }
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
