import { toCsv } from "@/lib/csv/write";
import type { InitiativeStatus, PartStatus } from "./schema";

// The initiatives as a CSV to download (lib/csv/write quotes, adds the BOM, defuses formulas).

type Row = {
  name: string;
  businessFunction: string | null;
  workflow: string | null;
  dataSources: string | null;
  status: InitiativeStatus;
  owner:
    | { kind: "member"; name: string; email: string }
    | { kind: "person"; name: string; role: string }
    | null;
  diagnostic: { decision: "go" | "no_go"; parts: { part: string; status: PartStatus | null }[] };
  history: { to: InitiativeStatus; changedAt: Date; override: { reason: string } | null }[];
};

export function initiativesToCsv(initiatives: readonly Row[]): string {
  return toCsv(
    [
      [
        "name",
        "business_function",
        "workflow",
        "data_sources",
        "status",
        "status_since",
        "owner",
        "owner_role_or_email",
        "data_audit",
        "ownership",
        "monitoring",
        "go_no_go",
        "override_reason",
      ],
      ...initiatives.map((i) => {
        const last = i.history.at(-1);
        const part = (id: string) =>
          i.diagnostic.parts.find((p) => p.part === id)?.status ?? "unchecked";
        return [
          i.name,
          i.businessFunction,
          i.workflow,
          i.dataSources,
          i.status,
          last ? last.changedAt.toISOString().slice(0, 10) : null,
          i.owner?.name,
          i.owner ? (i.owner.kind === "member" ? i.owner.email : i.owner.role) : null,
          part("data_audit"),
          part("ownership"),
          part("monitoring"),
          i.diagnostic.decision,
          last?.override?.reason,
        ];
      }),
    ],
    { bom: true },
  );
}
