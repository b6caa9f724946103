"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { AnswerValue } from "@/lib/framework/schema";
import type { RespondentView } from "@/lib/responses/data";
import { RESPONDENT_ROLE_LABELS } from "@/lib/framework/roles";
import { minutesText, plural } from "@/lib/respond-client/copy";
import { emptyOutbox, payloadFor } from "@/lib/respond-client/outbox";
import { browserSync, type SyncSnapshot } from "@/lib/respond-client/sync";
import { unsentAnswers } from "@/lib/respond-client/unsent";
import { Button } from "@/components/ui/button";
import { LinkNoLongerValid, RoundClosed, RoundNotOpen, ThankYou } from "./end-screens";
import { QuestionCard } from "./question-card";
import { ProgressBar, SaveStatus } from "./save-status";
import { Review } from "./review";
import { Welcome } from "./welcome";

type PersonalView = Extract<RespondentView, { kind: "personal" }>;

type Step =
  { kind: "welcome" } | { kind: "section"; index: number; focus?: string } | { kind: "review" };

// The step lives in the address's hash (#d-<dimension>, #q-<question>, #review): the browser's
// Back button works, a reload comes back to the same page, and the review's links are real links.
function subscribeHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}
const readHash = () => decodeURIComponent(window.location.hash.slice(1));
const serverHash = () => "";

function stepFromHash(hash: string, sections: PersonalView["sections"]): Step {
  if (hash === "review") return { kind: "review" };
  if (hash.startsWith("d-")) {
    const index = sections.findIndex((s) => s.id === hash.slice(2));
    if (index >= 0) return { kind: "section", index };
  }
  if (hash.startsWith("q-")) {
    const id = hash.slice(2);
    const index = sections.findIndex((s) => s.questions.some((q) => q.id === id));
    if (index >= 0) return { kind: "section", index, focus: id };
  }
  return { kind: "welcome" };
}

const noSubscribe = () => () => undefined;

export function Questionnaire({ token, view }: { token: string; view: PersonalView }) {
  const { round, sections, questionCount } = view;
  const serverSnapshot = useMemo<SyncSnapshot>(
    () => ({
      outbox: emptyOutbox,
      status: { kind: "idle" },
      answers: view.answers,
      comments: view.comments,
    }),
    [view.answers, view.comments],
  );
  // Created in the browser only: it reads the outbox from localStorage.
  const engine = useMemo(
    () => (typeof window === "undefined" ? null : browserSync(token, view.answers, view.comments)),
    [token, view.answers, view.comments],
  );
  const snapshot = useSyncExternalStore(
    engine ? engine.subscribe : noSubscribe,
    engine ? engine.getSnapshot : () => serverSnapshot,
    () => serverSnapshot,
  );
  const [submitted, setSubmitted] = useState<{ at: string; answered?: number } | null>(
    view.submittedAt ? { at: view.submittedAt } : null,
  );
  const accepting = round.state === "open" && !submitted;

  // Send what waits on load, and again whenever the connection comes back.
  useEffect(() => {
    if (!engine || !accepting) return;
    void engine.flush();
    void engine.refresh();
    window.addEventListener("online", engine.retryNow);
    return () => window.removeEventListener("online", engine.retryNow);
  }, [engine, accepting]);

  const hash = useSyncExternalStore(subscribeHash, readHash, serverHash);
  const step = stepFromHash(hash, sections);

  // Moving between pages: start at the top and put focus on the new page's heading (or on the
  // question a review link pointed at), so keyboard and screen-reader users land where they should.
  const previousHash = useRef<string | null>(null);
  useEffect(() => {
    if (previousHash.current === null) {
      previousHash.current = hash;
      if (step.kind !== "section" || !step.focus) return;
    } else if (previousHash.current === hash) return;
    previousHash.current = hash;
    if (step.kind === "section" && step.focus) {
      const target = document.getElementById(`q-${step.focus}`);
      target?.scrollIntoView({ block: "start" });
      target?.focus({ preventScroll: true });
      return;
    }
    window.scrollTo({ top: 0 });
    document.querySelector<HTMLElement>("[data-autofocus]")?.focus({ preventScroll: true });
  }, [hash, step]);

  // The questionnaire giving way to an end screen (submitted here or in another tab, the round
  // closed, the link withdrawn): focus goes to its heading, so a screen reader announces what
  // happened and a keyboard user is not left on a control that is gone.
  const ended = submitted
    ? "submitted"
    : snapshot.status.kind === "stopped"
      ? snapshot.status.reason
      : null;
  const previousEnded = useRef(ended);
  useEffect(() => {
    if (previousEnded.current === ended) return;
    previousEnded.current = ended;
    if (!ended) return;
    window.scrollTo({ top: 0 });
    document.querySelector<HTMLElement>("[data-autofocus]")?.focus({ preventScroll: true });
  }, [ended]);

  const go = useCallback((next: string) => {
    window.location.hash = next;
  }, []);

  const answers = snapshot.answers;
  const comments = snapshot.comments;
  const answered = useMemo(
    () =>
      sections.reduce(
        (n, s) => n + s.questions.filter((q) => answers[q.id] !== undefined).length,
        0,
      ),
    [sections, answers],
  );
  const status = snapshot.status;
  const unsent = snapshot.outbox.entries.length;

  if (submitted)
    return <ThankYou round={round} submittedAt={submitted.at} answered={submitted.answered} />;
  if (status.kind === "stopped") {
    if (status.reason === "submitted")
      return (
        <ThankYou
          round={round}
          submittedAt={status.submittedAt ?? view.submittedAt ?? new Date().toISOString()}
        />
      );
    if (status.reason === "not_open") return <RoundNotOpen round={round} />;
    if (status.reason === "invalid" || status.reason === "withdrawn")
      return (
        <LinkNoLongerValid
          withdrawn={status.reason === "withdrawn"}
          unsent={unsent}
          unsentAnswers={unsentAnswers(snapshot.outbox, sections, answers)}
          round={round}
        />
      );
    return (
      <RoundClosed
        round={round}
        unsent={unsent}
        unsentAnswers={unsentAnswers(snapshot.outbox, sections, answers)}
      />
    );
  }
  if (round.state === "closed")
    return (
      <RoundClosed
        round={round}
        unsent={unsent}
        unsentAnswers={unsentAnswers(snapshot.outbox, sections, answers)}
      />
    );
  if (round.state === "draft") return <RoundNotOpen round={round} />;

  const record = (questionId: string, change: { value?: AnswerValue; comment?: string }) =>
    engine?.record(questionId, change);

  const firstOpenSection = Math.max(
    0,
    sections.findIndex((s) => s.questions.some((q) => answers[q.id] === undefined)),
  );

  const bar = (
    <div className="sticky top-0 z-10 -mx-4 -mt-6 mb-6 border-b sm:-mt-10 border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <p className="text-sm font-medium text-slate-800">
          {answered} of {questionCount} answered
        </p>
        <SaveStatus status={status} />
      </div>
      <ProgressBar answered={answered} total={questionCount} />
    </div>
  );

  if (step.kind === "welcome") {
    const started = answered > 0;
    return (
      <>
        {/* Only when something waits or failed: on a first visit there is nothing to report. */}
        {status.kind === "offline" || status.kind === "error" || status.kind === "saving" ? (
          <div className="mb-4 rounded-lg border border-slate-200 bg-white px-3 py-2">
            <SaveStatus status={status} />
          </div>
        ) : null}
        <Welcome
          round={round}
          previousRound={view.previous?.roundName}
          howLong={`${plural(questionCount, "question", "questions")} for your role (${RESPONDENT_ROLE_LABELS[view.respondent.role]}), ${minutesText(questionCount)}.`}
          resumeNote={
            started ? (
              <p className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-brand-900">
                Welcome back{view.respondent.name ? `, ${view.respondent.name}` : ""}: {answered} of{" "}
                {questionCount} answered so far.
              </p>
            ) : view.respondent.name ? (
              <p className="text-slate-700">Hello {view.respondent.name}.</p>
            ) : null
          }
        >
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button
              className="min-h-12 text-base"
              onClick={() =>
                go(
                  started
                    ? `d-${sections[firstOpenSection]?.id ?? ""}`
                    : `d-${sections[0]?.id ?? ""}`,
                )
              }
            >
              {started ? "Continue where you left off" : "Start the questionnaire"}
            </Button>
            {started ? (
              <Button
                variant="secondary"
                className="min-h-12 text-base"
                onClick={() => go("review")}
              >
                Review your answers
              </Button>
            ) : null}
          </div>
        </Welcome>
      </>
    );
  }

  if (step.kind === "review") {
    return (
      <>
        {bar}
        <Review
          sections={sections}
          answers={answers}
          questionCount={questionCount}
          answered={answered}
          onBack={() => go(`d-${sections[sections.length - 1]?.id ?? ""}`)}
          onSubmit={async () => {
            if (!engine) return "Still loading: try again in a moment.";
            const outcome = await engine.submit();
            if (outcome.ok) {
              setSubmitted({ at: outcome.submittedAt, answered });
              return null;
            }
            return outcome.stopped ? null : outcome.message;
          }}
        />
      </>
    );
  }

  const section = sections[step.index]!;
  const offset = sections.slice(0, step.index).reduce((n, s) => n + s.questions.length, 0);
  const isLast = step.index === sections.length - 1;
  return (
    <>
      {bar}
      <section aria-labelledby="section-title" className="space-y-5">
        <div>
          <p className="text-sm font-semibold text-brand-700">
            Part {step.index + 1} of {sections.length}
          </p>
          <h1
            id="section-title"
            tabIndex={-1}
            data-autofocus
            className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 outline-none"
          >
            {section.name}
          </h1>
          <details className="mt-2 text-slate-700">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">
              What this part is about
            </summary>
            <p className="mt-2 text-sm">{section.description}</p>
          </details>
        </div>
        {section.questions.map((q, i) => {
          const entry = snapshot.outbox.entries.find((e) => e.questionId === q.id);
          return (
            <QuestionCard
              key={q.id}
              question={q}
              number={offset + i + 1}
              value={answers[q.id]}
              comment={comments[q.id] ?? ""}
              error={entry?.rejected}
              commentWaiting={entry !== undefined && payloadFor(entry, answers[q.id]) === null}
              previous={
                view.previous && view.previous.answers[q.id] !== undefined
                  ? { roundName: view.previous.roundName, value: view.previous.answers[q.id]! }
                  : undefined
              }
              onAnswer={(value) => record(q.id, { value })}
              onComment={(comment) => record(q.id, { comment })}
            />
          );
        })}
        <nav aria-label="Pages" className="flex items-center justify-between gap-3 pt-2">
          <Button
            variant="secondary"
            className="min-h-12 text-base"
            onClick={() => go(step.index === 0 ? "welcome" : `d-${sections[step.index - 1]!.id}`)}
          >
            <span aria-hidden>←</span> Back
          </Button>
          <Button
            className="min-h-12 text-base"
            onClick={() => go(isLast ? "review" : `d-${sections[step.index + 1]!.id}`)}
          >
            {isLast ? "Review answers" : "Next"} <span aria-hidden>→</span>
          </Button>
        </nav>
      </section>
    </>
  );
}
