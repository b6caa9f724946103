import { cn } from "@/components/ui/cn";

const STYLES = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  open: "bg-sky-50 text-sky-800 ring-sky-300",
  closed: "bg-violet-50 text-violet-800 ring-violet-300",
} as const;
const LABELS = { draft: "Draft", open: "Open", closed: "Closed" } as const;

export function StateBadge({ state }: { state: keyof typeof STYLES }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        STYLES[state],
      )}
    >
      {LABELS[state]}
    </span>
  );
}
