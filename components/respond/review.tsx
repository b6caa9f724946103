"use client";

import { useState } from "react";
import type { AnswerValue } from "@/lib/framework/schema";
import type { RespondentSection } from "@/lib/responses/data";
import { plural } from "@/lib/respond-client/copy";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The last page: what is still unanswered (each a link back to its question), then submit. */
export function Review({
  sections,
  answers,
  questionCount,
  answered,
  onBack,
  onSubmit,
}: {
  sections: RespondentSection[];
  answers: Record<string, AnswerValue>;
  questionCount: number;
  answered: number;
  onBack: () => void;
  /** Resolves to an error message, or null when it went through (or the page moves on). */
  onSubmit: () => Promise<string | null>;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = sections
    .map((s) => ({ section: s, questions: s.questions.filter((q) => answers[q.id] === undefined) }))
    .filter((g) => g.questions.length > 0);
  const unanswered = questionCount - answered;
  const dontKnow = Object.entries(answers).filter(([, v]) => v === "dont_know").length;
  let number = 0;
  const numbers = new Map<string, number>();
  for (const s of sections) for (const q of s.questions) numbers.set(q.id, ++number);

  return (
    <section aria-labelledby="review-title" className="space-y-5">
      <div>
        <p className="text-sm font-semibold text-brand-700">Last step</p>
        <h1
          id="review-title"
          tabIndex={-1}
          data-autofocus
          className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 outline-none"
        >
          Review and submit
        </h1>
        <p className="mt-2 text-slate-700">
          You answered {answered} of {questionCount} questions
          {dontKnow > 0 ? `, ${dontKnow} of them “Don’t know”` : ""}.
        </p>
      </div>
      {unanswered > 0 ? (
        <div className="rounded-2xl border border-amber-300 bg-white p-4 shadow-sm sm:p-6">
          <h2 className="text-lg font-semibold text-slate-900">
            {plural(unanswered, "question", "questions")} not answered yet
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Each one helps. If you are not sure, “Don’t know” is a useful answer too.
          </p>
          <ul className="mt-3 space-y-4">
            {missing.map(({ section, questions }) => (
              <li key={section.id}>
                <h3 className="text-sm font-semibold text-slate-600">{section.name}</h3>
                <ul className="mt-1 space-y-1">
                  {questions.map((q) => (
                    <li key={q.id}>
                      <a
                        href={`#q-${q.id}`}
                        className="block rounded-md py-1.5 text-brand-700 underline underline-offset-2 hover:text-brand-800"
                      >
                        <span className="text-slate-600 no-underline">{numbers.get(q.id)}.</span>{" "}
                        {q.text}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <Alert tone="success" title="Every question is answered">
          Thank you. Submit when you are ready.
        </Alert>
      )}
      <div className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <p className="text-slate-700">
          Once you submit, your answers are final for this round.
          {unanswered > 0 ? " Questions you leave unanswered count as not answered." : ""}
        </p>
        {error ? (
          <Alert tone="error" className="mt-3">
            {error}
          </Alert>
        ) : null}
        <div className="mt-4 flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
          <Button variant="secondary" className="min-h-12 text-base" onClick={onBack}>
            <span aria-hidden>←</span> Back
          </Button>
          <Button
            className="min-h-12 text-base"
            // aria-disabled, not disabled: focus stays on the button while it sends, and an
            // error read out by the alert below leaves the person where they can try again.
            aria-disabled={pending || undefined}
            aria-busy={pending}
            onClick={async () => {
              if (pending) return;
              setPending(true);
              setError(null);
              const message = await onSubmit();
              setError(message);
              setPending(false);
            }}
          >
            {pending ? "Submitting…" : "Submit my answers"}
          </Button>
        </div>
      </div>
    </section>
  );
}
