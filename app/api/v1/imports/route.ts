import { json, readJsonText, withWorkspace } from "@/lib/api/http";
import { parseInput } from "@/lib/errors";
import { importExport } from "@/lib/portability/mutations";
import { importQuerySchema, MAX_IMPORT_BYTES } from "@/lib/portability/schema";

export const POST = withWorkspace(
  async ({ request, ctx }) => {
    const { dryRun } = parseInput(
      importQuerySchema,
      Object.fromEntries(new URL(request.url).searchParams),
    );
    const text = await readJsonText(request, MAX_IMPORT_BYTES);
    const report = await importExport({ kind: "member", ctx }, text, { dryRun });
    return json(report, dryRun ? 200 : 201);
  },
  { permission: "workspace.import" },
);
