"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RespondentRole } from "@/lib/framework/schema";
import { RESPONDENT_ROLE_HINTS, RESPONDENT_ROLE_LABELS } from "@/lib/framework/roles";
import { minutesText, plural } from "@/lib/respond-client/copy";

export type RoleChoice = { role: RespondentRole; questionCount: number };

/** A 429 from the start: many people on this network started at once (lib/responses/limits.ts). */
function busyMessage(retryAfter: string | null): string {
  const seconds = Number(retryAfter);
  const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : null;
  const wait =
    minutes === null
      ? "a few minutes"
      : minutes === 1
        ? "a minute"
        : minutes < 120
          ? `${minutes} minutes`
          : `${Math.ceil(minutes / 60)} hours`;
  return `Too many people have started from this network just now, so GapMap is holding new starts for a moment. Nothing is wrong with your link: wait ${wait} and press Start again.`;
}

/** The open link: the respondent says which role fits, and gets a personal link to resume from. */
export function RolePicker({ token, roles }: { token: string; roles: RoleChoice[] }) {
  const router = useRouter();
  const [role, setRole] = useState<RespondentRole | null>(
    roles.length === 1 ? roles[0]!.role : null,
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function start() {
    if (!role) {
      setError("Choose the role closest to yours.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/respond/${encodeURIComponent(token)}/start`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        path?: string;
        error?: { code?: string; message?: string };
      };
      if (response.ok && body.path) {
        // Replace, not push: the open link's page is not somewhere to come back to, and the
        // personal link in the address bar is the one to bookmark.
        router.replace(body.path);
        return;
      }
      const code = body.error?.code;
      if (code === "round_closed" || code === "round_not_open" || code === "link_withdrawn") {
        // The round or the link changed since this page loaded: the page itself says how, on a
        // fresh load (closed, not open yet, or no longer a link).
        router.refresh();
      }
      setError(
        code === "rate_limited"
          ? busyMessage(response.headers.get("retry-after"))
          : (body.error?.message ?? "Could not start. Try again."),
      );
    } catch {
      setError("Could not reach GapMap. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <fieldset>
        <legend className="text-lg font-semibold text-slate-900">
          Which role is closest to yours?
        </legend>
        <p className="mt-1 text-sm text-slate-600">
          You are asked only the questions for your role.
        </p>
        <div className="mt-3 grid gap-3">
          {roles.map((r) => (
            <label
              key={r.role}
              className="flex cursor-pointer items-start gap-3 rounded-xl border-2 border-slate-200 bg-white p-4 has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
            >
              <input
                type="radio"
                name="role"
                value={r.role}
                checked={role === r.role}
                onChange={() => setRole(r.role)}
                className="mt-1 size-5 shrink-0 accent-brand-600 focus-visible:outline-none"
              />
              <span>
                <span className="block font-semibold text-slate-900">
                  {RESPONDENT_ROLE_LABELS[r.role]}
                </span>
                <span className="block text-slate-700">{RESPONDENT_ROLE_HINTS[r.role]}</span>
                <span className="mt-1 block text-sm text-slate-600">
                  {plural(r.questionCount, "question", "questions")}, {minutesText(r.questionCount)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" disabled={pending} className="min-h-12 w-full text-base sm:w-auto">
        {pending ? "Starting…" : "Start the questionnaire"}
      </Button>
    </form>
  );
}
