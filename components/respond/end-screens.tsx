"use client";

import { Button } from "@/components/ui/button";
import { formatDay, plural } from "@/lib/respond-client/copy";
import { MessagePanel } from "./respond-frame";
import type { RoundInfo } from "./welcome";

export function ThankYou({
  round,
  submittedAt,
  answered,
}: {
  round: RoundInfo;
  submittedAt: string;
  answered?: number;
}) {
  return (
    <MessagePanel
      eyebrow={`${round.organizationName} · ${round.name}`}
      title="Thank you: your answers are in"
      icon={
        <span
          aria-hidden
          className="grid size-12 place-items-center rounded-full bg-emerald-100 text-2xl text-emerald-800"
        >
          ✓
        </span>
      }
    >
      <p>
        {answered !== undefined
          ? `${plural(answered, "answer was", "answers were")} submitted`
          : "Your answers were submitted"}{" "}
        on {formatDay(submittedAt)}. {round.askedBy} will share what the round finds once it closes.
      </p>
      <p>
        {round.anonymous
          ? "This round is anonymous: nobody can see who answered what."
          : "Your answers count in one result with everyone else's."}{" "}
        You can close this page now.
      </p>
    </MessagePanel>
  );
}

export function RoundClosed({ round, unsent }: { round: RoundInfo; unsent: number }) {
  return (
    <MessagePanel
      eyebrow={`${round.organizationName} · ${round.name}`}
      title="This round has closed"
    >
      <p>It no longer takes answers. Thank you for your time.</p>
      {unsent > 0 ? (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"
        >
          <strong>Your last {plural(unsent, "answer", "answers")} could not be sent</strong> because
          the round closed before {unsent === 1 ? "it" : "they"} reached GapMap.{" "}
          {unsent === 1 ? "It is" : "They are"} kept on this device. If{" "}
          {unsent === 1 ? "it matters" : "they matter"}, tell {round.askedBy}.
        </p>
      ) : null}
    </MessagePanel>
  );
}

export function RoundNotOpen({ round }: { round: RoundInfo }) {
  return (
    <MessagePanel
      eyebrow={`${round.organizationName} · ${round.name}`}
      title="This round has not opened yet"
    >
      <p>
        {round.askedBy} has prepared the questionnaire but not opened it for answers. Keep this link
        and come back when they tell you it is open.
      </p>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        Try again
      </Button>
    </MessagePanel>
  );
}

export function LinkNoLongerValid({ unsent }: { unsent: number }) {
  return (
    <MessagePanel title="This link no longer works">
      <p>It may have been withdrawn. Ask the person who sent it for a new one.</p>
      {unsent > 0 ? (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"
        >
          Your last {plural(unsent, "answer", "answers")} could not be sent; they are kept on this
          device.
        </p>
      ) : null}
    </MessagePanel>
  );
}
