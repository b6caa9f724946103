import { z } from "zod";
import { text } from "@/lib/validation/text";
import { diagnosticPartIdSchema } from "@/lib/framework";
import { EVIDENCE_MAX, INITIATIVE_NAME_MAX, INITIATIVE_STATUSES, PART_STATUSES } from "./statuses";

export {
  EVIDENCE_MAX,
  INITIATIVE_NAME_MAX,
  INITIATIVE_STATUSES,
  PART_STATUSES,
  type InitiativeStatus,
  type PartStatus,
} from "./statuses";

export const initiativeStatusSchema = z.enum(INITIATIVE_STATUSES, {
  error: `Choose one of ${INITIATIVE_STATUSES.join(", ")}.`,
});

export const partStatusSchema = z.enum(PART_STATUSES, {
  error: `Choose one of ${PART_STATUSES.join(", ")}.`,
});

export { diagnosticPartIdSchema };

export const MAX_LINKS = 10;

// Empty strings from a form mean "not given".
const optionalText = (max: number) =>
  text({ error: "Must be text." })
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullish();

const nameSchema = text({ error: "Enter the initiative's name." })
  .trim()
  .min(1, "Enter the initiative's name.")
  .max(INITIATIVE_NAME_MAX, `Use at most ${INITIATIVE_NAME_MAX} characters.`);

/** The accountable owner: a member of the workspace, or a named person with their role. */
export const ownerSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("member"), memberId: text().trim().min(1).max(64) }),
    z.strictObject({
      kind: z.literal("person"),
      name: text({ error: "Enter the owner's name." })
        .trim()
        .min(1, "Enter the owner's name.")
        .max(120, "Use at most 120 characters."),
      role: text({ error: "Enter the owner's role." })
        .trim()
        .min(1, "Enter the owner's role, e.g. “Head of claims”.")
        .max(120, "Use at most 120 characters."),
    }),
  ],
  { error: "Give the owner as a member (kind: member) or a named person (kind: person)." },
);
export type OwnerInput = z.infer<typeof ownerSchema>;

const initiativeFields = {
  name: nameSchema,
  businessFunction: optionalText(120),
  workflow: optionalText(2000),
  dataSources: optionalText(2000),
  owner: ownerSchema.nullish(),
};

/** A new initiative starts as an idea or a pilot; moving it further goes through the diagnostic. */
export const createInitiativeSchema = z.strictObject({
  ...initiativeFields,
  status: z
    .enum(["idea", "pilot"], { error: "A new initiative starts as an idea or a pilot." })
    .optional(),
});
export type CreateInitiativeInput = z.infer<typeof createInitiativeSchema>;

export const updateInitiativeSchema = z
  .strictObject(initiativeFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.");
export type UpdateInitiativeInput = z.infer<typeof updateInitiativeSchema>;

const linkSchema = z
  .url({ protocol: /^https?$/, error: "Use a web address starting with https:// or http://." })
  .max(2000, "Use at most 2000 characters.");

export const diagnosticPartInputSchema = z.strictObject({
  status: partStatusSchema,
  evidence: text({ error: "Describe the evidence." })
    .trim()
    .min(1, "Describe the evidence: what was checked, and what was found.")
    .max(EVIDENCE_MAX, `Use at most ${EVIDENCE_MAX} characters.`),
  links: z.array(linkSchema).max(MAX_LINKS, `At most ${MAX_LINKS} links.`).optional(),
  checkedAt: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: "Use a date like 2027-03-31.",
    })
    .transform((v) => new Date(v))
    .optional(),
});

/** The three parts, each once; a part left out keeps what was recorded before. */
export const diagnosticInputSchema = z
  .strictObject({
    data_audit: diagnosticPartInputSchema.optional(),
    ownership: diagnosticPartInputSchema.optional(),
    monitoring: diagnosticPartInputSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one part of the diagnostic.");
export type DiagnosticInput = z.infer<typeof diagnosticInputSchema>;

export const changeStatusSchema = z.strictObject({
  status: initiativeStatusSchema,
  override: z
    .strictObject({
      reason: text({ error: "Say why the initiative moves on although the diagnostic says no-go." })
        .trim()
        .min(10, "Say why, in at least 10 characters: the override is kept in the record.")
        .max(2000, "Use at most 2000 characters."),
    })
    .optional(),
});
export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;

/** Stored links (newline-separated) back to a list; anything that is not a web address is dropped. */
export function parseStoredLinks(stored: string | null): string[] {
  if (!stored) return [];
  return stored
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => linkSchema.safeParse(line).success);
}

/** Stored part ids (comma-separated) back to a list of known part ids. */
export function parseStoredParts(stored: string | null): z.infer<typeof diagnosticPartIdSchema>[] {
  if (!stored) return [];
  return stored.split(",").flatMap((id) => {
    const parsed = diagnosticPartIdSchema.safeParse(id.trim());
    return parsed.success ? [parsed.data] : [];
  });
}
