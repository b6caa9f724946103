import "server-only";
import { z } from "zod";
import {
  emailSchema,
  passwordSchema,
  personNameSchema,
  workspaceNameSchema,
} from "@/lib/accounts/schema";
import { ensureUserInWorkspace } from "@/lib/accounts/mutations";
import { ROLES } from "@/lib/auth/roles";
import { systemContext } from "@/lib/auth/context";
import { backupSqlite, restoreSqlite } from "@/lib/db/backup";
import { getDb } from "@/lib/db";
import { issueApiToken } from "@/lib/tokens/mutations";
import { AppError } from "@/lib/errors";
import { CliUsageError, parseFlags, parseWith } from "./args";
import type { CliResult } from "./types";

const ok = (stdout: string, stderr = ""): CliResult => ({ code: 0, stdout, stderr });

const userCreateSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: personNameSchema.optional(),
  workspace: workspaceNameSchema.default("GapMap"),
  role: z.enum(ROLES, { error: "must be owner, consultant or executive" }).default("owner"),
});

export async function userCreate(argv: string[]): Promise<CliResult> {
  const { flags, positional } = parseFlags(argv);
  if (positional.length) throw new CliUsageError(`unexpected "${positional[0]}"`);
  const input = parseWith(userCreateSchema, flags);
  const { userId, workspaceId, workspaceName, created } = await ensureUserInWorkspace({
    email: input.email,
    password: input.password,
    name: input.name,
    workspace: input.workspace,
    role: input.role,
  });
  const note = created
    ? ""
    : `note: ${input.email} already had an account: added to "${workspaceName}" as ${input.role}; the password was not changed\n`;
  return ok(`${JSON.stringify({ userId, workspaceId, created })}\n`, note);
}

const tokenCreateSchema = z.strictObject({
  email: emailSchema,
  workspace: workspaceNameSchema.optional(),
  name: z.string().trim().min(1).max(80).default("CLI token"),
});

export async function tokenCreate(argv: string[]): Promise<CliResult> {
  const { flags, positional } = parseFlags(argv);
  if (positional.length) throw new CliUsageError(`unexpected "${positional[0]}"`);
  const input = parseWith(tokenCreateSchema, flags);
  const db = getDb();
  const members = await db.member.findMany({
    where: {
      user: { email: input.email },
      ...(input.workspace
        ? { OR: [{ workspaceId: input.workspace }, { workspace: { name: input.workspace } }] }
        : {}),
    },
    select: { id: true, workspaceId: true, workspace: { select: { name: true } } },
  });
  if (members.length === 0) {
    throw new CliUsageError(
      input.workspace
        ? `${input.email} is not a member of a workspace with the id or name "${input.workspace}"`
        : `no member with the email ${input.email}`,
    );
  }
  if (members.length > 1) {
    const names = members.map((m) => `"${m.workspace.name}" (${m.workspaceId})`).join(", ");
    throw new CliUsageError(
      `${input.email} belongs to several workspaces (${names}); choose one with --workspace ID`,
    );
  }
  const member = members[0]!;
  const { token } = await db.$transaction((tx) =>
    issueApiToken(
      tx,
      { workspaceId: systemContext(member.workspaceId, "cli").workspaceId, memberId: member.id },
      input.name,
      { userId: null, label: "cli" },
    ),
  );
  return ok(`${token}\n`);
}

export async function backup(argv: string[]): Promise<CliResult> {
  const { flags, positional } = parseFlags(argv);
  if (Object.keys(flags).length)
    throw new CliUsageError(`unknown option --${Object.keys(flags)[0]}`);
  if (positional.length !== 1) throw new CliUsageError("usage: gapmap backup FILE");
  const { file, bytes } = await backupSqlite(positional[0]!);
  return ok(`${JSON.stringify({ file, bytes })}\n`);
}

export async function restore(argv: string[]): Promise<CliResult> {
  const { flags, positional } = parseFlags(argv, ["force"]);
  const unknown = Object.keys(flags).find((f) => f !== "force");
  if (unknown) throw new CliUsageError(`unknown option --${unknown}`);
  if (positional.length !== 1) throw new CliUsageError("usage: gapmap restore FILE [--force]");
  const result = await restoreSqlite(positional[0]!, { force: flags.force === true });
  return ok(`${JSON.stringify(result)}\n`);
}

export function describeCliError(error: unknown): string | null {
  if (error instanceof CliUsageError) return error.message;
  if (error instanceof AppError) return error.message;
  if (error instanceof Error && error.name === "BackupError") return error.message;
  return null;
}
