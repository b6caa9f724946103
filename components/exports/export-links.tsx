/**
 * Downloads of the data behind an organisation or a round: answers (long form) and results
 * (wide form) as CSV, or both in one XLSX. The links are the REST exports, which take the
 * session; anonymity and the minimum group are applied there.
 */
export function ExportLinks({ href, subject }: { href: string; subject: string }) {
  const links = [
    { query: "?kind=answers&format=csv", label: "Answers (CSV)" },
    { query: "?kind=results&format=csv", label: "Results (CSV)" },
    { query: "?format=xlsx", label: "Answers and results (Excel)" },
  ];
  return (
    <div>
      <h2 className="text-lg font-semibold">Export the data</h2>
      <p className="mt-1 text-sm text-slate-600">
        Every answer with its comment in long form, and the results in wide form, for your own
        tools. Anonymous rounds give no names, and a role with fewer respondents than the
        round&apos;s minimum group is left out.
      </p>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
        {links.map((l) => (
          <li key={l.query}>
            <a
              href={`${href}${l.query}`}
              download
              className="text-sm font-medium text-brand-700 underline"
            >
              {l.label}
              <span className="sr-only"> of {subject}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
