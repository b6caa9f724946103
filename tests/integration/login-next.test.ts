import { isValidElement, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import LoginPage from "@/app/(auth)/login/page";
import { LoginForm } from "@/components/auth/login-form";

// The sign-in page hands the form the path to follow once the person is signed in; the form
// navigates there with the router. Whatever the page hands over must stay on this origin.

const ORIGIN = "http://localhost:3000";

function findNext(node: ReactNode): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node as ReactNode[]) {
      const found = findNext(child);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isValidElement(node)) return undefined;
  const props = node.props as { next?: unknown; children?: ReactNode };
  if (node.type === LoginForm && typeof props.next === "string") return props.next;
  return findNext(props.children);
}

async function nextHandedToForm(next: string | undefined): Promise<string> {
  const page = await LoginPage({
    searchParams: Promise.resolve(next === undefined ? {} : { next }),
  });
  const found = findNext(page);
  if (found === undefined) throw new Error("the sign-in page rendered no LoginForm");
  return found;
}

describe("the sign-in page follows only same-origin `next` values", () => {
  // As Next hands them to the page: the query string decoded once.
  const hostile = [
    "/\\evil.example/", // ?next=/%5Cevil.example/
    "/\t/evil.example", // ?next=/%09/evil.example
    "/%5Cevil.example/", // ?next=/%255Cevil.example/
    "/%09/evil.example",
    "//evil.example",
    "/.//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
  ];
  for (const value of hostile) {
    it(`next=${JSON.stringify(value)} is not followed off-site`, async () => {
      const next = await nextHandedToForm(value);
      expect(new URL(next, ORIGIN).origin).toBe(ORIGIN);
      expect(next).not.toMatch(/evil/);
    });
  }

  it("a same-origin path is kept, with its query", async () => {
    expect(await nextHandedToForm("/invite/gmi_abc?x=1")).toBe("/invite/gmi_abc?x=1");
  });

  it("without `next`, the organisations list", async () => {
    expect(await nextHandedToForm(undefined)).toBe("/organizations");
  });
});
