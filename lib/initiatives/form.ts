import type { DiagnosticPartId } from "@/lib/framework";

// A form's fields (strings, as formToObject gives them) to the shape the initiative schemas
// parse: the forms name their fields by the schema's paths (`owner.name`, `override.reason`), so
// a refused field's error lands on the field that caused it. Nothing is validated here.

type FormObject = Record<string, unknown>;

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

function ownerFromForm(o: FormObject): unknown {
  const kind = o["owner.kind"];
  if (kind === undefined || kind === "") return null;
  if (kind === "member") return { kind, memberId: o["owner.memberId"] ?? "" };
  if (kind === "person") return { kind, name: o["owner.name"] ?? "", role: o["owner.role"] ?? "" };
  return { kind };
}

export function initiativeFromForm(o: FormObject): Record<string, unknown> {
  return {
    name: o.name,
    businessFunction: o.businessFunction,
    workflow: o.workflow,
    dataSources: o.dataSources,
    owner: ownerFromForm(o),
    ...(o.status !== undefined ? { status: blankToUndefined(o.status) } : {}),
  };
}

/** One part of the diagnostic, as its own form sends it (fields `<part>.status` and so on). */
export function diagnosticPartFromForm(
  part: DiagnosticPartId,
  o: FormObject,
): Record<string, unknown> {
  const rawLinks = o[`${part}.links`];
  const links = typeof rawLinks === "string" ? rawLinks.split(/\r?\n/).map((l) => l.trim()) : [];
  return {
    [part]: {
      status: o[`${part}.status`],
      evidence: o[`${part}.evidence`],
      links: links.filter((l) => l !== ""),
      checkedAt: blankToUndefined(o[`${part}.checkedAt`]),
    },
  };
}

export function statusFromForm(o: FormObject): Record<string, unknown> {
  const reason = typeof o["override.reason"] === "string" ? o["override.reason"].trim() : "";
  return { status: o.status, ...(reason !== "" ? { override: { reason } } : {}) };
}
