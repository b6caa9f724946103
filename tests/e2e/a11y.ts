import { AxeBuilder } from "@axe-core/playwright";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

// Shared by the accessibility specs (issue 13): the axe run, the demo ids a page list needs,
// rounds made through the REST API for the respondent's screens, and "is focus visible".

/** WCAG 2.0 and 2.1, levels A and AA: what clients' procurement asks for. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type AxeFinding = { id: string; impact: string; help: string; targets: string[] };

/** Runs axe on the page as it is now; returns every violation, worst first. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const rank: Record<string, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };
  return results.violations
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }))
    .sort((a, b) => (rank[a.impact] ?? 9) - (rank[b.impact] ?? 9));
}

export const isBlocking = (f: AxeFinding) => f.impact === "serious" || f.impact === "critical";

export function describeFindings(findings: AxeFinding[]): string[] {
  return findings.map(
    (f) =>
      `${f.impact} ${f.id} (${f.targets.length}): ${f.help} -> ${f.targets.slice(0, 4).join(" | ")}`,
  );
}

/** Waits for what a person would wait for: the network quiet and every chart drawn. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[data-plot-pending]")).toHaveCount(0);
}

export const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

/** A signed-in browser state saved for later contexts, so each page check skips the login form. */
export async function storageFor(browser: Browser, email: string, file: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/organizations/);
  await context.storageState({ path: file });
  await context.close();
  return file;
}

type Item = { id: string; name: string; state?: string };

export async function listOf(request: APIRequestContext, path: string): Promise<Item[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return ((await response.json()) as { data: Item[] }).data;
}

export async function postJson<T>(
  request: APIRequestContext,
  path: string,
  data: unknown,
  status: number,
): Promise<T> {
  const response = await request.post(path, { data });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** A round made through the REST API, with personal links for `roles`; opened when asked. */
export async function apiRound(
  request: APIRequestContext,
  organizationId: string,
  name: string,
  roles: string[],
  open: boolean,
): Promise<{ id: string; links: string[] }> {
  const round = await postJson<{ id: string }>(
    request,
    `/api/v1/organizations/${organizationId}/assessments`,
    { name },
    201,
  );
  const { data } = await postJson<{ data: { url: string }[] }>(
    request,
    `/api/v1/assessments/${round.id}/invitations`,
    { invitations: roles.map((role) => ({ role })) },
    201,
  );
  if (open) await postJson(request, `/api/v1/assessments/${round.id}/open`, {}, 200);
  return { id: round.id, links: data.map((d) => d.url) };
}

/** The respondent view's questions, by section. */
export async function respondentSections(
  request: APIRequestContext,
  link: string,
): Promise<{ id: string; questions: { id: string }[] }[]> {
  const response = await request.get(`/api/v1/respond/${tokenOf(link)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { sections: { id: string; questions: { id: string }[] }[] })
    .sections;
}

export type Focused = {
  tag: string;
  type: string;
  name: string;
  text: string;
  label: string;
  /** Where focus shows: an outline of some width that is not transparent, or a ring. */
  visible: boolean;
  how: string;
};

/**
 * The focused element, and whether a sighted keyboard user can see where focus is: its own
 * outline or ring, or (a native radio or checkbox inside a card) the outline of its label.
 */
export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const shows = (node: Element): string | null => {
      const style = getComputedStyle(node);
      const transparent =
        style.outlineColor === "transparent" || /rgba\(.*,\s*0\)$/.test(style.outlineColor);
      if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1 && !transparent)
        return `outline ${style.outlineWidth} ${style.outlineColor}`;
      // Tailwind's ring utilities: a box-shadow with a spread.
      if (/(rgb|#)[^,]*\)?\s+0px\s+0px\s+0px\s+[1-9]/.test(style.boxShadow)) return "ring";
      return null;
    };
    if (!el || el === document.body)
      return { tag: "body", type: "", name: "", text: "", label: "", visible: false, how: "none" };
    const input = el as HTMLInputElement;
    const label = el.closest("label");
    const how = shows(el) ?? (label && /radio|checkbox/.test(input.type) ? shows(label) : null);
    return {
      tag: el.tagName.toLowerCase(),
      type: input.type ?? "",
      name: input.name ?? "",
      text: (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 80),
      label:
        el.getAttribute("aria-label") ??
        input.labels?.[0]?.textContent?.trim().replace(/\s+/g, " ") ??
        "",
      visible: how !== null,
      how: how ?? "none",
    };
  });
}

export const describe = (f: Focused) =>
  `${f.tag}${f.type ? `[${f.type}]` : ""} "${f.label || f.text}"`;

/**
 * Presses Tab until the focused element matches; every stop on the way must show its focus
 * (each one that does not is added to `unseen`). Fails the test if nothing matched in `max`.
 */
export async function tabTo(
  page: Page,
  matches: (f: Focused) => boolean,
  unseen: string[],
  max = 150,
): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f.visible && f.tag !== "body") unseen.push(describe(f));
    if (matches(f)) return f;
  }
  throw new Error(`Tab never reached the element (${max} presses)`);
}

/** After a page change: focus is on the new page's main heading, or on the main landmark. */
export async function expectFocusOnMainHeading(page: Page, name?: RegExp): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const el = document.activeElement;
        const inMain = el?.closest("main");
        if (el?.tagName === "MAIN") return "main";
        return inMain && el?.tagName === "H1"
          ? `h1 ${el.textContent}`
          : `${el?.tagName} ${el?.textContent?.slice(0, 40)}`;
      }),
    )
    .toMatch(name ? new RegExp(`^(h1 .*${name.source}|main)`) : /^(h1 |main)/);
}
