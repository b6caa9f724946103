import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { ERROR_STATUS } from "@/lib/errors";

// The error codes the API documents come from the table the server answers with, so a code added
// there is documented without anyone remembering to.

type Operation = { responses: Record<string, { description: string; content?: unknown }> };
const doc = openApiDocument() as {
  components: {
    schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } };
  };
  paths: Record<string, Record<string, Operation>>;
};
const operation = (path: string, method: string) => doc.paths[path]![method]!;
const codesOf = (op: Operation, status: string) =>
  (
    op.responses[status]!.content as {
      "application/json": {
        schema: {
          allOf: [unknown, { properties: { error: { properties: { code: { enum: string[] } } } } }];
        };
      };
    }
  )["application/json"].schema.allOf[1].properties.error.properties.code.enum;

describe("the OpenAPI error codes", () => {
  it("the Error schema lists every code of ERROR_STATUS", () => {
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(
      Object.keys(ERROR_STATUS),
    );
  });

  it("a respondent's save and submit document one 409 code per refusal; other writes only conflict", () => {
    const refusals = ["link_withdrawn", "round_not_open", "round_closed", "already_submitted"];
    for (const [path, method] of [
      ["/api/v1/respond/{token}/answers", "put"],
      ["/api/v1/respond/{token}/submit", "post"],
    ] as const) {
      const op = operation(path, method);
      expect(codesOf(op, "409"), path).toEqual(refusals);
      for (const code of refusals) expect(op.responses["409"]!.description).toContain(code);
    }
    expect(codesOf(operation("/api/v1/respond/{token}/start", "post"), "409")).toEqual([
      "conflict",
      "link_withdrawn",
      "round_not_open",
      "round_closed",
    ]);
    expect(codesOf(operation("/api/v1/organizations", "post"), "409")).toEqual(["conflict"]);
  });

  it("every documented error status carries codes of that status", () => {
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        if (typeof op !== "object" || !("responses" in op)) continue;
        for (const status of Object.keys(op.responses).filter((s) => Number(s) >= 400)) {
          const codes = codesOf(op, status);
          expect(codes.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
          for (const code of codes)
            expect(
              ERROR_STATUS[code as keyof typeof ERROR_STATUS],
              `${method} ${path} ${code}`,
            ).toBe(Number(status));
        }
      }
  });
});
