// Types and enums of the generated client, re-exported so that no module outside lib/db imports
// the generated code (the lint rule enforces it).
export { Prisma, Role } from "@/lib/generated/sqlite/client";
export type {
  User,
  Workspace,
  Member,
  Organization,
  ApiToken,
  AuditEvent,
  MemberInvitation,
} from "@/lib/generated/sqlite/client";
