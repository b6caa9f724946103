import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth/gate";
import { runCli } from "@/lib/cli/main";
import { databaseProvider, databaseUrl, disconnectDb, getDb } from "@/lib/db";
import { createOrganization } from "@/lib/organizations/mutations";
import {
  contextFor,
  passwordFor,
  sessionCookieFor,
  uniqueSuffix,
  withWorkspaceCookie,
} from "../fixtures/world";

// The admin CLI through runCli (what bin/gapmap runs), against the test database.

const onSqlite = databaseProvider() === "sqlite";
const scratch = path.resolve("tmp", `cli-test-${uniqueSuffix()}`);

beforeAll(() => {
  mkdirSync(scratch, { recursive: true });
});
afterAll(async () => {
  await disconnectDb();
  rmSync(scratch, { recursive: true, force: true });
});

function parseIds(stdout: string): { userId: string; workspaceId: string; created: boolean } {
  expect(stdout.endsWith("\n")).toBe(true);
  expect(stdout.trim().split("\n")).toHaveLength(1);
  const parsed = JSON.parse(stdout) as unknown;
  expect(parsed).toEqual({
    userId: expect.any(String),
    workspaceId: expect.any(String),
    created: expect.any(Boolean),
  });
  return parsed as { userId: string; workspaceId: string; created: boolean };
}

function expectOneErrorLine(result: { code: number; stdout: string; stderr: string }): string {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr;
}

describe("gapmap user create", () => {
  it("creates the user and the workspace if missing, prints {userId, workspaceId}", async () => {
    const workspace = `CLI workspace ${uniqueSuffix()}`;
    const email = `cli-owner-${uniqueSuffix()}@example.test`;
    const result = await runCli([
      "user",
      "create",
      "--email",
      email,
      "--password",
      passwordFor("cli"),
      "--workspace",
      workspace,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const { userId, workspaceId } = parseIds(result.stdout);
    const member = await getDb().member.findFirstOrThrow({
      where: { userId, workspaceId },
      select: {
        role: true,
        workspace: { select: { name: true } },
        user: { select: { email: true } },
      },
    });
    expect(member).toEqual({ role: "owner", workspace: { name: workspace }, user: { email } });

    const second = await runCli([
      "user",
      "create",
      "--email",
      `cli-consultant-${uniqueSuffix()}@example.test`,
      "--password",
      passwordFor("cli2"),
      "--workspace",
      workspace,
      "--role",
      "consultant",
      "--name",
      "Cee",
    ]);
    expect(second.code).toBe(0);
    expect(parseIds(second.stdout).workspaceId).toBe(workspaceId);
    expect(await getDb().workspace.count({ where: { name: workspace } })).toBe(1);
  });

  it("adding someone who is already a member is one error line", async () => {
    const workspace = `CLI dup ${uniqueSuffix()}`;
    const email = `cli-dup-${uniqueSuffix()}@example.test`;
    const args = [
      "user",
      "create",
      "--email",
      email,
      "--password",
      passwordFor("dup"),
      "--workspace",
      workspace,
    ];
    expect((await runCli(args)).code).toBe(0);
    expect(expectOneErrorLine(await runCli(args))).toContain("already a member");
  });
});

describe("gapmap user create: existing users and shared workspace names", () => {
  const create = (email: string, password: string, workspace: string) =>
    runCli(["user", "create", "--email", email, "--password", password, "--workspace", workspace]);
  const hashOf = async (email: string) =>
    (
      await getDb().user.findUniqueOrThrow({
        where: { email },
        omit: { passwordHash: false },
      })
    ).passwordHash;

  it("an existing user joins another workspace with a note saying the password was not changed", async () => {
    const email = `cli-again-${uniqueSuffix()}@example.test`;
    const first = await create(email, passwordFor("first"), `CLI again one ${uniqueSuffix()}`);
    expect(parseIds(first.stdout).created).toBe(true);
    const hash = await hashOf(email);
    const secondName = `CLI again two ${uniqueSuffix()}`;
    const second = await create(email, passwordFor("second"), secondName);
    expect(second.code).toBe(0);
    expect(parseIds(second.stdout)).toMatchObject({ created: false });
    expect(second.stderr).toBe(
      `note: ${email} already had an account: added to "${secondName}" as owner; the password was not changed\n`,
    );
    expect(await hashOf(email)).toBe(hash);
  });

  it("a workspace id that matches nothing is refused, not taken as the name of a new workspace", async () => {
    const typo = `c${"x".repeat(24)}`;
    const email = `cli-typo-${uniqueSuffix()}@example.test`;
    expect(expectOneErrorLine(await create(email, passwordFor("typo"), typo))).toContain(
      `No workspace has the id ${typo}`,
    );
    expect(await getDb().workspace.count({ where: { name: typo } })).toBe(0);
  });

  it("a name two workspaces share is refused naming both ids; --workspace ID picks one", async () => {
    const name = `CLI twins ${uniqueSuffix()}`;
    const older = await getDb().workspace.create({ data: { name } });
    const newer = await getDb().workspace.create({ data: { name } });
    const email = `cli-twin-${uniqueSuffix()}@example.test`;
    const refused = expectOneErrorLine(await create(email, passwordFor("twin"), name));
    expect(refused).toContain(older.id);
    expect(refused).toContain(newer.id);
    expect(await getDb().member.count({ where: { user: { email } } })).toBe(0);

    const chosen = await create(email, passwordFor("twin"), newer.id);
    expect(parseIds(chosen.stdout).workspaceId).toBe(newer.id);
    const other = `cli-twin-other-${uniqueSuffix()}@example.test`;
    await create(other, passwordFor("twin"), older.id);
    await runCli([
      "user",
      "create",
      "--email",
      email,
      "--password",
      passwordFor("twin"),
      "--workspace",
      older.id,
    ]);
    // token create: a member of both twins names one by id; by the shared name it cannot.
    const ambiguous = expectOneErrorLine(
      await runCli(["token", "create", "--email", email, "--workspace", name]),
    );
    expect(ambiguous).toContain(older.id);
    const token = await runCli(["token", "create", "--email", email, "--workspace", newer.id]);
    expect(token.code).toBe(0);
    expect(await resolveApiToken(token.stdout.trim())).toMatchObject({ workspaceId: newer.id });
    expect(await getDb().workspace.count({ where: { name } })).toBe(2);
  });
});

describe("gapmap token create", () => {
  it("prints only the token, and the token works as that member", async () => {
    const workspace = `CLI tokens ${uniqueSuffix()}`;
    const email = `cli-token-${uniqueSuffix()}@example.test`;
    const created = await runCli([
      "user",
      "create",
      "--email",
      email,
      "--password",
      passwordFor("t"),
      "--workspace",
      workspace,
      "--role",
      "consultant",
    ]);
    const { workspaceId } = parseIds(created.stdout);

    const result = await runCli(["token", "create", "--email", email, "--name", "Power BI"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^gm_[A-Za-z0-9_-]+\n$/);
    const token = result.stdout.trim();
    const ctx = await resolveApiToken(token);
    expect(ctx).toMatchObject({ email, workspaceId, role: "consultant", via: "token" });
    const row = await getDb().apiToken.findFirstOrThrow({
      where: { workspaceId, name: "Power BI" },
    });
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("a member of several workspaces must choose one with --workspace", async () => {
    const email = `cli-multi-${uniqueSuffix()}@example.test`;
    const first = `CLI multi one ${uniqueSuffix()}`;
    const second = `CLI multi two ${uniqueSuffix()}`;
    await runCli([
      "user",
      "create",
      "--email",
      email,
      "--password",
      passwordFor("m"),
      "--workspace",
      first,
    ]);
    await runCli([
      "user",
      "create",
      "--email",
      email,
      "--password",
      passwordFor("m"),
      "--workspace",
      second,
    ]);
    expect(expectOneErrorLine(await runCli(["token", "create", "--email", email]))).toContain(
      "--workspace",
    );
    const chosen = await runCli(["token", "create", "--email", email, "--workspace", second]);
    expect(chosen.code).toBe(0);
    expect((await resolveApiToken(chosen.stdout.trim())).workspaceName).toBe(second);
  });
});

describe("bad arguments: one line on stderr starting with error:, a non-zero code, no stack trace", () => {
  const email = () => `cli-bad-${uniqueSuffix()}@example.test`;
  const cases: [string, () => string[]][] = [
    ["an unknown command", () => ["frobnicate"]],
    ["an unknown subcommand", () => ["user", "delete"]],
    ["a missing --email", () => ["user", "create", "--password", passwordFor("x")]],
    ["a flag without its value", () => ["user", "create", "--email"]],
    [
      "a malformed email",
      () => ["user", "create", "--email", "not-an-email", "--password", passwordFor("x")],
    ],
    ["a short password", () => ["user", "create", "--email", email(), "--password", "short"]],
    [
      "an unknown role",
      () => [
        "user",
        "create",
        "--email",
        email(),
        "--password",
        passwordFor("x"),
        "--role",
        "admin",
      ],
    ],
    [
      "an unknown flag",
      () => [
        "user",
        "create",
        "--email",
        email(),
        "--password",
        passwordFor("x"),
        "--colour",
        "blue",
      ],
    ],
    [
      "a stray word",
      () => ["user", "create", "stray", "--email", email(), "--password", passwordFor("x")],
    ],
    ["a token for nobody", () => ["token", "create", "--email", email()]],
    ["backup without a file", () => ["backup"]],
    ["backup with an unknown option", () => ["backup", "--fast", "yes", "x.db"]],
    ["restore with two files", () => ["restore", "a.db", "b.db"]],
    ["restore with a misspelt --force", () => ["restore", "a.db", "--forse", "yes"]],
  ];
  it.each(cases)("%s", async (_label, args) => {
    expectOneErrorLine(await runCli(args()));
  });

  it("nothing was created by the refused user create calls", async () => {
    expect(await getDb().user.count({ where: { email: "not-an-email" } })).toBe(0);
  });
});

describe.skipIf(!onSqlite)(
  "gapmap backup and restore (SQLite only: PostgreSQL uses pg_dump)",
  () => {
    /** Opens another SQLite file through the same lib/db code, as a second app instance would. */
    async function countIn(
      file: string,
    ): Promise<{ users: number; organizations: number; names: string[] }> {
      const original = process.env.DATABASE_URL;
      await disconnectDb();
      process.env.DATABASE_URL = `file:${file}`;
      try {
        const db = getDb();
        const [users, organizations] = await Promise.all([
          db.user.count(),
          db.organization.count(),
        ]);
        const names = (await db.organization.findMany({ select: { name: true } })).map(
          (o) => o.name,
        );
        return { users, organizations, names };
      } finally {
        await disconnectDb();
        process.env.DATABASE_URL = original;
      }
    }

    async function liveCounts() {
      const db = getDb();
      const [users, organizations] = await Promise.all([db.user.count(), db.organization.count()]);
      return { users, organizations };
    }

    it("backup makes a consistent copy holding everything written just before it", async () => {
      const created = await runCli([
        "user",
        "create",
        "--email",
        `cli-backup-${uniqueSuffix()}@example.test`,
        "--password",
        passwordFor("b"),
        "--workspace",
        `Backup ${uniqueSuffix()}`,
      ]);
      const { workspaceId, userId } = parseIds(created.stdout);
      const ctx = await contextFor(
        withWorkspaceCookie(await sessionCookieFor(userId), workspaceId),
      );
      const organization = await createOrganization(ctx, {
        name: `Just before the backup ${uniqueSuffix()}`,
      });
      const before = await liveCounts();

      const file = path.join(scratch, "copy.db");
      const result = await runCli(["backup", file]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ file, bytes: expect.any(Number) });

      const copy = await countIn(file);
      expect({ users: copy.users, organizations: copy.organizations }).toEqual(before);
      expect(copy.names).toContain(organization.name);
    });

    it("backup refuses to overwrite an existing file", async () => {
      const file = path.join(scratch, "exists.db");
      writeFileSync(file, "keep me");
      expect(expectOneErrorLine(await runCli(["backup", file]))).toContain("already exists");
    });

    it("restore refuses a file that is not an SQLite database", async () => {
      const file = path.join(scratch, "not-a-database.db");
      writeFileSync(file, "this is plain text, not SQLite\n".repeat(10));
      expect(expectOneErrorLine(await runCli(["restore", file, "--force"]))).toContain(
        "not an SQLite database",
      );
      expect((await liveCounts()).users).toBeGreaterThan(0);
    });

    it("restore refuses while the database is in use, unless --force", async () => {
      const file = path.join(scratch, "for-restore.db");
      expect((await runCli(["backup", file])).code).toBe(0);
      const before = await liveCounts();
      await getDb().$queryRawUnsafe("SELECT 1"); // a running server holds a connection open
      expect(expectOneErrorLine(await runCli(["restore", file]))).toMatch(/in use|--force/);
      expect(await liveCounts()).toEqual(before);
    });

    it("restore --force puts the copy in place and keeps a copy of what was there", async () => {
      // On a scratch database of its own, never the suite's.
      const original = process.env.DATABASE_URL;
      const target = path.join(scratch, "scratch-target.db");
      const source = path.join(scratch, "scratch-source.db");
      expect((await runCli(["backup", source])).code).toBe(0);
      expect((await runCli(["backup", target])).code).toBe(0);
      await disconnectDb();
      process.env.DATABASE_URL = `file:${target}`;
      try {
        await getDb().organization.deleteMany({});
        expect(databaseUrl()).toBe(`file:${target}`);
        const result = await runCli(["restore", source, "--force"]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        const { restoredTo, previousCopy } = JSON.parse(result.stdout) as {
          restoredTo: string;
          previousCopy: string;
        };
        expect(restoredTo).toBe(target);
        expect((await countIn(previousCopy)).organizations).toBe(0);
      } finally {
        await disconnectDb();
        process.env.DATABASE_URL = original;
      }
      const restored = await countIn(target);
      const sourceCounts = await countIn(source);
      expect(restored).toEqual(sourceCounts);
      expect(restored.organizations).toBeGreaterThan(0);
    });
  },
);

describe.skipIf(onSqlite)("gapmap backup on PostgreSQL", () => {
  it("says to use pg_dump, in one error line", async () => {
    expect(expectOneErrorLine(await runCli(["backup", path.join(scratch, "pg.db")]))).toContain(
      "pg_dump",
    );
  });
});
