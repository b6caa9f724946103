import type { SyncStatus } from "@/lib/respond-client/sync";
import { plural } from "@/lib/respond-client/copy";

export function statusText(status: SyncStatus): string {
  switch (status.kind) {
    case "idle":
      return "Answers save as you choose them";
    case "saving":
      return "Saving…";
    case "saved":
      return "Saved";
    case "offline":
      return `Offline: ${plural(status.pending, "answer", "answers")} will sync`;
    case "error":
      return `Could not save: ${status.message}`;
    case "stopped":
      return status.message;
  }
}

/** The save status, in a live region so a screen reader hears it change. A mark as well as a
 * colour, so the state reads without colour vision. */
export function SaveStatus({ status }: { status: SyncStatus }) {
  const mark =
    status.kind === "saved"
      ? "✓"
      : status.kind === "offline"
        ? "○"
        : status.kind === "error"
          ? "!"
          : status.kind === "saving"
            ? "…"
            : "";
  const tone =
    status.kind === "error" || status.kind === "stopped"
      ? "text-red-800"
      : status.kind === "offline"
        ? "text-amber-900"
        : status.kind === "saved"
          ? "text-emerald-800"
          : "text-slate-600";
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-status"
      className={`flex min-w-0 items-center gap-1.5 text-sm font-medium ${tone}`}
    >
      {mark ? (
        <span aria-hidden className="shrink-0">
          {mark}
        </span>
      ) : null}
      <span className="min-w-0">{statusText(status)}</span>
    </p>
  );
}

export function ProgressBar({ answered, total }: { answered: number; total: number }) {
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100);
  return (
    <div>
      <div
        role="progressbar"
        aria-label="Questions answered"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        aria-valuetext={`${answered} of ${total} answered`}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-[width]"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
