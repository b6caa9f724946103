import { DIAGNOSTIC_STATUS_LOOK } from "@/components/dashboard/diagnostic";
import { cn } from "@/components/ui/cn";
import type { InitiativeView } from "@/lib/initiatives/data";

type Diagnostic = InitiativeView["diagnostic"];

const lookOf = (status: Diagnostic["parts"][number]["status"]) =>
  status === null
    ? { ...DIAGNOSTIC_STATUS_LOOK.unknown, label: "Not checked" }
    : DIAGNOSTIC_STATUS_LOOK[status];

/** Go or no-go as a word and a symbol, never colour alone. */
export function GoBadge({ decision }: { decision: Diagnostic["decision"] }) {
  const look = decision === "go" ? DIAGNOSTIC_STATUS_LOOK.met : DIAGNOSTIC_STATUS_LOOK.unmet;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-semibold ring-1 ring-inset whitespace-nowrap",
        look.className,
      )}
    >
      <span aria-hidden>{look.symbol}</span>
      {decision === "go" ? "Go" : "No-go"}
    </span>
  );
}

/** The three parts as small lights, each named for screen readers and on hover. */
export function PartLights({ parts }: { parts: Diagnostic["parts"] }) {
  return (
    <ul className="flex gap-1" aria-label="Three-part diagnostic">
      {parts.map((part) => {
        const look = lookOf(part.status);
        return (
          <li
            key={part.part}
            title={`${part.name}: ${look.label}`}
            className={cn(
              "grid size-7 place-items-center rounded-full text-sm ring-1 ring-inset",
              look.className,
            )}
          >
            <span aria-hidden>{look.symbol}</span>
            <span className="sr-only">
              {part.name}: {look.label}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The three parts with their evidence, in the dashboard's look. */
export function PartCards({ parts }: { parts: Diagnostic["parts"] }) {
  return (
    <ul className="grid gap-3 md:grid-cols-3">
      {parts.map((part, i) => {
        const look = lookOf(part.status);
        return (
          <li key={part.part} className={cn("rounded-xl p-4 ring-1 ring-inset", look.className)}>
            <p className="flex items-start gap-2 font-semibold">
              <span
                aria-hidden
                className="grid size-6 shrink-0 place-items-center rounded-full bg-white/80 ring-1 ring-current/20"
              >
                {look.symbol}
              </span>
              <span>
                {i + 1}. {part.name}: {look.label}
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
