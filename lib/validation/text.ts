import { z } from "zod";

// The one rule for text a person sends (forms, the REST API, the CLI): it must be text a database
// can store as given. Two things are not, and both used to reach Prisma and answer 500:
//   - a lone UTF-16 surrogate (`"\ud800"` in JSON): it has no UTF-8 encoding;
//   - U+0000: PostgreSQL refuses it in text columns (SQLite keeps it, so the two would differ).
// They are refused, not replaced: no keyboard or browser form produces them (browsers already
// send U+FFFD for a lone surrogate), so one is a broken or hostile client, and silently changing
// a name would change what duplicate checks and the person's own later edits compare against.

export const UNSTORABLE_TEXT_MESSAGE =
  "Contains a character that cannot be saved (a broken emoji or an invisible control character). Retype it and try again.";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text can be stored as given: no lone surrogate, no U+0000. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/**
 * A string schema that refuses unstorable text; chain `.trim().min().max()` on it as on
 * `z.string()`. Every text field in lib/<domain>/schema.ts starts here.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}

type Step = { value: unknown; key: string | null; parent: Step | null };

function pathOf(step: Step | null): string {
  const keys: string[] = [];
  for (let at = step; at; at = at.parent) if (at.key !== null) keys.push(at.key);
  return keys.reverse().join(".") || "_";
}

/**
 * The first place in a parsed JSON value (any string, or any object key) holding unstorable
 * text, as a dotted path (`comments.q1`, `_` for the whole value); null when there is none.
 * A loop, not recursion: JSON.parse accepts nesting far deeper than the call stack.
 */
export function findUnstorableText(value: unknown): string | null {
  const pending: Step[] = [{ value, key: null, parent: null }];
  for (let step = pending.pop(); step; step = pending.pop()) {
    const current = step.value;
    if (typeof current === "string") {
      if (!isStorableText(current)) return pathOf(step);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        pending.push({ value: current[i], key: String(i), parent: step });
      }
    } else if (current !== null && typeof current === "object") {
      for (const [key, child] of Object.entries(current).reverse()) {
        // The key itself is not echoed back: it is the unstorable part.
        if (!isStorableText(key)) return pathOf(step);
        pending.push({ value: child, key, parent: step });
      }
    }
  }
  return null;
}
