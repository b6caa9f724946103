"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ImportCounts, ImportReport } from "@/lib/portability/schema";

// The import form: choose a file, check it (a dry run through POST /api/v1/imports?dryRun=true,
// with the upload's progress), read what would be created, then confirm. The same endpoint as
// the API, so the page and a script get the same checks and the same answers.

const MAX_BYTES = 50 * 1024 * 1024;

const COUNT_LABELS: [keyof ImportCounts, string][] = [
  ["organizations", "Organisations"],
  ["rounds", "Rounds"],
  ["links", "Respondent links"],
  ["responses", "Responses"],
  ["answers", "Answers"],
  ["keyQuotes", "Key quotes"],
  ["results", "Results"],
  ["workshops", "Workshops"],
  ["participants", "Workshop participants"],
  ["agreedLevels", "Agreed levels"],
  ["initiatives", "Initiatives"],
  ["statusChanges", "Status changes"],
  ["diagnosticParts", "Diagnostic parts"],
  ["actions", "Actions"],
  ["grants", "Executive access"],
  ["logo", "Workspace logo"],
  ["retakeInterval", "Retake interval"],
];

type Problem = { path: string; message: string };
type State =
  | { kind: "idle" }
  | { kind: "sending"; step: "check" | "import"; percent: number | null }
  | { kind: "preview"; report: ImportReport }
  | { kind: "done"; report: ImportReport }
  | { kind: "error"; message: string; problems: Problem[] };

type Answer = { status: number; body: unknown };

function send(file: File, dryRun: boolean, onProgress: (percent: number) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports${dryRun ? "?dryRun=true" : ""}`);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(String(xhr.responseText));
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(file);
  });
}

function errorOf(answer: Answer): { message: string; problems: Problem[] } {
  const error =
    answer.body && typeof answer.body === "object" && "error" in answer.body
      ? (answer.body as { error: { message?: string; fields?: Record<string, string> } }).error
      : null;
  return {
    message: error?.message ?? `The server answered ${answer.status}. Please try again.`,
    problems: Object.entries(error?.fields ?? {}).map(([path, message]) => ({ path, message })),
  };
}

function CountsTable({ report, caption }: { report: ImportReport; caption: string }) {
  const rows = COUNT_LABELS.filter(([key]) => report.created[key] + report.skipped[key] > 0);
  return (
    <div className="overflow-x-auto">
      <table className="mt-3 w-full max-w-md text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Records
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              {report.dryRun ? "Would be created" : "Created"}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Already here
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label]) => (
            <tr key={key} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-4 font-normal">
                {label}
              </th>
              <td className="py-1 pr-4 text-right tabular-nums">{report.created[key]}</td>
              <td className="py-1 text-right tabular-nums">{report.skipped[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const outcomeRef = useRef<HTMLDivElement>(null);

  // After each answer, focus moves to what it says, so a screen reader reads it.
  useEffect(() => {
    if (state.kind !== "idle" && state.kind !== "sending") outcomeRef.current?.focus();
  }, [state.kind]);

  async function run(dryRun: boolean) {
    if (!file) {
      setState({ kind: "error", message: "Choose an export file first.", problems: [] });
      return;
    }
    if (file.size > MAX_BYTES) {
      setState({
        kind: "error",
        message: "The file is larger than 50 MB: it cannot be imported.",
        problems: [],
      });
      return;
    }
    setState({ kind: "sending", step: dryRun ? "check" : "import", percent: 0 });
    try {
      const answer = await send(file, dryRun, (percent) =>
        setState({ kind: "sending", step: dryRun ? "check" : "import", percent }),
      );
      if (answer.status === 200 || answer.status === 201) {
        const report = answer.body as ImportReport;
        setState(dryRun ? { kind: "preview", report } : { kind: "done", report });
      } else {
        setState({ kind: "error", ...errorOf(answer) });
      }
    } catch {
      setState({
        kind: "error",
        message: "The file could not be sent: check your connection and try again.",
        problems: [],
      });
    }
  }

  const sending = state.kind === "sending";
  const nothingNew =
    state.kind === "preview" && Object.values(state.report.created).every((n) => n === 0);

  return (
    <div className="mt-4 space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
            Export file (.json, at most 50 MB)
          </label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            disabled={sending}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ kind: "idle" });
            }}
            className="mt-1 block w-full text-sm file:mr-3 file:min-h-10 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium"
          />
        </div>
        <Button variant="secondary" disabled={sending || !file} onClick={() => run(true)}>
          Check file
        </Button>
      </div>

      {state.kind === "sending" ? (
        <div role="status" aria-live="polite" className="space-y-1">
          <p className="text-sm text-slate-700">
            {state.step === "check" ? "Checking the file…" : "Importing…"}
            {state.percent !== null && state.percent < 100 ? ` (sent ${state.percent}%)` : ""}
            {state.percent === 100 ? " (sent; the server is working)" : ""}
          </p>
          <progress
            className="h-2 w-full max-w-md"
            max={100}
            value={state.percent === 100 ? undefined : (state.percent ?? undefined)}
            aria-label={state.step === "check" ? "Checking progress" : "Import progress"}
          />
        </div>
      ) : null}

      <div ref={outcomeRef} tabIndex={-1} className="outline-none">
        {state.kind === "error" ? (
          <Alert tone="error" title={state.message}>
            {state.problems.length ? (
              <ul className="mt-2 max-h-80 list-disc space-y-1 overflow-y-auto pl-5">
                {state.problems.map((p) => (
                  <li key={p.path}>
                    <code className="break-all text-xs">
                      {p.path === "_" ? "the file" : p.path}
                    </code>
                    : {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}

        {state.kind === "preview" ? (
          <div className="space-y-3">
            <Alert
              tone={nothingNew ? "info" : "success"}
              title="The file is valid. Nothing written yet."
            >
              {nothingNew
                ? "Everything in this file is already in this workspace: importing it would create nothing."
                : "This is what the import would create. Confirm to import it."}
            </Alert>
            <CountsTable report={state.report} caption="What the import would create" />
            <ul className="text-sm text-slate-700">
              {state.report.organizations.map((o) => (
                <li key={o.sourceId}>
                  {o.name}:{" "}
                  {o.outcome === "create"
                    ? "new organisation"
                    : o.outcome === "update"
                      ? "already here; new records added"
                      : "already here, nothing new"}
                </li>
              ))}
            </ul>
            {state.report.unmatchedMembers.length ? (
              <Alert tone="warning" title="People who are not members of this workspace">
                Their initiatives and actions keep them as named owners; nobody is added to the
                workspace: {state.report.unmatchedMembers.join(", ")}
              </Alert>
            ) : null}
            {nothingNew ? null : <Button onClick={() => run(false)}>Import</Button>}
          </div>
        ) : null}

        {state.kind === "done" ? (
          <div className="space-y-3">
            <Alert tone="success" title="Imported.">
              Everything in the file is now in this workspace.{" "}
              <Link href="/organizations" className="font-medium underline">
                Go to the organisations
              </Link>
            </Alert>
            <CountsTable report={state.report} caption="What the import created" />
          </div>
        ) : null}
      </div>
    </div>
  );
}
