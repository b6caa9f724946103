import { disconnectDb } from "@/lib/db";
import { readFile } from "node:fs/promises";
import { backup, describeCliError, restore, tokenCreate, userCreate } from "./admin";
import { CliUsageError } from "./args";
import type { CliIO, CliResult } from "./types";

const USAGE = `gapmap: GapMap's admin command line

  gapmap user create --email E --password P [--name N] [--workspace ID|NAME] [--role owner|consultant|executive]
  gapmap token create --email E [--workspace ID|NAME] [--name LABEL]
  gapmap backup FILE
  gapmap restore FILE [--force]
  gapmap framework [--version V]
  gapmap score FILE|-
  gapmap export --organization ID FILE      an organisation's whole history, as a JSON export file
  gapmap export --workspace ID FILE         every organisation of the workspace, members by email
  gapmap import FILE --workspace ID [--dry-run]
  gapmap mail sweep     queue scheduled mail and deliver what is due (once)

DATABASE_URL selects the database (default file:./data/gapmap.db).
`;

const io: CliIO = {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  readFile: (path) => readFile(path, "utf8"),
};

export async function runCli(argv: string[]): Promise<CliResult> {
  const [first, second, ...rest] = argv;
  try {
    switch (first) {
      case "user":
        if (second === "create") return await userCreate(rest);
        throw new CliUsageError(`unknown command "user ${second ?? ""}"; try "user create"`);
      case "token":
        if (second === "create") return await tokenCreate(rest);
        throw new CliUsageError(`unknown command "token ${second ?? ""}"; try "token create"`);
      case "backup":
        return await backup(argv.slice(1));
      case "restore":
        return await restore(argv.slice(1));
      case "framework": {
        const { frameworkCommand } = await import("./commands/framework");
        return await frameworkCommand(argv.slice(1), io);
      }
      case "mail": {
        const { mailCommand } = await import("./commands/mail");
        return await mailCommand(argv.slice(1));
      }
      case "score": {
        const { scoreCommand } = await import("./commands/score");
        return await scoreCommand(argv.slice(1), io);
      }
      case "export": {
        const { exportCommand } = await import("./commands/portability");
        return await exportCommand(argv.slice(1));
      }
      case "import": {
        const { importCommand } = await import("./commands/portability");
        return await importCommand(argv.slice(1));
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        return { code: first === undefined ? 2 : 0, stdout: USAGE, stderr: "" };
      default:
        throw new CliUsageError(`unknown command "${first}"; run "gapmap help"`);
    }
  } catch (error) {
    const message = describeCliError(error);
    if (message)
      return {
        code: error instanceof CliUsageError ? 2 : 1,
        stdout: "",
        stderr: `error: ${message}\n`,
      };
    // Unexpected: still one line, never a stack trace; the detail goes to GAPMAP_DEBUG runs.
    if (process.env.GAPMAP_DEBUG) console.error(error);
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { code: 1, stdout: "", stderr: `error: ${reason}\n` };
  } finally {
    await disconnectDb();
  }
}
