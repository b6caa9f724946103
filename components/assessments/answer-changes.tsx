import type { AnswerChanges as Changes } from "@/lib/results/changes";

/** What returning respondents changed since their last round, question by question. */
export function AnswerChanges({ changes }: { changes: Changes }) {
  if (changes.returning === 0)
    return (
      <p className="text-sm text-slate-600">
        No returning respondent has answered yet: someone invited again by name (a link copied by
        &ldquo;Start next round&rdquo;) is shown their last answers and counted here. People who
        answer through the open link are not recognised.
      </p>
    );
  const total = changes.confirmed + changes.changed;
  return (
    <div className="space-y-3 text-sm">
      <p>
        {changes.returning} returning respondent{changes.returning === 1 ? "" : "s"}
        {changes.previousRoundName ? ` from ${changes.previousRoundName}` : ""}:{" "}
        <strong>{changes.confirmed}</strong> of {total} answers confirmed,{" "}
        <strong>{changes.changed}</strong> changed.
      </p>
      {changes.questions.length ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Changed answers">
          <table className="w-full min-w-[28rem]">
            <caption className="sr-only">
              Questions whose answers changed, most changed first
            </caption>
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Question
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Changed
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Higher
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Lower
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Confirmed
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.questions.map((q) => (
                <tr key={q.questionId} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3">{q.text}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{q.changed}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{q.up}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{q.down}</td>
                  <td className="py-1 text-right tabular-nums">{q.confirmed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
