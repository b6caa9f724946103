import { Alert } from "@/components/ui/alert";
import type { UnaskedQuestion } from "@/lib/framework";
import { respondentRoleLabel } from "@/lib/framework/roles";

/**
 * Rule 3 of issue 14: a critical or diagnostic question none of the round's roles is asked will
 * have no answer, and (framework 2027.2 on) an unanswered deciding question counts as unknown,
 * never as passed. Named before the round opens, with who would be asked it.
 */
export function UnaskedWarning({
  questions,
  unobserved = [],
}: {
  questions: readonly UnaskedQuestion[];
  /** Asked, but of nobody who can observe the practice (framework 2027.2 on). */
  unobserved?: readonly UnaskedQuestion[];
}) {
  if (questions.length === 0 && unobserved.length === 0) return null;
  if (questions.length === 0) return <UnobservedNote questions={unobserved} />;
  return (
    <>
      <UnaskedList questions={questions} />
      {unobserved.length > 0 ? (
        <div className="mt-3">
          <UnobservedNote questions={unobserved} />
        </div>
      ) : null}
    </>
  );
}

function UnobservedNote({ questions }: { questions: readonly UnaskedQuestion[] }) {
  return (
    <Alert tone="info" title="Nobody in this round can observe some deciding practices">
      <p>
        These questions are about technical facts, and no role in the round can see them directly.
        Expect &ldquo;don&apos;t know&rdquo;, which counts as not knowing. Add a role that can
        observe it:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {questions.map((q) => (
          <li key={q.id}>
            <span className="font-medium">“{q.text}”</span> (observed by{" "}
            {(q.observers ?? []).map(respondentRoleLabel).join(", ").toLowerCase()})
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function UnaskedList({ questions }: { questions: readonly UnaskedQuestion[] }) {
  return (
    <Alert tone="warning" title="Questions that decide the verdict will go unanswered">
      <p>
        None of the roles in this round is asked{" "}
        {questions.length === 1 ? "this question" : `these ${questions.length} questions`}. A
        critical or diagnostic question without answers counts as unknown, so the round cannot be
        ready to scale. Add a role that is asked it:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {questions.map((q) => (
          <li key={q.id}>
            <span className="font-medium">“{q.text}”</span> ({q.dimension}
            {q.critical ? ", critical" : ""}
            {q.diagnosticPart ? `, diagnostic: ${q.diagnosticPart.toLowerCase()}` : ""}; asked of{" "}
            {q.audience.map(respondentRoleLabel).join(", ").toLowerCase()})
          </li>
        ))}
      </ul>
    </Alert>
  );
}
