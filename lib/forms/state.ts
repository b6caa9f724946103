import type { ErrorCode, FieldErrors } from "@/lib/errors";

// What a form's server action answers: nothing yet, success with an optional message and data,
// or an error with a stable code and per-field messages. The form keeps what the person typed.
export type FormState<T = unknown> =
  | { status: "idle" }
  | { status: "success"; message?: string; data?: T }
  | {
      status: "error";
      code: ErrorCode;
      message: string;
      fields?: FieldErrors;
      values?: Record<string, string>;
    };

export const idle: FormState<never> = { status: "idle" };

/** A form's server action, as a page hands it to a client component (components never import app/). */
export type FormAction<T = unknown> = (
  state: FormState<T>,
  formData: FormData,
) => Promise<FormState<T>>;

export function fieldError(state: FormState<unknown>, name: string): string | undefined {
  return state.status === "error" ? state.fields?.[name] : undefined;
}

export function fieldValue(state: FormState<unknown>, name: string, fallback = ""): string {
  return state.status === "error" ? (state.values?.[name] ?? fallback) : fallback;
}
