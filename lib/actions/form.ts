// An action form's fields (strings) to the shape createActionSchema parses; fields are named by
// the schema's paths (`owner.name`), so a refused field's error lands on it. Nothing is validated.

type FormObject = Record<string, unknown>;

export function actionFromForm(o: FormObject): Record<string, unknown> {
  const kind = o["owner.kind"];
  const owner =
    kind === undefined || kind === ""
      ? null
      : kind === "member"
        ? { kind, memberId: o["owner.memberId"] ?? "" }
        : kind === "person"
          ? { kind, name: o["owner.name"] ?? "", role: o["owner.role"] ?? "" }
          : { kind };
  return {
    title: o.title,
    dimension: o.dimension,
    recommendationId: o.recommendationId,
    dueDate: o.dueDate,
    owner,
  };
}

/** The fields of one of several forms on a page, named `<prefix>.<field>` to keep ids unique. */
export function unprefixed(o: FormObject, prefix: unknown): FormObject {
  const out: FormObject = {};
  if (typeof prefix !== "string" || prefix === "") return out;
  for (const [key, value] of Object.entries(o)) {
    if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = value;
  }
  return out;
}
