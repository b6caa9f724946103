import type { ReactNode } from "react";
import type { RespondentView } from "@/lib/responses/data";
import { formatDay } from "@/lib/respond-client/copy";

export type AssessmentInfo = RespondentView["round"];

/**
 * The first page a respondent sees: who asks, why, how long, and what happens to the answers.
 * `children` is what to do next (start, continue, or pick a role).
 */
export function Welcome({
  round,
  howLong,
  resumeNote,
  previousRound,
  children,
}: {
  round: AssessmentInfo;
  howLong: ReactNode;
  resumeNote?: ReactNode;
  /** A returning respondent's previous round, whose answers are shown beside each question. */
  previousRound?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="welcome-title" className="space-y-6">
      <div>
        <p className="text-sm font-semibold text-brand-700">
          {round.organizationName} · {round.name}
        </p>
        <h1
          id="welcome-title"
          tabIndex={-1}
          data-autofocus
          className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 outline-none sm:text-3xl"
        >
          {round.askedBy} asks for your view of AI readiness at {round.organizationName}
        </h1>
        {resumeNote ? <div className="mt-3">{resumeNote}</div> : null}
      </div>
      <dl className="space-y-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <div>
          <dt className="font-semibold text-slate-900">Why</dt>
          <dd className="mt-1 text-slate-700">
            Most organisations struggle to take AI from pilot into everyday work: only 25% of
            organisations have converted 40% or more of their AI pilots into production (Deloitte,
            State of AI 2026). The reasons are rarely the technology. This assessment finds the gaps
            that hold {round.organizationName} back (integration, output quality, monitoring,
            ownership, data, workflow design and leadership), so the next steps go where they
            matter.
            {round.focus
              ? ` This round is about one workflow: “${round.focus}”. Where a question says “the workflow”, answer for that one.`
              : ""}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">How long</dt>
          <dd className="mt-1 text-slate-700">
            {howLong} Your answers are saved as you choose them: you can stop and come back to this
            link later, on this or another device.
            {round.closesAt ? ` The round closes on ${formatDay(round.closesAt)}.` : ""}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">What happens to your answers</dt>
          <dd className="mt-1 text-slate-700">
            {round.anonymous
              ? "This round is anonymous: nobody, not even the consultants running it, can see who answered what. Your answers are combined with everyone else's into one result."
              : `This round is named: ${round.askedBy} can see who took part and what they answered. Your answers are combined with everyone else's into one result for ${round.organizationName}.`}{" "}
            There are no right answers: describe how things are today, not how they should be.
            {previousRound
              ? ` You answered ${previousRound}: your own last answer is shown beside each question, so you can keep it or change it. The result counts what changed.`
              : ""}
          </dd>
        </div>
      </dl>
      {children}
    </section>
  );
}
