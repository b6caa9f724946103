import { toCsv } from "@/lib/csv/write";
import type { ActionStatus } from "./schema";

// The actions as a CSV to download (lib/csv/write quotes, adds the BOM, defuses formulas).

type Row = {
  title: string;
  dimension: string | null;
  recommendationId: string | null;
  owner:
    | { kind: "member"; name: string; email: string }
    | { kind: "person"; name: string; role: string }
    | null;
  dueDate: Date | null;
  status: ActionStatus;
  overdue: boolean;
  completedAt: Date | null;
};

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export function actionsToCsv(actions: readonly Row[]): string {
  return toCsv(
    [
      [
        "title",
        "dimension",
        "recommendation",
        "owner",
        "owner_role_or_email",
        "due",
        "status",
        "overdue",
        "completed",
      ],
      ...actions.map((a) => [
        a.title,
        a.dimension,
        a.recommendationId,
        a.owner?.name,
        a.owner ? (a.owner.kind === "member" ? a.owner.email : a.owner.role) : null,
        day(a.dueDate),
        a.status,
        a.overdue ? "yes" : "no",
        day(a.completedAt),
      ]),
    ],
    { bom: true },
  );
}
