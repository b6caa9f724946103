import { z } from "zod";
import {
  createAssessmentSchema,
  invitationsSchema,
  chooseRoleSchema,
  nextRoundSchema,
} from "@/lib/assessments/schema";
import {
  createOrganizationSchema,
  updateOrganizationSchema,
  deleteOrganizationSchema,
} from "@/lib/organizations/schema";
import { createActionSchema, updateActionSchema } from "@/lib/actions/schema";
import {
  changeStatusSchema,
  createInitiativeSchema,
  diagnosticInputSchema,
  updateInitiativeSchema,
} from "@/lib/initiatives/schema";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { answerValueSchema } from "@/lib/framework";
import { WRITE_REFUSALS } from "@/lib/responses/write-guard";
import {
  agreeSchema,
  createWorkshopSchema,
  joinWorkshopSchema,
  nextQuestionSchema,
  openQuestionSchema,
  voteSchema,
  WORKSHOP_REFUSALS,
} from "@/lib/workshops/schema";
import { exportFileSchema } from "@/lib/portability/schema";
import { keyQuoteSchema } from "@/lib/comments/schema";
import packageJson from "@/package.json" with { type: "json" };

// The OpenAPI description of /api/v1, generated from the same zod schemas the handlers parse
// with, so the document cannot drift from what the API accepts.

type JsonSchema = Record<string, unknown>;
const input = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ERROR_CODES },
        message: { type: "string" },
        fields: {
          type: "object",
          additionalProperties: { type: "string" },
          description: "Field path -> what is wrong",
        },
      },
    },
  },
};

// What each status means, and (derived from ERROR_STATUS) which codes it may carry: an error
// response names them, so a client can branch on the code. The respondent's refused writes are
// listed only where they can happen (`refusedWrite`).
const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request (not JSON)",
  401: "No valid session or API token",
  403: "Your role does not allow this",
  404: "Unknown, or not in your workspace",
  405: "Method not allowed on this path",
  409: "Conflicts with the current state (closed, duplicate)",
  413: "Body larger than 64 KB (an import: 50 MB)",
  415: "The body is not `application/json`",
  422: "Valid JSON with invalid values; `fields` names them",
  429: "Too many requests; retry after `Retry-After` seconds",
  503: "The database is busy for a moment; retry after `Retry-After` seconds",
};
const listedWhereTheyApply = new Set<ErrorCode>([
  ...WRITE_REFUSALS,
  ...WORKSHOP_REFUSALS,
  "invalid_cursor",
  "diagnostic_no_go",
]);
const codesWithStatus = (status: number) =>
  ERROR_CODES.filter((code) => ERROR_STATUS[code] === status && !listedWhereTheyApply.has(code));

type ErrorSpec = number | { status: number; description: string; codes: readonly ErrorCode[] };

const errors = (...specs: ErrorSpec[]) =>
  Object.fromEntries(
    specs.map((spec) => {
      const { status, description, codes } =
        typeof spec === "number"
          ? { status: spec, description: ERROR_TEXT[spec] ?? "Error", codes: codesWithStatus(spec) }
          : spec;
      const ref = { $ref: "#/components/schemas/Error" };
      return [
        String(status),
        {
          description: `${description}. \`error.code\`: ${codes.map((c) => `\`${c}\``).join(", ")}`,
          content: {
            "application/json": {
              schema: {
                allOf: [
                  ref,
                  { properties: { error: { properties: { code: { enum: [...codes] } } } } },
                ],
              },
            },
          },
        },
      ];
    }),
  );

const badCursor: ErrorSpec = {
  status: 400,
  description: "`cursor` is not the `nextCursor` of a previous page of this list",
  codes: ["invalid_cursor"],
};

/** A respondent's write refused by the link or its round (lib/responses/write-guard.ts). */
const refusedWrite = (...codes: ErrorCode[]): ErrorSpec => ({
  status: 409,
  description:
    "The link or its round takes no more of this: the link was withdrawn, the round has not opened or has closed, or the answers were already submitted",
  codes,
});

const noGo: ErrorSpec = {
  status: 409,
  description:
    "The status is already that one (`conflict`), or the move goes past pilot while the diagnostic says no-go and no `override` was given (`diagnostic_no_go`; `fields` holds one reason per part, keyed `diagnostic.<part>`)",
  codes: ["conflict", "diagnostic_no_go"],
};

const ok = (description: string, status = "200") => ({
  [status]: { description, content: { "application/json": { schema: { type: "object" } } } },
});
const file = (description: string, types: readonly string[]) => ({
  "200": {
    description,
    headers: {
      "Content-Disposition": {
        schema: { type: "string" },
        description: "attachment, with the organisation's name as the file name",
      },
    },
    content: Object.fromEntries(
      types.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
    ),
  },
});
const body = (schema: JsonSchema) => ({
  required: true,
  content: { "application/json": { schema } },
});
const idParam = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
  description,
});
const pageParams = [
  {
    name: "cursor",
    in: "query",
    required: false,
    schema: { type: "string" },
    description:
      "The `nextCursor` of the previous page, as given (opaque). Any other value is 400 `invalid_cursor`.",
  },
  {
    name: "limit",
    in: "query",
    required: false,
    schema: { type: "integer", minimum: 1, maximum: 100, default: 50 },
  },
];

const answersBody: JsonSchema = {
  type: "object",
  required: ["answers"],
  additionalProperties: false,
  properties: {
    answers: {
      type: "object",
      additionalProperties: input(answerValueSchema),
      description: 'questionId -> 0..4 | "dont_know" | "not_applicable"',
    },
    comments: { type: "object", additionalProperties: { type: "string", maxLength: 2000 } },
  },
};

/** The room's state, as every workshop endpoint but join and vote answers it. */
const roomStateSchema: JsonSchema = {
  type: "object",
  required: ["phase", "questionId", "participants", "votes", "distribution", "agreed", "myVote"],
  properties: {
    phase: { enum: ["lobby", "voting", "revealed", "ended"] },
    paused: { type: "boolean", description: "lobby with a question shown: voting paused" },
    questionId: { type: ["string", "null"] },
    participants: { type: "integer" },
    votes: { type: "integer", description: "How many voted on the current question (not what)" },
    distribution: {
      description: "null until the question is revealed (blind vote)",
      oneOf: [
        { type: "null" },
        {
          type: "object",
          properties: Object.fromEntries(
            ["0", "1", "2", "3", "4", "dont_know"].map((k) => [k, { type: "integer" }]),
          ),
        },
      ],
    },
    byRole: {
      description:
        "After reveal: per role; roles with fewer votes than the round's minimum group are folded into `others`. null while `others` is itself under the minimum (see `byRoleHidden`)",
      type: ["array", "null"],
    },
    byRoleHidden: {
      description:
        "True after reveal when the breakdown by role is withheld: a group under the minimum, whose votes the totals would give away",
      type: "boolean",
    },
    spread: { type: ["object", "null"], description: "min, max and median level voted" },
    agreed: { type: ["object", "null"], description: "`{ value, reason }` once recorded" },
    myVote: { description: "The caller's own vote (participants only)" },
    question: { type: ["object", "null"], description: "text, five levels, place in the plan" },
    countdownEndsAt: { type: ["string", "null"], format: "date-time" },
    code: { type: ["string", "null"], description: "The join code while the workshop runs" },
  },
};
const stateOk = (description: string) => ({
  "200": { description, content: { "application/json": { schema: roomStateSchema } } },
});
const roomRefusal = (...codes: ErrorCode[]): ErrorSpec => ({
  status: 409,
  description:
    "The room takes no such vote: the question is not open (not yet, paused or revealed), the workshop ended, or the round is not open",
  codes,
});

export function openApiDocument(): Record<string, unknown> {
  const org = idParam("id", "Organisation id");
  const exportOperation = (what: string) => ({
    summary: `Export the answers (long form) or results (wide form) of ${what}`,
    description:
      "`?format=csv|xlsx|json`, or `Accept: text/csv` or the XLSX type (JSON otherwise). CSV and JSON give one `kind`: `answers` (one row per answer: round, respondent or anonymous id, respondent_name, role, question id and text, dimension, level, label, dont_know, not_applicable, comment, answered_at) or `results` (one row per closed round: headline, each dimension's score and target, the diagnostic, scores by role). The XLSX holds both, one sheet each. CSV is UTF-8 with a byte-order mark; text a spreadsheet would run as a formula starts with `'`. Anonymity and the minimum group hold: an anonymous round gives r1, r2... and no names; a role with fewer respondents than the round's minimum group is left out of the answers and the scores by role, and named in `withheld_roles`.",
    parameters: [
      {
        name: "kind",
        in: "query",
        required: false,
        schema: { type: "string", enum: ["answers", "results"], default: "answers" },
      },
      {
        name: "format",
        in: "query",
        required: false,
        schema: { type: "string", enum: ["csv", "xlsx", "json"] },
      },
    ],
    responses: {
      "200": {
        description: "The export",
        content: {
          "application/json": { schema: { type: "object" } },
          "text/csv": { schema: { type: "string" } },
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
            schema: { type: "string", format: "binary" },
          },
        },
      },
      ...errors(401, 404, 422),
    },
  });
  const asm = idParam("id", "Assessment id");
  const ini = idParam("id", "Initiative id");
  const token = idParam("token", "The respondent's link token");
  const workshop = idParam("id", "Workshop id");
  const facilitatorAction = (summary: string, schema?: z.ZodType) => ({
    parameters: [workshop],
    post: {
      summary: `${summary} (facilitator: a member's token or session; a participant's token is 403)`,
      ...(schema ? { requestBody: body(input(schema)) } : {}),
      responses: {
        ...stateOk("The room's state after the action"),
        ...errors(
          400,
          401,
          403,
          404,
          roomRefusal("conflict", "workshop_ended", "round_closed", "round_not_open"),
          413,
          415,
          422,
        ),
      },
    },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "GapMap API",
      version: packageJson.version,
      description:
        "Authenticate with `Authorization: Bearer <token>` (create one in Settings > API tokens or with `gapmap token create`); the token acts with its member's role. Respondent endpoints are authorised by the link token in the path.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Error: errorSchema },
    },
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/organizations": {
        get: {
          summary: "List organisations",
          parameters: [...pageParams, { name: "q", in: "query", schema: { type: "string" } }],
          responses: { ...ok("A page of organisations"), ...errors(badCursor, 401, 422) },
        },
        post: {
          summary: "Create an organisation",
          requestBody: body(input(createOrganizationSchema)),
          responses: {
            ...ok("The organisation", "201"),
            ...errors(400, 401, 403, 409, 413, 415, 422),
          },
        },
      },
      "/api/v1/organizations/{id}": {
        parameters: [org],
        get: {
          summary: "One organisation",
          responses: { ...ok("The organisation"), ...errors(401, 404) },
        },
        patch: {
          summary: "Change an organisation",
          requestBody: body(input(updateOrganizationSchema)),
          responses: {
            ...ok("The organisation"),
            ...errors(400, 401, 403, 404, 409, 413, 415, 422),
          },
        },
        delete: {
          summary: "Delete an organisation and all its rounds",
          requestBody: body(input(deleteOrganizationSchema)),
          responses: { "204": { description: "Deleted" }, ...errors(400, 401, 403, 404, 422) },
        },
      },
      "/api/v1/organizations/{id}/assessments": {
        parameters: [org],
        get: {
          summary: "List an organisation's assessment rounds",
          parameters: pageParams,
          responses: { ...ok("A page of rounds"), ...errors(badCursor, 401, 404, 422) },
        },
        post: {
          summary: "Create an assessment round (draft)",
          requestBody: body(input(createAssessmentSchema)),
          responses: { ...ok("The round", "201"), ...errors(400, 401, 403, 404, 413, 415, 422) },
        },
      },
      "/api/v1/organizations/{id}/dashboard": {
        parameters: [org],
        get: {
          summary: "The organisation's dashboard, from the results of its closed rounds",
          description:
            "`latest` (null before a round closes): headline (stage, index, confidence, ready-to-scale verdict with gate reasons; stage and index are null when the round has too few answers for an index, framework 2027.2 on), change since the previous round (null figures where either round has no index), dimensions with target, previous score and delta, the three-part diagnostic, perception by role (roles under the round's minimum group size are left out and named in `hiddenReason`), blind spots per dimension, agreement per question and role, top recommendations in sequence order (always with one that unblocks each gate or diagnostic part holding the organisation back, each with `blocksScaling`, `unblocks` and, 2027.2 on, `done`), `visibilityGaps` (2027.2 on, else empty). `trend`: one point per closed round with an index, oldest first, with index, stage, per-dimension scores, `frameworkVersion` and `versionChanged`.",
          responses: { ...ok("The dashboard"), ...errors(401, 404) },
        },
      },
      "/api/v1/organizations/{id}/export": {
        parameters: [org],
        get: {
          summary: "The organisation's whole history as a GapMap export file (owners only)",
          description:
            "`format: gapmap-export`, `version: 1`: the organisation, its rounds with settings, roles, targets, the round before, the baseline (`baselineRoundId`), the focus initiative (`focusInitiativeId`) and `showPreviousAnswers`, and links (kind, role, name, email, the returning respondent's link in an earlier round as `previousLinkId`; never a token), responses with answers, comments and key quotes (`keyQuote`: who marked it, when), results as stored (snapshots with keys sorted), workshops with agreed levels, initiatives with diagnostic and status history (overrides included), actions with the round they are tracked in (`roundId`). Fields added since version 1 first shipped are optional and written only when they hold something: a file made before them still imports. People are references by email. Never mail, mail opt-outs, webhooks or any token or secret. A download (`Content-Disposition: attachment`). POST it to /api/v1/imports to import it elsewhere.",
          responses: { ...ok("The export file"), ...errors(401, 403, 404) },
        },
      },
      "/api/v1/export": {
        get: {
          summary: "The whole workspace as a GapMap export file (owners only)",
          description:
            "Every organisation as in /organizations/{id}/export, `members` as references (email, name and role, never a password hash or token), and `settings`: the retake interval in days and the logo (its PNG or JPEG bytes as base64, checked again on import; `null` when there is none).",
          responses: { ...ok("The export file"), ...errors(401, 403) },
        },
      },
      "/api/v1/imports": {
        post: {
          summary: "Import a GapMap export file into this workspace (owners only)",
          description:
            "The body is the export file (`application/json`, at most 50 MB). New ids, every reference remapped; records imported before (from this file or an earlier export of the same source) are left as they are, so importing twice creates nothing new. With `?dryRun=true` nothing is written: the answer says what would be created. A file with any problem is refused whole (422 `validation_failed`, every problem in `fields` keyed by its JSON path, e.g. `organizations.0.rounds.2.name`), in one transaction: nothing is half-written. People are matched by email to members of this workspace; nobody is added, and an unknown member's ownership becomes a named person (`unmatchedMembers`). A workspace export's `settings` are taken only where this workspace has not set its own: the logo when it has none, the retake interval when it is the default 91 days (`created.logo`, `created.retakeInterval`).",
          parameters: [
            {
              name: "dryRun",
              in: "query",
              required: false,
              schema: { type: "boolean", default: false },
            },
          ],
          requestBody: body(input(exportFileSchema)),
          responses: {
            ...ok("Dry run: what would be created (`created`, `skipped`, `organizations`)"),
            ...ok("Imported: what was created", "201"),
            ...errors(401, 403, 413, 415, 422),
          },
        },
      },
      "/api/v1/organizations/{id}/report.pdf": {
        parameters: [org],
        get: {
          summary: "The organisation's readiness report as a PDF",
          description:
            "Generated on the server from the dashboard's data: a cover with the workspace's name and logo, the headline and verdict with the gate reasons, the seven dimensions against target and last round, the trend, the three-part diagnostic, the initiatives pipeline, the next steps in sequence with their owners, the key quotes (anonymity and minimum group applied) and the article's figures with their sources. Real text, page numbers, no chart split across pages. Whoever may read the dashboard may read the report.",
          parameters: [
            {
              name: "paper",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["a4", "letter"], default: "a4" },
            },
          ],
          responses: { ...file("The report", ["application/pdf"]), ...errors(401, 404, 422) },
        },
      },
      "/api/v1/organizations/{id}/data": {
        parameters: [org],
        get: exportOperation("every round of the organisation"),
      },
      "/api/v1/organizations/{id}/report.pptx": {
        parameters: [org],
        get: {
          summary: "The organisation's board deck (.pptx)",
          description:
            "Five to eight editable slides from the same data as the PDF: headline and verdict, the seven dimensions (a native bar chart against target and last round), the trend (a native line chart and a table), the three-part diagnostic with the initiatives pipeline, the next steps in sequence with owners, key quotes when any were marked, and the article's figures with sources. Charts and tables stay editable, so the deck can be restyled in another template.",
          responses: {
            ...file("The deck", [
              "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ]),
            ...errors(401, 404),
          },
        },
      },
      "/api/v1/organizations/{id}/initiatives": {
        parameters: [org],
        get: {
          summary: "List an organisation's initiatives (AI pilots or workflows), oldest first",
          description:
            "Each initiative: name, businessFunction, workflow, dataSources, status, owner (`{kind: member, memberId, name, email}` or `{kind: person, name, role}` or null), `diagnostic` (the three parts with status, evidence, links, checkedAt, checkedBy; `decision` go or no_go; `reasons` one per part not met) and `history` (dated status changes, with any override).",
          parameters: pageParams,
          responses: { ...ok("A page of initiatives"), ...errors(badCursor, 401, 404, 422) },
        },
        post: {
          summary: "Add an initiative (status idea or pilot)",
          requestBody: body(input(createInitiativeSchema)),
          responses: {
            ...ok("The initiative", "201"),
            ...errors(400, 401, 403, 404, 413, 415, 422),
          },
        },
      },
      "/api/v1/initiatives/{id}": {
        parameters: [ini],
        get: {
          summary: "One initiative with its diagnostic, go / no-go and status history",
          responses: { ...ok("The initiative"), ...errors(401, 404) },
        },
        patch: {
          summary: "Change an initiative's details or accountable owner",
          requestBody: body(input(updateInitiativeSchema)),
          responses: {
            ...ok("The initiative"),
            ...errors(400, 401, 403, 404, 413, 415, 422),
          },
        },
      },
      "/api/v1/initiatives/{id}/diagnostic": {
        parameters: [ini],
        put: {
          summary: "Record the three-part diagnostic (parts left out keep what was recorded)",
          description:
            "Each part: status met, partial or unmet, evidence text, links, checkedAt (default now); the caller is recorded as who checked. Answers the initiative with `diagnostic.decision` (go when all three parts are met) and `diagnostic.reasons`.",
          requestBody: body(input(diagnosticInputSchema)),
          responses: {
            ...ok("The initiative with its go / no-go"),
            ...errors(400, 401, 403, 404, 413, 415, 422),
          },
        },
      },
      "/api/v1/initiatives/{id}/status": {
        parameters: [ini],
        post: {
          summary: "Move an initiative to a status",
          description:
            "Production and scaled need a go from the diagnostic, or `override: { reason }`; the override is recorded (who, why, when, the parts it overrode) in the status history and the audit log.",
          requestBody: body(input(changeStatusSchema)),
          responses: {
            ...ok("The initiative"),
            ...errors(400, 401, 403, 404, noGo, 413, 415, 422),
          },
        },
      },
      "/api/v1/organizations/{id}/actions": {
        parameters: [org],
        get: {
          summary: "List an organisation's actions (recommendations someone owns), oldest first",
          description:
            "Each action: title, dimension, recommendationId, owner (member or named person, or null), dueDate, status (open, in_progress, done, dropped), `overdue` (open or in progress after its due date), completedAt.",
          parameters: pageParams,
          responses: { ...ok("A page of actions"), ...errors(badCursor, 401, 404, 422) },
        },
        post: {
          summary: "Create an action, e.g. from a recommendation (its id and dimension)",
          requestBody: body(input(createActionSchema)),
          responses: {
            ...ok("The action", "201"),
            ...errors(400, 401, 403, 404, 413, 415, 422),
          },
        },
      },
      "/api/v1/actions/{id}": {
        parameters: [idParam("id", "Action id")],
        patch: {
          summary: "Change an action: status, owner, due date, title",
          requestBody: body(input(updateActionSchema)),
          responses: {
            ...ok("The action"),
            ...errors(400, 401, 403, 404, 413, 415, 422),
          },
        },
      },
      "/api/v1/portfolio": {
        get: {
          summary: "One row per organisation you can see",
          description:
            "`items`: id, name, sector, region, stage, index (both null before a round closes, or when the latest round has too few answers for an index), change since the previous round, readyToScale, lastAssessed, openRounds, and `peerBenchmark` (the sector's median index in this workspace, with its size), null unless at least 5 organisations share the sector. `pipeline`: the initiatives across those organisations as the portfolio page shows them: `byStatus` (count per status), `conversion` (piloted, converted to production or scaled, rate), `organizationsWithPilots`, `organizationsAtThreshold` and `shareAtThreshold` (Deloitte's mark: 40% or more of an organisation's pilots in production), and `held` (per diagnostic part, the initiatives not yet live that it holds at no-go); null for a role that may not read initiatives.",
          responses: { ...ok("The portfolio"), ...errors(401) },
        },
      },
      "/api/v1/assessments/{id}": {
        parameters: [asm],
        get: {
          summary: "One round with its progress",
          responses: { ...ok("The round"), ...errors(401, 404) },
        },
      },
      "/api/v1/assessments/{id}/data": {
        parameters: [asm],
        get: exportOperation("the round"),
      },
      "/api/v1/assessments/{id}/invitations": {
        parameters: [asm],
        post: {
          summary:
            "Personal respondent links (tokens returned once); with `sendEmail: true` each link that has an email address is emailed (queued, delivered by the mail sweep)",
          requestBody: body(input(invitationsSchema)),
          responses: {
            ...ok("The links", "201"),
            ...errors(400, 401, 403, 404, 409, 413, 415, 422),
          },
        },
      },
      "/api/v1/assessments/{id}/next-round": {
        parameters: [asm],
        post: {
          summary: "Start the next round (the quarterly retake) from a closed round",
          description:
            'Copies the round\'s framework version, roles, anonymity, minimum group, focus initiative, targets per dimension, the opt-in to show returning respondents their last answers, and its audience (never its answers). Issues a new personal link per personal link that names someone (tokens in `links`, returned once) and a new open link if the round had one. The first round of the chain stays the baseline progress toward target is measured from (`baselineAssessmentId`). Open and in-progress actions of the organisation move to the new round (`carriedOverActions`). The body is optional; `name` defaults to the next quarter ("Q1 2027" -> "Q2 2027"). 409 when the round is not closed or a round already follows it.',
          requestBody: { ...body(input(nextRoundSchema)), required: false },
          responses: {
            ...ok("The new round, with `links` and `carriedOverActions`", "201"),
            ...errors(400, 401, 403, 404, 409, 413, 415, 422),
          },
        },
      },
      "/api/v1/assessments/{id}/reminders": {
        parameters: [asm],
        post: {
          summary:
            "Email a reminder to each respondent of an open round who has not submitted: not those mailed in the last 24 hours, without an address, or who stopped reminders. At most 3 calls per round per hour (429 with Retry-After); 409 round_not_open",
          responses: {
            ...ok("Counts: queued, recentlyMailed, optedOut, noEmail"),
            ...errors(401, 403, 404, 409, 429),
          },
        },
      },
      "/api/v1/assessments/{id}/open-link": {
        parameters: [asm],
        post: {
          summary: "A new open link (respondents pick their role); revokes the previous one",
          responses: { ...ok("The link", "201"), ...errors(401, 403, 404, 409) },
        },
      },
      "/api/v1/assessments/{id}/open": {
        parameters: [asm],
        post: {
          summary: "Open the round for answers",
          responses: { ...ok("The round"), ...errors(401, 403, 404, 409) },
        },
      },
      "/api/v1/assessments/{id}/close": {
        parameters: [asm],
        post: {
          summary: "Close the round and compute its immutable result",
          responses: { ...ok("The round"), ...errors(401, 403, 404, 409) },
        },
      },
      "/api/v1/assessments/{id}/result": {
        parameters: [asm],
        get: {
          summary: "The result of a closed round",
          description:
            "The immutable snapshot, scored with the round's framework version (`frameworkVersion`); fields a version does not have are absent. `overall` (score, stage and stage names null when under the framework's minimum coverage, 2027.2 on; `cappedBy` with each gate's reason; confidence and `confidenceReason`), `readyToScale` and `readyToScaleReason` (2027.2: every gate holding the stage below 3 and every diagnostic part not met, in words), `dimensions`, `diagnostic` (status met, partial, unmet, unknown or, 2027.2 on, disputed), `perceptionGaps` (2027.2: `sharedQuestions`, the questions both roles answered, at least two), `recommendations` in sequence order (2027.2: `done`, the definition of done; `action`, build or find_out; `blocksScaling` and `unblocks`, the gate ids and `diagnostic.<part>` keys it unblocks), `blindSpots` (2027.2: with the question's `text`), `visibilityGaps` (2027.2: roles that answered \"don't know\" about a practice its observers rated, with `dontKnowBy`, `observers`, `medianLevel` and a `finding` in words), `questions` (2027.2: `disputed` on critical and diagnostic questions, `notVisible` on observed ones).",
          responses: { ...ok("The result"), ...errors(401, 404) },
        },
      },
      "/api/v1/assessments/{id}/comments": {
        parameters: [asm],
        get: {
          summary: "A closed round's comments, as its result page shows them",
          description:
            "`questions` in the framework's order, each with its comments grouped by the level the respondent gave (`answerId`, `text`, `role`, `name` null in an anonymous round, `keyQuote`); `total`; `hiddenRoles` and `hiddenReason`: roles whose comments are withheld because fewer of them answered than the round's `minGroupSize`. 409 `conflict` before the round closes.",
          responses: { ...ok("The comments"), ...errors(401, 404, 409) },
        },
      },
      "/api/v1/comments/{id}/key-quote": {
        parameters: [idParam("id", "The comment's answer id (answerId in the comments list)")],
        put: {
          summary: "Mark or unmark a comment as a key quote for the reports",
          description:
            'Body `{ "keyQuote": true }` or `false`. Only a comment the caller can see may be marked; marking twice changes nothing. Answers `{ answerId, assessmentId, keyQuote }`.',
          requestBody: body(input(keyQuoteSchema.omit({ answerId: true }))),
          responses: {
            ...ok("The comment's key-quote state"),
            ...errors(400, 401, 403, 404, 413, 415, 422),
          },
        },
      },
      "/api/v1/assessments/{id}/workshops": {
        parameters: [asm],
        post: {
          summary:
            "Start a live workshop on an open round. The body is optional: `{}` runs the whole questionnaire; `plan` picks one dimension or the gating questions",
          requestBody: { ...body(input(createWorkshopSchema)), required: false },
          responses: {
            ...ok('`{ id, code, joinUrl, phase: "lobby" }`', "201"),
            ...errors(
              400,
              401,
              403,
              404,
              refusedWrite("round_not_open", "round_closed"),
              413,
              415,
              422,
            ),
          },
        },
      },
      "/api/v1/workshops/join": {
        get: {
          summary:
            "What a phone offers before joining (no authentication): `?code=` gives `{ roles, anonymous }`, the roles the round takes (in framework order) and whether it is anonymous (no name asked). Counted against the address like a join's code: 30 unknown codes in a minute, then 429",
          security: [],
          parameters: [{ name: "code", in: "query", required: true, schema: { type: "string" } }],
          responses: {
            ...ok("`{ roles: string[], anonymous: boolean }`"),
            ...errors(400, 404, 422, 429),
          },
        },
        post: {
          summary:
            "Join a workshop with its code (no authentication): become a respondent of the round. After 30 unknown or ended codes in a minute from one address, 429 until the minute is over (every attempt is counted before the code is looked up; a right code gives it back); 360 joins per 10 minutes per workshop and address, then 429; 409 `conflict` once the workshop has 2,000 participants",
          security: [],
          requestBody: body(input(joinWorkshopSchema)),
          responses: {
            ...ok("`{ workshopId, participantId, token }`: keep the token", "201"),
            ...errors(
              400,
              404,
              refusedWrite("round_not_open", "round_closed", "conflict"),
              413,
              415,
              422,
              429,
            ),
          },
        },
      },
      "/api/v1/workshops/{id}/state": {
        parameters: [workshop],
        get: {
          summary:
            "The room's state: `Authorization: Bearer <participant token>`, or a member's token or session. Poll it about once a second",
          responses: { ...stateOk("The room's state"), ...errors(401, 403, 404) },
        },
      },
      "/api/v1/workshops/{id}/vote": {
        parameters: [workshop],
        put: {
          summary:
            "A participant's vote on the open question (their answer to it; the last vote counts), with their token",
          requestBody: body(input(voteSchema)),
          responses: {
            ...ok("`{ questionId, value }`"),
            ...errors(
              400,
              401,
              403,
              404,
              roomRefusal(...WORKSHOP_REFUSALS, ...WRITE_REFUSALS),
              413,
              415,
              422,
              503,
            ),
          },
        },
      },
      "/api/v1/workshops/{id}/open": facilitatorAction(
        "Open voting on a question of the plan, with an optional countdown in seconds",
        openQuestionSchema,
      ),
      "/api/v1/workshops/{id}/reveal": facilitatorAction(
        "Reveal the votes on the current question",
      ),
      "/api/v1/workshops/{id}/agree": facilitatorAction(
        "Record the level the room agreed on the revealed question, with a reason; the round scores it",
        agreeSchema,
      ),
      "/api/v1/workshops/{id}/next": facilitatorAction(
        "Open the next question of the plan (optional body `{ seconds }`)",
        nextQuestionSchema,
      ),
      "/api/v1/workshops/{id}/back": facilitatorAction("Go back to the previous question"),
      "/api/v1/workshops/{id}/pause": facilitatorAction("Pause voting without revealing"),
      "/api/v1/workshops/{id}/end": facilitatorAction(
        "End the workshop (its code stops working; the round stays open)",
      ),
      "/api/v1/respond/{token}": {
        parameters: [token],
        get: {
          summary: "The questions for this respondent and the answers saved so far",
          security: [],
          responses: { ...ok("The questionnaire"), ...errors(404) },
        },
      },
      "/api/v1/respond/{token}/start": {
        parameters: [token],
        post: {
          summary: "Open link: choose a role, get a personal link",
          security: [],
          requestBody: body(input(chooseRoleSchema)),
          responses: {
            ...ok("The personal link", "201"),
            ...errors(
              400,
              404,
              refusedWrite("conflict", "link_withdrawn", "round_not_open", "round_closed"),
              413,
              415,
              422,
              429,
            ),
          },
        },
      },
      "/api/v1/respond/{token}/answers": {
        parameters: [token],
        put: {
          summary: "Save answers (merges; idempotent)",
          security: [],
          requestBody: body(answersBody),
          responses: {
            ...ok("Saved"),
            ...errors(400, 404, refusedWrite(...WRITE_REFUSALS), 413, 415, 422, 503),
          },
        },
      },
      "/api/v1/respond/{token}/submit": {
        parameters: [
          token,
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            schema: { type: "string", maxLength: 200 },
          },
        ],
        post: {
          summary:
            "Submit the answers (a retry with the same Idempotency-Key returns the first answer)",
          security: [],
          responses: {
            ...ok("Submitted"),
            ...errors(404, refusedWrite(...WRITE_REFUSALS), 422),
          },
        },
      },
    },
  };
}
