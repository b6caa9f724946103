"use client";

import { useEffect, useRef, useState } from "react";
import type { AnswerValue } from "@/lib/framework/schema";
import type { RespondentQuestion } from "@/lib/responses/data";
import { COMMENT_MAX } from "@/lib/respond-client/limits";
import { cn } from "@/components/ui/cn";

const card =
  "flex cursor-pointer items-start gap-3 rounded-xl border-2 border-slate-200 bg-white p-3 sm:p-4 hover:border-slate-300 has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600";
const radio = "mt-0.5 size-5 shrink-0 accent-brand-600 focus-visible:outline-none";

/**
 * One question as a radio group: the five anchored levels, then "Don't know" and, where allowed,
 * "Not applicable". Native radios, so arrow keys move between the options and a screen reader
 * announces each option's text and position.
 */
export function QuestionCard({
  question,
  number,
  value,
  comment,
  error,
  commentWaiting,
  previous,
  onAnswer,
  onComment,
}: {
  question: RespondentQuestion;
  /** A returning respondent's own answer last round, to confirm or change. */
  previous?: { roundName: string; value: AnswerValue };
  number: number;
  value: AnswerValue | undefined;
  comment: string;
  error?: string;
  commentWaiting: boolean;
  onAnswer: (value: AnswerValue) => void;
  onComment: (comment: string, now: boolean) => void;
}) {
  const id = question.id;
  const name = `answer-${id}`;
  const helpId = `help-${id}`;
  const errorId = `error-${id}`;
  return (
    <fieldset
      id={`q-${id}`}
      tabIndex={-1}
      aria-describedby={cn(helpId, error && errorId)}
      className="scroll-mt-28 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm outline-none sm:p-6"
    >
      <legend className="float-left w-full text-lg font-semibold leading-snug text-slate-900">
        <span className="mr-1 text-slate-500">{number}.</span> {question.text}
      </legend>
      <p id={helpId} className="clear-both pt-2 text-sm text-slate-600">
        {question.help}
      </p>
      {error ? (
        <p
          id={errorId}
          role="alert"
          className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          Not saved: {error}
        </p>
      ) : null}
      {previous ? (
        <PreviousAnswer
          id={id}
          previous={previous}
          value={value}
          label={answerLabel(question, previous.value)}
          onConfirm={() => onAnswer(previous.value)}
        />
      ) : null}
      <div className="mt-4 grid gap-2">
        {question.levels.map((text, level) => (
          <label key={level} className={card}>
            <input
              type="radio"
              name={name}
              value={level}
              checked={value === level}
              onChange={() => onAnswer(level as AnswerValue)}
              className={radio}
            />
            <span
              aria-hidden
              className="grid size-6 shrink-0 place-items-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700"
            >
              {level}
            </span>
            <span className="text-slate-800">{text}</span>
          </label>
        ))}
      </div>
      <div className="mt-3 grid gap-2 border-t border-slate-200 pt-3 sm:grid-cols-2">
        <label className={card}>
          <input
            type="radio"
            name={name}
            value="dont_know"
            checked={value === "dont_know"}
            onChange={() => onAnswer("dont_know")}
            aria-describedby={`dk-${id}`}
            className={radio}
          />
          <span>
            <span className="font-medium text-slate-900">Don&rsquo;t know</span>
            <span id={`dk-${id}`} className="block text-sm text-slate-600">
              Not knowing is a finding, not a blank: it shows where a practice is not visible to
              you.
            </span>
          </span>
        </label>
        {question.allowNotApplicable ? (
          <label className={card}>
            <input
              type="radio"
              name={name}
              value="not_applicable"
              checked={value === "not_applicable"}
              onChange={() => onAnswer("not_applicable")}
              aria-describedby={`na-${id}`}
              className={radio}
            />
            <span>
              <span className="font-medium text-slate-900">Not applicable</span>
              <span id={`na-${id}`} className="block text-sm text-slate-600">
                This does not apply to your organisation&rsquo;s AI work.
              </span>
            </span>
          </label>
        ) : null}
      </div>
      <CommentField id={id} comment={comment} waiting={commentWaiting} onComment={onComment} />
    </fieldset>
  );
}

function answerLabel(question: RespondentQuestion, value: AnswerValue): string {
  if (value === "dont_know") return "Don’t know";
  if (value === "not_applicable") return "Not applicable";
  return `${value}: ${question.levels[value] ?? ""}`;
}

/** "Last round you answered …": keep it with one press, or choose another level below. */
function PreviousAnswer({
  id,
  previous,
  value,
  label,
  onConfirm,
}: {
  id: string;
  previous: { roundName: string; value: AnswerValue };
  value: AnswerValue | undefined;
  label: string;
  onConfirm: () => void;
}) {
  const state = value === undefined ? "open" : value === previous.value ? "confirmed" : "changed";
  return (
    <div
      id={`previous-${id}`}
      className="mt-3 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800"
    >
      <p>
        <span className="font-medium">Your answer in {previous.roundName}:</span> {label}
      </p>
      {state === "open" ? (
        <button
          type="button"
          onClick={onConfirm}
          className="mt-2 min-h-10 rounded-md border border-brand-600 bg-white px-3 font-medium text-brand-700 hover:bg-brand-50"
        >
          Still true: keep this answer
        </button>
      ) : (
        <p className="mt-1 font-medium" role="status">
          {state === "confirmed"
            ? "Confirmed: unchanged since last round."
            : "Changed since last round."}
        </p>
      )}
    </div>
  );
}

/** Collapsed unless there is a comment already. Saved a moment after typing stops, and on leaving the field. */
function CommentField({
  id,
  comment,
  waiting,
  onComment,
}: {
  id: string;
  comment: string;
  waiting: boolean;
  onComment: (comment: string, now: boolean) => void;
}) {
  const [open, setOpen] = useState(comment !== "");
  const timer = useRef<number | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  // A comment written in another tab shows here too, unless the person is writing in this one.
  useEffect(() => {
    const el = field.current;
    if (!el || el === document.activeElement || timer.current !== null) return;
    if (el.value !== comment) el.value = comment;
  }, [comment]);
  const fieldId = `comment-${id}`;
  return (
    <details className="mt-4" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="min-h-10 cursor-pointer py-2 text-sm font-medium text-brand-700">
        {comment ? "Your comment" : "Add a comment (optional)"}
      </summary>
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
        Comment on this question (optional)
      </label>
      <textarea
        id={fieldId}
        ref={field}
        defaultValue={comment}
        maxLength={COMMENT_MAX}
        rows={3}
        aria-describedby={waiting ? `${fieldId}-waiting` : undefined}
        onChange={(event) => {
          const text = event.currentTarget.value;
          if (timer.current !== null) window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => onComment(text, false), 700);
        }}
        onBlur={(event) => {
          if (timer.current !== null) window.clearTimeout(timer.current);
          timer.current = null;
          if (event.currentTarget.value !== comment) onComment(event.currentTarget.value, true);
        }}
        className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
      />
      {waiting ? (
        <p id={`${fieldId}-waiting`} className="mt-1 text-sm text-slate-600">
          Your comment is kept on this device and saved once you choose an answer above.
        </p>
      ) : null}
    </details>
  );
}
