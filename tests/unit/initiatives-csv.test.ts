import { describe, expect, it } from "vitest";
import { initiativesToCsv } from "@/lib/initiatives/csv";
import { actionsToCsv } from "@/lib/actions/csv";

describe("initiatives and actions as CSV", () => {
  it("an initiative's row names its parts, its go / no-go and the override that moved it on", () => {
    const csv = initiativesToCsv([
      {
        name: "Email triage",
        businessFunction: "Service",
        workflow: null,
        dataSources: null,
        status: "production",
        owner: { kind: "person", name: "Ann", role: "COO" },
        diagnostic: {
          decision: "no_go",
          parts: [
            { part: "data_audit", status: "met" },
            { part: "ownership", status: "partial" },
            { part: "monitoring", status: null },
          ],
        },
        history: [
          { to: "pilot", changedAt: new Date("2026-09-01T10:00:00Z"), override: null },
          {
            to: "production",
            changedAt: new Date("2026-10-02T10:00:00Z"),
            override: { reason: "=Peak season" },
          },
        ],
      },
    ]);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      '"name","business_function","workflow","data_sources","status","status_since","owner","owner_role_or_email","data_audit","ownership","monitoring","go_no_go","override_reason"',
    );
    expect(lines[1]).toBe(
      '"Email triage","Service",,,"production","2026-10-02","Ann","COO","met","partial","unchecked","no_go","\'=Peak season"',
    );
    // The formula-like reason was defused by the one CSV writer (a leading apostrophe).
  });

  it("an action's row says whether it is overdue and when it was done", () => {
    const csv = actionsToCsv([
      {
        title: "Name an owner",
        dimension: "ownership",
        recommendationId: "rec.ownership.name_accountable_owner",
        owner: { kind: "member", name: "Olivia", email: "o@example.test" },
        dueDate: new Date("2026-10-30T00:00:00Z"),
        status: "done",
        overdue: false,
        completedAt: new Date("2026-10-29T12:00:00Z"),
      },
    ]);
    expect(csv).toContain(
      '"Name an owner","ownership","rec.ownership.name_accountable_owner","Olivia","o@example.test","2026-10-30","done","no","2026-10-29"',
    );
  });
});
