import { z } from "zod";
import { text } from "@/lib/validation/text";
import { ROLES } from "@/lib/auth/roles";
import { emailSchema, passwordSchema, personNameSchema } from "@/lib/accounts/schema";

export const roleSchema = z.enum(ROLES, { error: "Choose owner, consultant or executive." });

const idSchema = text().min(1).max(64);
const idList = z.array(idSchema).max(500);

export const createInvitationSchema = z.object({
  role: roleSchema,
  email: z
    .union([emailSchema, z.literal("")])
    .optional()
    .transform((v) => (v ? v : null)),
  organizationIds: idList.optional().default([]),
});

export const changeRoleSchema = z.object({ memberId: idSchema, role: roleSchema });
export const memberIdSchema = z.object({ memberId: idSchema });
export const setGrantsSchema = z.object({
  memberId: idSchema,
  organizationIds: idList,
});

export const invitationTokenSchema = text().trim().min(10).max(200);

export const acceptAsNewUserSchema = z.object({
  token: invitationTokenSchema,
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const INVITATION_TTL_DAYS = 14;
