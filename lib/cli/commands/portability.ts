import "server-only";
import { readFile, stat, writeFile } from "node:fs/promises";
import { z } from "zod";
import { systemContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportOrganization, exportWorkspace, serializeExport } from "@/lib/portability/data";
import { importExport } from "@/lib/portability/mutations";
import { MAX_IMPORT_BYTES } from "@/lib/portability/schema";
import { CliUsageError, parseFlags, parseWith } from "../args";
import type { CliResult } from "../types";

// `gapmap export` and `gapmap import`: the same export file and the same checks as the settings
// page and the REST API (lib/portability), run by the operator on the server.

const idFlag = z.string().trim().min(1).max(64);

const exportSchema = z
  .strictObject({ organization: idFlag.optional(), workspace: idFlag.optional() })
  .refine((f) => (f.organization === undefined) !== (f.workspace === undefined), {
    error: "give either --organization ID or --workspace ID",
  });

export async function exportCommand(argv: string[]): Promise<CliResult> {
  const { flags, positional } = parseFlags(argv);
  const input = parseWith(exportSchema, flags);
  if (positional.length !== 1)
    throw new CliUsageError("usage: gapmap export --organization ID|--workspace ID FILE");
  const db = getDb();
  let file;
  if (input.organization) {
    const org = await db.organization.findUnique({
      where: { id: input.organization },
      select: { workspaceId: true },
    });
    if (!org) throw new CliUsageError(`no organisation with the id ${input.organization}`);
    const system = systemContext(org.workspaceId, "cli");
    file = await exportOrganization({ kind: "system", system }, input.organization);
  } else {
    const workspace = await db.workspace.findUnique({
      where: { id: input.workspace! },
      select: { id: true },
    });
    if (!workspace) throw new CliUsageError(`no workspace with the id ${input.workspace}`);
    file = await exportWorkspace({ kind: "system", system: systemContext(workspace.id, "cli") });
  }
  const text = serializeExport(file);
  await writeFile(positional[0]!, text, "utf8");
  return {
    code: 0,
    stdout: `${JSON.stringify({ file: positional[0], bytes: Buffer.byteLength(text), organizations: file.organizations.length })}\n`,
    stderr: "",
  };
}

const importSchema = z.strictObject({ workspace: idFlag, "dry-run": z.literal(true).optional() });

export async function importCommand(argv: string[]): Promise<CliResult> {
  const { flags, positional } = parseFlags(argv, ["dry-run"]);
  const input = parseWith(importSchema, flags);
  if (positional.length !== 1)
    throw new CliUsageError("usage: gapmap import FILE --workspace ID [--dry-run]");
  const path = positional[0]!;
  const size = await stat(path).then(
    (s) => s.size,
    () => {
      throw new CliUsageError(`cannot read ${path}`);
    },
  );
  if (size > MAX_IMPORT_BYTES)
    throw new CliUsageError(`${path} is larger than 50 MB: it cannot be imported`);
  const workspace = await getDb().workspace.findUnique({
    where: { id: input.workspace },
    select: { id: true },
  });
  if (!workspace) throw new CliUsageError(`no workspace with the id ${input.workspace}`);
  const text = await readFile(path, "utf8");
  try {
    const report = await importExport(
      { kind: "system", system: systemContext(workspace.id, "cli") },
      text,
      { dryRun: input["dry-run"] === true },
    );
    return { code: 0, stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: "" };
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      const lines = Object.entries(error.fields).map(([at, message]) => `  ${at}: ${message}`);
      return { code: 1, stdout: "", stderr: `error: ${error.message}\n${lines.join("\n")}\n` };
    }
    throw error;
  }
}
