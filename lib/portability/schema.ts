import { z } from "zod";
import { text } from "@/lib/validation/text";
import { LOGO_MAX_BYTES } from "@/lib/workspaces/logo";
import { expectedParticipantsSchema } from "@/lib/workshops/schema";

// The GapMap export file, version 1: an organisation's whole history, or a whole workspace's.
// Every row carries the id it had where it was exported (`id`), which an import records
// (ImportedRecord) so that importing the same file twice creates nothing new. People are
// references by email, never accounts: no password hash, session or token ever leaves.
// Respondent links and workshop participants keep what they were (kind, role, name), not their
// secret token: imported links cannot be opened (a new link is issued on the new instance).
//
// Fields added to version 1 after its first release (key quotes, the retakes' references, the
// workspace's settings) are optional and written only when they hold something: a file made
// before them is still a version 1 file and imports as it did (decision 0012).
//
// Strings are stored as they were (no trimming: an import must give back what was exported),
// but each has a ceiling, so a hostile file cannot plant a 100 KB name, and `text()` refuses
// what no database stores (lone surrogates, NUL). Dates are ISO 8601 in UTC.

export const EXPORT_FORMAT = "gapmap-export";
export const EXPORT_VERSION = 1;
/** The largest file an import reads (bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const id = text().min(1).max(64);
const short = (max = 300) => text().max(max, `Use at most ${max} characters.`);
const long = (max = 10_000) => text().max(max, `Use at most ${max} characters.`);
const date = z.iso.datetime({ offset: true, error: "Must be an ISO 8601 date and time." });
const email = text()
  .max(320)
  .pipe(z.email({ error: "Must be an email address." }));
// Stored JSON (a snapshot, a plan): any JSON value; the import checks its strings for
// unstorable text and parses snapshots with the one snapshot parser (lib/results/snapshot).
const jsonValue = z.json();

export type StoredAnswerValue = z.infer<typeof answerValue>;

const roleSchema = z.enum(["owner", "consultant", "executive"]);
const answerValue = z.enum(["0", "1", "2", "3", "4", "dont_know", "not_applicable"], {
  error: 'Must be "0".."4", "dont_know" or "not_applicable".',
});

/** An owner: a member (by email) or a named person with a role. */
const ownerSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("member"), email, name: short(200) }),
    z.strictObject({ kind: z.literal("person"), name: short(200), role: short(200).nullable() }),
  ])
  .nullable();

const linkSchema = z.strictObject({
  id,
  kind: z.enum(["personal", "open"]),
  role: short(40).nullable(),
  name: short(200).nullable(),
  email: short(320).nullable(),
  createdAt: date,
  revokedAt: date.nullable(),
  /** The same respondent's link in an earlier round of the organisation (a returning respondent). */
  previousLinkId: id.optional(),
});

const answerSchema = z.strictObject({
  questionId: short(100),
  value: answerValue,
  comment: long(10_000).nullable(),
  updatedAt: date,
  /** The comment was marked as a key quote for the report. */
  keyQuote: z.strictObject({ markedBy: email.nullable(), markedAt: date }).optional(),
});

const responseSchema = z.strictObject({
  id,
  linkId: id,
  role: short(40),
  startedAt: date.nullable(),
  submittedAt: date.nullable(),
  updatedAt: date,
  answers: z.array(answerSchema).max(2000),
});

const resultSchema = z.strictObject({
  id,
  frameworkVersion: short(20),
  result: jsonValue,
  input: jsonValue,
  inputHash: short(200),
  computedAt: date,
  score: z.number().nullable(),
  stage: z.number().int().nullable(),
  readyToScale: z.boolean(),
});

const participantSchema = z.strictObject({ id, responseId: id, joinedAt: date });

const agreedLevelSchema = z.strictObject({
  questionId: short(100),
  value: answerValue,
  reason: long(10_000),
  agreedBy: email.nullable(),
  agreedAt: date,
});

const workshopSchema = z.strictObject({
  id,
  code: short(40),
  phase: z.enum(["lobby", "voting", "revealed", "ended"]),
  plan: jsonValue,
  currentQuestionId: short(100).nullable(),
  countdownEndsAt: date.nullable(),
  // Absent in files written before workshops had an expected room size.
  expectedParticipants: expectedParticipantsSchema,
  createdBy: email.nullable(),
  createdAt: date,
  updatedAt: date,
  endedAt: date.nullable(),
  participants: z.array(participantSchema).max(10_000),
  agreedLevels: z.array(agreedLevelSchema).max(2000),
});

const roundSchema = z.strictObject({
  id,
  name: short(300),
  frameworkVersion: short(20),
  state: z.enum(["draft", "open", "closed"]),
  roles: jsonValue,
  anonymous: z.boolean(),
  minGroupSize: z.number().int().min(1).max(1000),
  opensAt: date.nullable(),
  closesAt: date.nullable(),
  targets: jsonValue.nullable(),
  previousRoundId: id.nullable(),
  /** The first round of the chain of retakes, progress toward target is measured from. */
  baselineRoundId: id.optional(),
  /** The initiative of this organisation the round focuses on. */
  focusInitiativeId: id.optional(),
  /** Returning respondents see their own last answers (never on an anonymous round). */
  showPreviousAnswers: z.boolean().optional(),
  createdAt: date,
  updatedAt: date,
  openedAt: date.nullable(),
  closedAt: date.nullable(),
  links: z.array(linkSchema).max(100_000),
  responses: z.array(responseSchema).max(100_000),
  result: resultSchema.nullable(),
  workshops: z.array(workshopSchema).max(1000),
});

const statusSchema = z.enum(["idea", "pilot", "production", "scaled", "retired"]);

const initiativeSchema = z.strictObject({
  id,
  name: short(300),
  businessFunction: short(1000).nullable(),
  workflow: long().nullable(),
  dataSources: long().nullable(),
  status: statusSchema,
  owner: ownerSchema,
  createdAt: date,
  updatedAt: date,
  statusChanges: z
    .array(
      z.strictObject({
        id,
        fromStatus: statusSchema.nullable(),
        toStatus: statusSchema,
        changedAt: date,
        changedBy: email.nullable(),
        changedByLabel: short(320),
        overrideReason: long().nullable(),
        overriddenParts: short(200).nullable(),
      }),
    )
    .max(10_000),
  diagnostic: z
    .array(
      z.strictObject({
        part: z.enum(["data_audit", "ownership", "monitoring"]),
        status: z.enum(["met", "partial", "unmet"]),
        evidence: long(),
        links: long().nullable(),
        checkedAt: date,
        checkedBy: email.nullable(),
        checkedByLabel: short(320),
      }),
    )
    .max(3),
});

const actionSchema = z.strictObject({
  id,
  title: short(1000),
  dimension: short(100).nullable(),
  recommendationId: short(200).nullable(),
  owner: ownerSchema,
  dueDate: date.nullable(),
  status: z.enum(["open", "in_progress", "done", "dropped"]),
  completedAt: date.nullable(),
  /** The round of this organisation the action is tracked in. */
  roundId: id.optional(),
  createdAt: date,
  updatedAt: date,
});

export const exportedOrganizationSchema = z.strictObject({
  id,
  name: short(300).refine((v) => v.trim().length > 0, "Must not be empty."),
  sector: short(200).nullable(),
  sizeBand: short(40).nullable(),
  region: short(200).nullable(),
  notes: long().nullable(),
  createdAt: date,
  updatedAt: date,
  /** Emails of the executives granted this organisation. */
  grantedTo: z.array(email).max(10_000),
  rounds: z.array(roundSchema).max(10_000),
  initiatives: z.array(initiativeSchema).max(100_000),
  actions: z.array(actionSchema).max(100_000),
});

const memberSchema = z.strictObject({ email, name: short(200), role: roleSchema });

/** The logo's bytes, base64: the import reads its type from them (lib/workspaces/logo.ts). */
const logoSchema = z.strictObject({
  data: z
    .base64({ error: "Must be base64." })
    .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4, `The logo is larger than ${LOGO_MAX_BYTES / 1024} KB.`),
  updatedAt: date.nullable(),
});

/** The source workspace's settings (a workspace export only). */
const settingsSchema = z.strictObject({
  retakeIntervalDays: z.number().int().min(7).max(730),
  logo: logoSchema.nullable(),
});

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: date,
  scope: z.enum(["organization", "workspace"]),
  source: z.strictObject({ workspaceId: id, workspaceName: short(300) }),
  /** The workspace's logo and retake interval: present in a workspace export only. */
  settings: settingsSchema.optional(),
  /** The members of the source workspace, as references (present in a workspace export). */
  members: z.array(memberSchema).max(100_000),
  organizations: z.array(exportedOrganizationSchema).max(100_000),
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportedOrganization = z.infer<typeof exportedOrganizationSchema>;
export type ExportedRound = ExportedOrganization["rounds"][number];
export type ExportedOwner = z.infer<typeof ownerSchema>;
export type ExportedSettings = z.infer<typeof settingsSchema>;

/** One reason a file was refused, at a JSON path (`organizations.0.rounds.2.name`, `_`). */
export type ImportProblem = { path: string; message: string };

/** What an import creates (or would, in a dry run), per kind of record. */
export type ImportCounts = {
  organizations: number;
  rounds: number;
  links: number;
  responses: number;
  answers: number;
  results: number;
  workshops: number;
  participants: number;
  agreedLevels: number;
  initiatives: number;
  statusChanges: number;
  diagnosticParts: number;
  actions: number;
  grants: number;
  keyQuotes: number;
  /** The workspace's logo (0 or 1): taken when this workspace has none. */
  logo: number;
  /** The retake interval (0 or 1): taken when this workspace has the default quarter. */
  retakeInterval: number;
};

export type ImportReport = {
  dryRun: boolean;
  /** Records created (or that would be). */
  created: ImportCounts;
  /** Records found already imported, left as they are. */
  skipped: ImportCounts;
  organizations: { sourceId: string; name: string; outcome: "create" | "update" | "unchanged" }[];
  /** Member emails of the file with no member of that email in this workspace: their
   * ownerships become named people, their grants are dropped. */
  unmatchedMembers: string[];
};

export const importQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false", "1", "0"], { error: "Must be true or false." })
    .optional()
    .transform((v) => v === "true" || v === "1"),
});
