import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

// Issue 10, finding 1: a hostile `next` on the sign-in page must never send the browser off-site
// once the person signs in. Each value is typed into the address bar as an attacker's link would
// carry it (percent-encoded as sent), then a demo account signs in through the real form.

type DemoAccount = { email: string; password: string };
const [demo] = JSON.parse(readFileSync("prisma/demo-accounts.json", "utf8")) as DemoAccount[];

const hostile = [
  "/%5Cevil.example/",
  "/%5C%5Cevil.example/",
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%0D%0A/evil.example",
  "//evil.example",
  "/.//evil.example",
  "%2F%2Fevil.example",
  "/%255Cevil.example/",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(document.domain)",
];

/** Aborts and records every request to another host, so an escape cannot load and is seen. */
async function watchOffSite(page: Page, appOrigin: string): Promise<string[]> {
  const offSite: string[] = [];
  await page.context().route(
    (url) => url.origin !== appOrigin,
    async (route) => {
      offSite.push(route.request().url());
      await route.abort();
    },
  );
  return offSite;
}

async function signInWithNext(page: Page, rawNext: string): Promise<void> {
  await page.goto(`/login?next=${rawNext}`);
  await page.getByLabel("Email").fill(demo!.email);
  await page.getByLabel("Password").fill(demo!.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("after sign-in, only this origin", () => {
  for (const rawNext of hostile) {
    test(`next=${rawNext} stays on the app's origin`, async ({ page, baseURL }) => {
      const appOrigin = new URL(baseURL!).origin;
      const offSite = await watchOffSite(page, appOrigin);
      let dialog = false;
      page.on("dialog", async (d) => {
        dialog = true;
        await d.dismiss();
      });
      await signInWithNext(page, rawNext);
      // Signed in: the form navigates away from /login (to "/" and on to the organisations).
      await page.waitForURL((url) => url.pathname !== "/login", { timeout: 15_000 });
      await page.waitForLoadState("networkidle");
      expect(new URL(page.url()).origin).toBe(appOrigin);
      expect(offSite).toEqual([]);
      expect(dialog).toBe(false);
    });
  }

  test("a same-origin next is followed, with its query", async ({ page, baseURL }) => {
    const appOrigin = new URL(baseURL!).origin;
    const offSite = await watchOffSite(page, appOrigin);
    await signInWithNext(page, encodeURIComponent("/organizations?from=redirect-spec"));
    await page.waitForURL((url) => url.pathname === "/organizations");
    expect(new URL(page.url()).searchParams.get("from")).toBe("redirect-spec");
    expect(offSite).toEqual([]);
  });
});
