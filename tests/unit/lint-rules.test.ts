import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules in eslint.config.mjs, run through ESLint's own API on snippets placed where a
// real file would be: each rule must refuse its violation, and leave the allowed form alone.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("lint refuses imports from app/ in lib/ and components/", () => {
  it("a component importing a server action from app/ through the alias", async () => {
    const found = await problems(
      "components/shell/probe.tsx",
      'import { switchWorkspaceAction } from "@/app/(app)/workspace-actions";\nexport const x = switchWorkspaceAction;\n',
    );
    expect(found.some((p) => p.startsWith("no-restricted-imports:") && p.includes("app/"))).toBe(
      true,
    );
  });

  it("a lib module importing app/ by a relative path", async () => {
    const found = await problems(
      "lib/members/probe.ts",
      'import { acceptInvitationAction } from "../../app/invite/actions";\nexport const x = acceptInvitationAction;\n',
    );
    expect(found.some((p) => p.startsWith("no-restricted-imports:"))).toBe(true);
  });

  it("but app/ itself may import its neighbours", async () => {
    const found = await problems(
      "app/(app)/probe.tsx",
      'import { switchWorkspaceAction } from "./workspace-actions";\nexport const x = switchWorkspaceAction;\n',
    );
    expect(found).toEqual([]);
  });
});

describe("only lib/auth mints an authorized workspace id", () => {
  const cast =
    'import type { AuthorizedWorkspaceId } from "@/lib/auth/context";\nexport const id = "w1" as AuthorizedWorkspaceId;\n';

  it("a cast to AuthorizedWorkspaceId outside lib/auth", async () => {
    const found = await problems("lib/accounts/probe.ts", cast);
    expect(found.some((p) => p.startsWith("no-restricted-syntax:"))).toBe(true);
  });

  it("importing authorizeWorkspaceId outside lib/auth", async () => {
    const found = await problems(
      "lib/members/probe.ts",
      'import { authorizeWorkspaceId } from "@/lib/auth/context";\nexport const id = authorizeWorkspaceId("w1");\n',
    );
    expect(found.some((p) => p.startsWith("no-restricted-imports:"))).toBe(true);
  });

  it("but lib/auth may, and others go through systemContext", async () => {
    expect(await problems("lib/auth/probe.ts", cast)).toEqual([]);
    expect(
      await problems(
        "lib/cli/probe.ts",
        'import { systemContext } from "@/lib/auth/context";\nexport const id = systemContext("w1", "cli").workspaceId;\n',
      ),
    ).toEqual([]);
  });
});

describe("lint refuses import cycles", () => {
  it("lib/auth importing lib/accounts, which imports lib/auth", async () => {
    const found = await problems(
      "lib/auth/probe.ts",
      'import { authenticate } from "@/lib/accounts/mutations";\nexport const x = authenticate;\n',
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^gapmap\/no-cycle: Folder import cycle: lib\/auth -> lib\/accounts/),
    );
  });

  it("two files of one folder importing each other", async () => {
    // lib/auth/gate.ts imports ./context; context importing gate back closes a file cycle.
    const found = await problems(
      "lib/auth/context.ts",
      'import { resolveSession } from "./gate";\nexport const x = resolveSession;\n',
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^gapmap\/no-cycle: Import cycle: lib\/auth\/context\.ts -> /),
    );
  });

  it("but an import down the layers is fine", async () => {
    const found = await problems(
      "lib/accounts/probe.ts",
      'import { hashPassword } from "@/lib/auth/password";\nexport const x = hashPassword;\n',
    );
    expect(found).toEqual([]);
  });
});

describe("integration tests get next/headers from the setup file", () => {
  it("a test file mocking next/headers again is refused", async () => {
    const found = await problems(
      "tests/integration/probe.test.ts",
      'import { vi } from "vitest";\nvi.mock("next/headers", async () => ({}));\n',
    );
    expect(found).toContainEqual(expect.stringMatching(/^no-restricted-syntax: .*setup-env/));
  });
});
