import { RESPONDENT_ROLE_LABELS } from "@/lib/framework/roles";
import type { CommentsView } from "@/lib/comments/shape";
import type { FormAction } from "@/lib/forms/state";
import { KeyQuoteForm } from "./key-quote-form";

/**
 * Respondents' comments per question, grouped by the level they gave: the evidence behind a
 * score. What arrives here is already filtered by the round's anonymity and minimum group.
 */
export function CommentsSection({
  comments,
  keyQuoteAction,
  headingLevel = 2,
}: {
  comments: CommentsView;
  /** Given to members who may mark key quotes (consultants and owners). */
  keyQuoteAction?: FormAction;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const byDimension = new Map<string, { name: string; questions: CommentsView["questions"] }>();
  for (const q of comments.questions) {
    const entry = byDimension.get(q.dimension) ?? { name: q.dimensionName, questions: [] };
    entry.questions.push(q);
    byDimension.set(q.dimension, entry);
  }
  return (
    <div>
      <Heading className="text-lg font-semibold">Respondents&apos; comments</Heading>
      <p className="mt-1 text-sm text-slate-600">
        The evidence behind the scores, per question and grouped by the level each respondent gave.{" "}
        {comments.total === 0
          ? "No respondent left a comment that can be shown."
          : `${comments.total} comment${comments.total === 1 ? "" : "s"}.`}
      </p>
      {comments.hiddenReason ? (
        <p className="mt-2 text-sm text-slate-700">{comments.hiddenReason}</p>
      ) : null}
      {byDimension.size > 0 ? (
        <div className="mt-4 space-y-2">
          {[...byDimension.entries()].map(([id, dimension]) => {
            const count = dimension.questions.reduce(
              (n, q) => n + q.groups.reduce((m, g) => m + g.comments.length, 0),
              0,
            );
            return (
              <details key={id} className="rounded-lg border border-slate-200 p-3">
                <summary className="cursor-pointer font-medium">
                  {dimension.name} ({count} comment{count === 1 ? "" : "s"})
                </summary>
                <div className="mt-3 space-y-4">
                  {dimension.questions.map((q) => (
                    <section key={q.questionId} aria-label={q.text}>
                      <p className="font-medium text-slate-900">{q.text}</p>
                      {q.groups.map((g) => (
                        <div key={String(g.value)} className="mt-2">
                          <p className="text-sm font-medium text-slate-700">{g.label}</p>
                          <ul className="mt-1 space-y-2">
                            {g.comments.map((c) => (
                              <li
                                key={c.answerId}
                                className="border-l-4 border-slate-300 pl-3 text-sm data-[key=true]:border-brand-700"
                                data-key={c.keyQuote}
                              >
                                <blockquote className="whitespace-pre-line text-slate-900">
                                  {c.text}
                                </blockquote>
                                <p className="text-slate-600">
                                  {c.name ? `${c.name}, ` : ""}
                                  {RESPONDENT_ROLE_LABELS[c.role]}
                                  {c.keyQuote ? " · key quote" : ""}
                                </p>
                                {keyQuoteAction ? (
                                  <KeyQuoteForm
                                    action={keyQuoteAction}
                                    answerId={c.answerId}
                                    keyQuote={c.keyQuote}
                                  />
                                ) : null}
                              </li>
                            ))}
                          </ul>
                        </div>
                      ))}
                    </section>
                  ))}
                </div>
              </details>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
