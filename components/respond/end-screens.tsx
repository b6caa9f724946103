"use client";

import { Button } from "@/components/ui/button";
import { formatDay, plural } from "@/lib/respond-client/copy";
import { unsentFileName, type UnsentAnswer } from "@/lib/respond-client/unsent";
import { MessagePanel } from "./respond-frame";
import { UnsentExport } from "./unsent-export";
import type { AssessmentInfo } from "./welcome";

export function ThankYou({
  round,
  submittedAt,
  answered,
}: {
  round: AssessmentInfo;
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

/** The answers still on this device, to hand over (given by the questionnaire, which has them). */
type Unsent = { unsent: number; unsentAnswers?: readonly UnsentAnswer[] };

const exportHeading = (round: AssessmentInfo) =>
  `My unsent answers: ${round.organizationName} · ${round.name}`;

export function RoundClosed({
  round,
  unsent,
  unsentAnswers = [],
}: { round: AssessmentInfo } & Unsent) {
  const one = unsent === 1;
  return (
    <MessagePanel
      eyebrow={`${round.organizationName} · ${round.name}`}
      title="This round has closed"
    >
      <p>It no longer takes answers. Thank you for your time.</p>
      {unsent > 0 ? (
        <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-3 text-amber-950">
          <p role="alert">
            <strong>
              {one ? "Your last answer" : `Your last ${unsent} answers`} could not be sent
            </strong>{" "}
            because the round closed before {one ? "it" : "they"} reached GapMap.{" "}
            {one ? "It is" : "They are"} kept on this device.{" "}
            {unsentAnswers.length > 0
              ? `If ${one ? "it matters" : "they matter"}, download or copy ${one ? "it" : "them"} and send ${one ? "it" : "them"} to ${round.askedBy}.`
              : `If ${one ? "it matters" : "they matter"}, tell ${round.askedBy}.`}
          </p>
          {unsentAnswers.length > 0 ? (
            <UnsentExport
              rows={unsentAnswers}
              fileName={unsentFileName(round.name)}
              heading={exportHeading(round)}
              sendTo={round.askedBy}
            />
          ) : null}
        </div>
      ) : null}
    </MessagePanel>
  );
}

export function RoundNotOpen({ round }: { round: AssessmentInfo }) {
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

export function LinkNoLongerValid({
  unsent,
  unsentAnswers = [],
  round,
  withdrawn = false,
}: Unsent & { round?: AssessmentInfo; withdrawn?: boolean }) {
  return (
    <MessagePanel title={withdrawn ? "This link was withdrawn" : "This link no longer works"}>
      <p>
        {withdrawn
          ? "It takes no more answers. If you still mean to answer, ask the person who sent it for a new one."
          : "It may have been withdrawn. Ask the person who sent it for a new one."}
      </p>
      {unsent > 0 ? (
        <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-3 text-amber-950">
          <p role="alert">
            {unsent === 1
              ? "Your last answer could not be sent; it is kept on this device."
              : `Your last ${unsent} answers could not be sent; they are kept on this device.`}
            {unsentAnswers.length > 0
              ? ` If ${unsent === 1 ? "it matters, download or copy it and send it" : "they matter, download or copy them and send them"} to ${round?.askedBy ?? "the person who sent you the link"}.`
              : ""}
          </p>
          {unsentAnswers.length > 0 ? (
            <UnsentExport
              rows={unsentAnswers}
              fileName={unsentFileName(round?.name ?? "")}
              heading={round ? exportHeading(round) : "My unsent answers"}
              sendTo={round?.askedBy ?? "the person who sent you the link"}
            />
          ) : null}
        </div>
      ) : null}
    </MessagePanel>
  );
}
