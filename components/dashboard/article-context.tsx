import type { ContextFinding } from "@/lib/dashboards/shape";

/** The article's figures, each cited, with where this organisation stands against it. */
export function ArticleContext({ findings }: { findings: ContextFinding[] }) {
  return (
    <ul className="space-y-3">
      {findings.map((f) => (
        <li key={f.figure} className="break-inside-avoid border-l-4 border-brand-200 pl-3">
          <p className="text-sm">
            <span className="font-medium text-slate-900">{f.figure}</span>{" "}
            <cite className="text-slate-500 not-italic">({f.source})</cite>
          </p>
          <p className="mt-1 text-sm text-slate-700">{f.standing}</p>
        </li>
      ))}
    </ul>
  );
}
