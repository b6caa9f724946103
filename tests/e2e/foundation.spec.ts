import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, freshPage, screenshotBoth, signIn } from "./helpers";

// Issue 3's journey: someone signs up, creates organisations, invites a consultant and an
// executive by link; each signs in and sees exactly what their role allows.

const stamp = Date.now().toString(36);
const owner = {
  name: "Priya Shah",
  email: `priya-${stamp}@example.com`,
  password: "correct-horse-battery",
};
const consultant = {
  name: "Tom Becker",
  email: `tom-${stamp}@example.com`,
  password: "consultant-pass-123",
};
const executive = {
  name: "Ada Kim",
  email: `ada-${stamp}@example.com`,
  password: "executive-pass-123",
};
const orgA = `Harbor Freight Lines ${stamp}`;
const orgB = `Lumen Bank ${stamp}`;

test.describe.configure({ mode: "serial" });

let consultantLink = "";
let executiveLink = "";

test("an owner signs up, creates organisations and invites a consultant and an executive", async ({
  page,
}) => {
  await page.goto("/signup");
  await screenshotBoth(page, "signup");
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Work email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByLabel("Workspace name").fill(`Shah Partners ${stamp}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL(/\/organizations$/);
  await expect(page.getByRole("heading", { name: "No organisations yet" })).toBeVisible();
  await screenshotBoth(page, "organizations-empty");

  for (const [name, sector] of [
    [orgA, "Logistics"],
    [orgB, "Financial services"],
  ] as const) {
    await page.getByRole("link", { name: "New organisation" }).first().click();
    await page.waitForURL(/\/organizations\/new$/);
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Sector").selectOption(sector);
    await page.getByLabel("Region").fill("UK & Ireland");
    if (name === orgA) await screenshotBoth(page, "organization-new");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText("Organisation created.")).toBeVisible();
    await page.getByRole("link", { name: "Organisations" }).click();
    await page.waitForURL(/\/organizations$/);
  }
  await expect(page.getByText("2 organisations")).toBeVisible();
  await screenshotBoth(page, "organizations-list");

  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Role", { exact: true }).selectOption("consultant");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const linkField = page.getByLabel("Invitation link (shown once)");
  await expect(linkField).toHaveValue(/\/invite\/gmi_/);
  consultantLink = await linkField.inputValue();

  await page.getByLabel("Role", { exact: true }).selectOption("executive");
  await page.getByLabel(orgA).check();
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(linkField).not.toHaveValue(consultantLink);
  executiveLink = await linkField.inputValue();
  await screenshotBoth(page, "members-invite");
});

test("the consultant joins by link and manages every organisation, but not members", async ({
  browser,
}) => {
  const page = await freshPage(browser);
  await page.goto(consultantLink);
  await expect(page.getByRole("heading", { name: /Join Shah Partners/ })).toBeVisible();
  await screenshotBoth(page, "invite-accept");
  await page.getByLabel("Your name").fill(consultant.name);
  await page.getByLabel("Email").fill(consultant.email);
  await page.getByLabel("Choose a password").fill(consultant.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await page.waitForURL(/\/organizations$/);
  await expect(page.getByRole("link", { name: orgA })).toBeVisible();
  await expect(page.getByRole("link", { name: orgB })).toBeVisible();
  await expect(page.getByRole("link", { name: "New organisation" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API tokens" })).toHaveCount(0);
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Change role" })).toHaveCount(0);
  await page.getByRole("link", { name: "Organisations" }).click();
  await page.getByRole("link", { name: orgB }).click();
  await expect(page.getByRole("link", { name: "Edit details" })).toBeVisible();
  await page.getByRole("link", { name: "Rounds and details" }).click();
  await expect(page.getByRole("heading", { name: "Assessment rounds" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delete organisation" })).toHaveCount(0);
  await page.context().close();
});

test("the executive joins and sees only the organisation they were granted", async ({
  browser,
}) => {
  const page = await freshPage(browser);
  await page.goto(executiveLink);
  await page.getByLabel("Your name").fill(executive.name);
  await page.getByLabel("Email").fill(executive.email);
  await page.getByLabel("Choose a password").fill(executive.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await page.waitForURL(/\/organizations$/);
  await expect(page.getByRole("link", { name: orgA })).toBeVisible();
  await expect(page.getByRole("link", { name: orgB })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New organisation" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
  await screenshotBoth(page, "executive-organizations");

  // The other client's page is simply not found, and so is its API record.
  const api = await page.request.get("/api/v1/organizations");
  const listed = (await api.json()) as { data: { id: string; name: string }[] };
  expect(listed.data.map((o) => o.name)).toEqual([orgA]);
  await page.context().close();

  const ownerPage = await freshPage(browser);
  await signIn(ownerPage, owner.email, owner.password);
  const all = (await (await ownerPage.request.get("/api/v1/organizations")).json()) as {
    data: { id: string; name: string }[];
  };
  const hidden = all.data.find((o) => o.name === orgB)!;
  await ownerPage.context().close();

  const again = await freshPage(browser);
  await signIn(again, executive.email, executive.password);
  // Every tab of the organisation page, not only the overview.
  for (const tab of ["", "/people", "/actions", "/initiatives", "/rounds"]) {
    const response = await again.goto(`/organizations/${hidden.id}${tab}`);
    expect(response?.status(), tab).toBe(404);
    await expect(again.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  const apiResponse = await again.request.get(`/api/v1/organizations/${hidden.id}`);
  expect(apiResponse.status()).toBe(404);
  await again.context().close();
});

test("every owner page reads well at phone and desktop widths", async ({ page }) => {
  await signIn(page, owner.email, owner.password);
  await page.getByRole("link", { name: orgA }).click();
  await expect(page.getByRole("heading", { name: orgA })).toBeVisible();
  await screenshotBoth(page, "organization-view");
  await page.getByRole("link", { name: "Edit details" }).click();
  await screenshotBoth(page, "organization-edit");
  for (const [path, name] of [
    ["/settings/members", "members"],
    ["/settings/tokens", "tokens"],
    ["/settings/audit", "audit"],
    ["/account", "account"],
  ] as const) {
    await page.goto(path);
    await screenshotBoth(page, name);
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await expect(page.getByText("Created an organisation").first())
    .toBeVisible({ timeout: 1 })
    .catch(() => undefined);
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: "Created an organisation" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Invited someone" }).first()).toBeVisible();
});

test("deleting an organisation needs its exact name typed", async ({ page }) => {
  await signIn(page, owner.email, owner.password);
  await page.getByRole("link", { name: orgB }).click();
  await page.getByRole("link", { name: "Rounds and details" }).click();
  const button = page.getByRole("button", { name: "Delete organisation" });
  await expect(button).toBeDisabled();
  await page.getByLabel(/Type .* to confirm/).fill("lumen");
  await expect(button).toBeDisabled();
  await page.getByLabel(/Type .* to confirm/).fill(orgB);
  await button.click();
  await page.waitForURL(/deleted=1/);
  await expect(page.getByText("The organisation was deleted.")).toBeVisible();
  await expect(page.getByRole("link", { name: orgB })).toHaveCount(0);
});

test("requests that try to skip the proxy get no data", async ({ request }) => {
  const api = await request.get("/api/v1/organizations", {
    headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  });
  expect(api.status()).toBe(401);
  const page = await request.get("/organizations", {
    headers: {
      "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
    },
    maxRedirects: 0,
  });
  expect([303, 307, 308]).toContain(page.status());
  expect(page.headers().location).toContain("/login");
});

test("a server action called by its id without a session refuses and writes nothing", async ({
  request,
  browser,
}) => {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  const id = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === "createOrganizationAction",
  )?.[0];
  expect(id).toBeTruthy();
  const name = `Sneaky ${stamp}`;
  const response = await request.post("/organizations/new", {
    headers: { "Next-Action": id!, Accept: "text/x-component" },
    // The body as React encodes a call of (previousState, formData): part "0" holds the
    // arguments, "$K1" points at the form fields sent as parts prefixed "1_".
    multipart: { "0": JSON.stringify([{ status: "idle" }, "$K1"]), "1_name": name },
  });
  expect(response.status()).toBeLessThan(500);
  const body = await response.text();
  expect(body).toContain("unauthorized");
  expect(body).not.toContain(name);

  const ownerPage = await freshPage(browser);
  await signIn(ownerPage, owner.email, owner.password);
  const all = (await (await ownerPage.request.get("/api/v1/organizations?q=sneaky")).json()) as {
    data: unknown[];
  };
  expect(all.data).toHaveLength(0);
  await ownerPage.context().close();
});

test("security headers are on every response", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("pages rendered per request allow only scripts with this response's nonce; an injected inline script does not run", async ({
  page,
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of ["/login", "/login", "/invite/not-a-token", "/respond/not-a-token"]) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp, path).not.toContain("'unsafe-inline' 'nonce");
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+'(;|$| )/);
    expect(nonce, path).toBeTruthy();
    // Next renders the nonce on its own inline scripts.
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(4);
  // The prerendered pages keep their own policy (no request data reaches their HTML).
  for (const path of ["/method", "/signup"]) {
    const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp, path).toContain("frame-ancestors 'none'");
  }
  // In a real browser: the page hydrates (the sign-in form works), and a script added without the
  // nonce is refused.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/login");
  await expect(page.getByRole("button", { name: /sign in/i })).toBeEnabled();
  const ran = await page.evaluate(() => {
    const w = window as unknown as { injected?: boolean };
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.appendChild(script);
    return w.injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});
