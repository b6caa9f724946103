import { z } from "zod";

// Errors a user can cause. Each has a stable code (clients and tests match on it), an HTTP status
// and a message written for the person who caused it. Anything else is unexpected: logged, and
// answered with a generic message, never a stack trace.
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_cursor: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  // A respondent's write refused by the round's or the link's state: one code each, so a client
  // branches on the code (never on the message's wording).
  round_closed: 409,
  round_not_open: 409,
  already_submitted: 409,
  link_withdrawn: 409,
  // A workshop vote refused by the room's state (lib/workshops): the question shown is not open
  // for voting (not yet, or revealed, or paused), or the workshop has ended.
  question_not_open: 409,
  workshop_ended: 409,
  // An initiative moved past "pilot" while its diagnostic says no-go, without an override: the
  // reasons are in `fields`, keyed `diagnostic.<part>`.
  diagnostic_no_go: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Record") => new AppError("not_found", `${what} not found.`);
export const forbidden = (message = "Your role does not allow this.") =>
  new AppError("forbidden", message);

/** Field path as a dotted string, `invitations.0.role`, the form the API and forms both use. */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: z.ZodError): AppError {
  const fields = fieldErrorsFromZod(error);
  const first = Object.entries(fields)[0];
  const message = first
    ? `Please check ${first[0] === "_" ? "the input" : first[0]}: ${first[1]}`
    : "The input is not valid.";
  return new AppError("validation_failed", message, { fields });
}

/** Parses with a zod schema and turns a failure into a 422 AppError naming the fields. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: FieldErrors };
};

export function toErrorBody(error: unknown): {
  status: number;
  body: ErrorBody;
  retryAfter?: number;
} {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        },
      },
      retryAfter: error.retryAfterSeconds,
    };
  }
  console.error("[gapmap] unexpected error", error);
  return {
    status: 500,
    body: {
      error: { code: "internal", message: "Something went wrong on our side. Please try again." },
    },
  };
}
