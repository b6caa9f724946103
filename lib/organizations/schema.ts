import { z } from "zod";
import { text } from "@/lib/validation/text";

export const ORGANIZATION_NAME_MAX = 120;
export const SIZE_BANDS = ["1-49", "50-249", "250-999", "1000-4999", "5000+"] as const;
export const SECTORS = [
  "Financial services",
  "Insurance",
  "Healthcare",
  "Manufacturing",
  "Retail",
  "Logistics",
  "Energy",
  "Public sector",
  "Technology",
  "Professional services",
  "Telecommunications",
  "Other",
] as const;

// Empty strings from a form mean "not given".
const optionalText = (max: number) =>
  text({ error: "Must be text." })
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullish();

export const organizationNameSchema = text({ error: "Enter the organisation's name." })
  .trim()
  .min(1, "Enter the organisation's name.")
  .max(ORGANIZATION_NAME_MAX, `Use at most ${ORGANIZATION_NAME_MAX} characters.`);

const organizationFields = {
  name: organizationNameSchema,
  sector: optionalText(80),
  sizeBand: z
    .union([
      z.enum(SIZE_BANDS, { error: `Choose one of ${SIZE_BANDS.join(", ")}.` }),
      z.literal(""),
    ])
    .transform((v) => (v === "" ? null : v))
    .nullish(),
  region: optionalText(80),
  notes: optionalText(4000),
};

export const createOrganizationSchema = z.strictObject(organizationFields);
export const updateOrganizationSchema = z
  .strictObject(organizationFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.");

export const ORGANIZATION_SORTS = ["name", "updated", "created"] as const;
export const listOrganizationsSchema = z.object({
  q: text().trim().max(120).optional().catch(undefined),
  sort: z.enum(ORGANIZATION_SORTS).optional().catch(undefined),
  // Any text: the list decodes it, and answers a bad one with `invalid_cursor` (lib/pagination/cursors).
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ListOrganizationsQuery = z.infer<typeof listOrganizationsSchema>;

export const deleteOrganizationSchema = z.object({
  confirmation: text().trim(),
});
