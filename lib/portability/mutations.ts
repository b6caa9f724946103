import "server-only";
import { randomBytes } from "node:crypto";
import { getDb, type DbTx, type Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { checkLogo } from "@/lib/workspaces/logo";
import { DEFAULT_RETAKE_INTERVAL_DAYS } from "@/lib/workspaces/schema";
import { actorOf, canonicalJson, type PortabilityCaller } from "./data";
import type {
  ExportFile,
  ExportedOwner,
  ImportCounts,
  ImportProblem,
  ImportReport,
} from "./schema";
import { parseExportText } from "./validate";

// The import: one transaction that creates every record of the file the workspace does not hold
// yet, with new ids and every reference remapped, and records each created row's id in the file
// (ImportedRecord), so the same file imported again creates nothing. It adds, never changes: a
// record imported before is left as it is (a round since closed at the source stays as it was
// imported; its new responses are added). A dry run plans the same and writes nothing.

type Entity =
  | "organization"
  | "round"
  | "link"
  | "response"
  | "result"
  | "workshop"
  | "participant"
  | "initiative"
  | "statusChange"
  | "action";

const emptyCounts = (): ImportCounts => ({
  organizations: 0,
  rounds: 0,
  links: 0,
  responses: 0,
  answers: 0,
  results: 0,
  workshops: 0,
  participants: 0,
  agreedLevels: 0,
  initiatives: 0,
  statusChanges: 0,
  diagnosticParts: 0,
  actions: 0,
  grants: 0,
  keyQuotes: 0,
  logo: 0,
  retakeInterval: 0,
});

/**
 * New ids that sort in the order they were made (a time prefix and a counter, then randomness),
 * so rows created in the file's order are read back in that order: an export of the import lists
 * records as the file did. Lower-case letters and digits only, the same length as a cuid, so they
 * compare alike under SQLite's binary and PostgreSQL's collation.
 */
function idMaker(): () => string {
  const time = Date.now().toString(36).padStart(9, "0");
  let counter = 0;
  return () => {
    counter += 1;
    return `c${time}${counter.toString(36).padStart(6, "0")}${randomBytes(6).toString("hex").slice(0, 9)}`;
  };
}

/** A token hash nobody holds the token of: imported links and participants cannot be used. */
const deadTokenHash = () => hashSecretToken(randomBytes(32).toString("base64url"));

const toDate = (v: string) => new Date(v);
const toDateOrNull = (v: string | null) => (v === null ? null : new Date(v));
const json = (v: unknown) => canonicalJson(v) as Prisma.InputJsonValue;

type Rows = {
  organization: Prisma.OrganizationCreateManyInput[];
  grant: Prisma.OrganizationGrantCreateManyInput[];
  assessment: Prisma.AssessmentCreateManyInput[];
  invitation: Prisma.AssessmentInvitationCreateManyInput[];
  response: Prisma.ResponseCreateManyInput[];
  answer: Prisma.AnswerCreateManyInput[];
  keyQuote: Prisma.KeyQuoteCreateManyInput[];
  result: Prisma.ResultCreateManyInput[];
  workshop: Prisma.WorkshopCreateManyInput[];
  participant: Prisma.ParticipantCreateManyInput[];
  agreedLevel: Prisma.AgreedLevelCreateManyInput[];
  initiative: Prisma.InitiativeCreateManyInput[];
  statusChange: Prisma.InitiativeStatusChangeCreateManyInput[];
  diagnosticPart: Prisma.InitiativeDiagnosticPartCreateManyInput[];
  action: Prisma.ActionCreateManyInput[];
  imported: Prisma.ImportedRecordCreateManyInput[];
  /** The workspace's settings taken from the file (a workspace export), if any. */
  settings: Prisma.WorkspaceUpdateInput | null;
};

type Plan = {
  rows: Rows;
  /** ImportedRecord rows whose target was deleted since: replaced by this import. */
  stale: string[];
  report: Omit<ImportReport, "dryRun">;
  problems: ImportProblem[];
};

type Member = { memberId: string; userId: string; role: string };

/** Which of the file's records this workspace holds already (from an earlier import). */
async function existingImports(
  tx: DbTx,
  workspaceId: string,
): Promise<{ mapped: Map<string, string>; stale: string[] }> {
  const records = await tx.importedRecord.findMany({
    where: { workspaceId },
    select: { id: true, entity: true, sourceId: true, targetId: true },
  });
  if (records.length === 0) return { mapped: new Map(), stale: [] };
  // A target deleted since (an organisation and all it held) is imported afresh.
  const inWorkspace = { workspaceId };
  const [orgs, rounds, links, responses, results, workshops, participants, inits, changes, acts] =
    await Promise.all([
      tx.organization.findMany({ where: inWorkspace, select: { id: true } }),
      tx.assessment.findMany({ where: inWorkspace, select: { id: true } }),
      tx.assessmentInvitation.findMany({ where: inWorkspace, select: { id: true } }),
      tx.response.findMany({ where: inWorkspace, select: { id: true } }),
      tx.result.findMany({ where: inWorkspace, select: { id: true } }),
      tx.workshop.findMany({ where: inWorkspace, select: { id: true } }),
      tx.participant.findMany({ where: { workshop: inWorkspace }, select: { id: true } }),
      tx.initiative.findMany({ where: inWorkspace, select: { id: true } }),
      tx.initiativeStatusChange.findMany({
        where: { initiative: inWorkspace },
        select: { id: true },
      }),
      tx.action.findMany({ where: inWorkspace, select: { id: true } }),
    ]);
  const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const live: Record<Entity, Set<string>> = {
    organization: ids(orgs),
    round: ids(rounds),
    link: ids(links),
    response: ids(responses),
    result: ids(results),
    workshop: ids(workshops),
    participant: ids(participants),
    initiative: ids(inits),
    statusChange: ids(changes),
    action: ids(acts),
  };
  const mapped = new Map<string, string>();
  const stale: string[] = [];
  for (const r of records) {
    const set = (live as Record<string, Set<string> | undefined>)[r.entity];
    if (set?.has(r.targetId)) mapped.set(`${r.entity}:${r.sourceId}`, r.targetId);
    else stale.push(r.id);
  }
  return { mapped, stale };
}

async function buildPlan(tx: DbTx, workspaceId: string, file: ExportFile): Promise<Plan> {
  const { mapped, stale } = await existingImports(tx, workspaceId);
  const members = new Map<string, Member>(
    (
      await tx.member.findMany({
        where: { workspaceId },
        select: { id: true, userId: true, role: true, user: { select: { email: true } } },
      })
    ).map((m) => [m.user.email.toLowerCase(), { memberId: m.id, userId: m.userId, role: m.role }]),
  );
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { logoType: true, retakeIntervalDays: true },
  });
  const names = new Map(
    (await tx.organization.findMany({ where: { workspaceId }, select: { nameKey: true } })).map(
      (o) => [o.nameKey, true],
    ),
  );
  const newId = idMaker();
  const rows: Rows = {
    organization: [],
    grant: [],
    assessment: [],
    invitation: [],
    response: [],
    answer: [],
    keyQuote: [],
    result: [],
    workshop: [],
    participant: [],
    agreedLevel: [],
    initiative: [],
    statusChange: [],
    diagnosticPart: [],
    action: [],
    imported: [],
    settings: null,
  };
  const created = emptyCounts();
  const skipped = emptyCounts();
  const problems: ImportProblem[] = [];
  const unmatched = new Set<string>();
  const organizations: ImportReport["organizations"] = [];

  const memberOf = (email: string | null): Member | null => {
    if (email === null) return null;
    const found = members.get(email.toLowerCase());
    if (!found) unmatched.add(email);
    return found ?? null;
  };
  const userOf = (email: string | null) => memberOf(email)?.userId ?? null;
  const ownerColumns = (owner: ExportedOwner) => {
    if (owner === null) return { ownerMemberId: null, ownerName: null, ownerRole: null };
    if (owner.kind === "member") {
      const member = memberOf(owner.email);
      // A member this workspace does not have stays the owner by name.
      return member
        ? { ownerMemberId: member.memberId, ownerName: null, ownerRole: null }
        : { ownerMemberId: null, ownerName: owner.name, ownerRole: null };
    }
    return { ownerMemberId: null, ownerName: owner.name, ownerRole: owner.role };
  };
  /** The target id of a record: the one imported before, or a new one to create. */
  const target = (entity: Entity, sourceId: string): { id: string; isNew: boolean } => {
    const existing = mapped.get(`${entity}:${sourceId}`);
    if (existing) return { id: existing, isNew: false };
    const id = newId();
    rows.imported.push({ workspaceId, entity, sourceId, targetId: id });
    return { id, isNew: true };
  };

  for (const member of file.members) memberOf(member.email);

  // A workspace export's settings are taken where this workspace has not set its own: the logo
  // when it has none, the retake interval when it is the default quarter. Its own are kept.
  if (file.settings) {
    const { logo, retakeIntervalDays } = file.settings;
    const settings: Prisma.WorkspaceUpdateInput = {};
    if (logo && workspace.logoType === null) {
      const bytes = Buffer.from(logo.data, "base64");
      created.logo++;
      settings.logo = bytes;
      settings.logoType = checkLogo(new Uint8Array(bytes)).type;
      settings.logoUpdatedAt = toDateOrNull(logo.updatedAt);
    } else if (logo) skipped.logo++;
    if (
      retakeIntervalDays !== workspace.retakeIntervalDays &&
      workspace.retakeIntervalDays === DEFAULT_RETAKE_INTERVAL_DAYS
    ) {
      created.retakeInterval++;
      settings.retakeIntervalDays = retakeIntervalDays;
    } else skipped.retakeInterval++;
    if (Object.keys(settings).length) rows.settings = settings;
  }

  file.organizations.forEach((org, o) => {
    const orgTarget = target("organization", org.id);
    const nameKey = org.name.trim().toLowerCase();
    if (orgTarget.isNew) {
      if (names.has(nameKey))
        problems.push({
          path: `organizations.${o}.name`,
          message: `This workspace already has an organisation named "${org.name.trim()}" that did not come from this file. Rename one of them, then import again.`,
        });
      created.organizations++;
      rows.organization.push({
        id: orgTarget.id,
        workspaceId,
        name: org.name,
        nameKey,
        sector: org.sector,
        sizeBand: org.sizeBand,
        region: org.region,
        notes: org.notes,
        createdAt: toDate(org.createdAt),
        updatedAt: toDate(org.updatedAt),
      });
      for (const email of org.grantedTo) {
        const member = memberOf(email);
        if (member?.role !== "executive") continue;
        created.grants++;
        rows.grant.push({
          workspaceId,
          memberId: member.memberId,
          organizationId: orgTarget.id,
        });
      }
    } else skipped.organizations++;

    // Ids first: a round names the round before it, its baseline and its focus initiative, a link
    // the link it continues, an action its round; any of them may come later in the file.
    const roundTargets = new Map(org.rounds.map((r) => [r.id, target("round", r.id)]));
    const initiativeTargets = new Map(
      org.initiatives.map((i) => [i.id, target("initiative", i.id)]),
    );
    const linkTargets = new Map(
      org.rounds.flatMap((r) => r.links.map((l) => [l.id, target("link", l.id)] as const)),
    );
    const roundIdOf = (sourceId: string | undefined) =>
      sourceId === undefined ? null : (roundTargets.get(sourceId)?.id ?? null);
    let createdHere = orgTarget.isNew ? 1 : 0;
    for (const round of org.rounds) {
      const roundTarget = roundTargets.get(round.id)!;
      if (roundTarget.isNew) {
        created.rounds++;
        createdHere++;
        rows.assessment.push({
          id: roundTarget.id,
          workspaceId,
          organizationId: orgTarget.id,
          name: round.name,
          frameworkVersion: round.frameworkVersion,
          state: round.state,
          roles: json(round.roles),
          anonymous: round.anonymous,
          minGroupSize: round.minGroupSize,
          opensAt: toDateOrNull(round.opensAt),
          closesAt: toDateOrNull(round.closesAt),
          targets: round.targets === null ? undefined : json(round.targets),
          previousAssessmentId: round.previousRoundId
            ? (roundTargets.get(round.previousRoundId)?.id ?? null)
            : null,
          baselineAssessmentId: roundIdOf(round.baselineRoundId),
          focusInitiativeId: round.focusInitiativeId
            ? (initiativeTargets.get(round.focusInitiativeId)?.id ?? null)
            : null,
          showPreviousAnswers: round.showPreviousAnswers ?? false,
          createdAt: toDate(round.createdAt),
          updatedAt: toDate(round.updatedAt),
          openedAt: toDateOrNull(round.openedAt),
          closedAt: toDateOrNull(round.closedAt),
        });
      } else skipped.rounds++;
      for (const link of round.links) {
        const t = linkTargets.get(link.id)!;
        if (!t.isNew) {
          skipped.links++;
          continue;
        }
        created.links++;
        createdHere++;
        rows.invitation.push({
          id: t.id,
          workspaceId,
          assessmentId: roundTarget.id,
          kind: link.kind,
          tokenHash: deadTokenHash(),
          role: link.role,
          name: link.name,
          email: link.email,
          previousInvitationId: link.previousLinkId
            ? (linkTargets.get(link.previousLinkId)?.id ?? null)
            : null,
          createdAt: toDate(link.createdAt),
          revokedAt: toDateOrNull(link.revokedAt),
        });
      }
      const responseTargets = new Map<string, string>();
      for (const response of round.responses) {
        const t = target("response", response.id);
        responseTargets.set(response.id, t.id);
        if (!t.isNew) {
          skipped.responses++;
          skipped.answers += response.answers.length;
          skipped.keyQuotes += response.answers.filter((a) => a.keyQuote).length;
          continue;
        }
        created.responses++;
        createdHere++;
        rows.response.push({
          id: t.id,
          workspaceId,
          assessmentId: roundTarget.id,
          invitationId: linkTargets.get(response.linkId)!.id,
          role: response.role,
          startedAt: toDateOrNull(response.startedAt),
          submittedAt: toDateOrNull(response.submittedAt),
          updatedAt: toDate(response.updatedAt),
        });
        for (const answer of response.answers) {
          created.answers++;
          // Made here, not by the database, so a key quote can name its answer (all of them:
          // ids of one kind sort alike, and lists of comments read in the order of the file).
          const answerId = newId();
          rows.answer.push({
            id: answerId,
            responseId: t.id,
            questionId: answer.questionId,
            value: answer.value,
            comment: answer.comment,
            updatedAt: toDate(answer.updatedAt),
          });
          if (answer.keyQuote) {
            created.keyQuotes++;
            rows.keyQuote.push({
              workspaceId,
              assessmentId: roundTarget.id,
              answerId,
              markedByUserId: userOf(answer.keyQuote.markedBy),
              markedAt: toDate(answer.keyQuote.markedAt),
            });
          }
        }
      }
      if (round.result) {
        const t = target("result", round.result.id);
        // A round imported before keeps what it had: its result (or none) is not added later.
        if (t.isNew && roundTarget.isNew) {
          created.results++;
          rows.result.push({
            id: t.id,
            workspaceId,
            assessmentId: roundTarget.id,
            organizationId: orgTarget.id,
            frameworkVersion: round.result.frameworkVersion,
            result: json(round.result.result),
            input: json(round.result.input),
            inputHash: round.result.inputHash,
            computedAt: toDate(round.result.computedAt),
            score: round.result.score,
            stage: round.result.stage,
            readyToScale: round.result.readyToScale,
          });
        } else {
          if (t.isNew) rows.imported.pop();
          skipped.results++;
        }
      }
      for (const workshop of round.workshops) {
        const t = target("workshop", workshop.id);
        if (!t.isNew) {
          skipped.workshops++;
          skipped.participants += workshop.participants.length;
          skipped.agreedLevels += workshop.agreedLevels.length;
          continue;
        }
        created.workshops++;
        createdHere++;
        rows.workshop.push({
          id: t.id,
          workspaceId,
          assessmentId: roundTarget.id,
          code: workshop.code,
          // An imported workshop is not live: its code joins nobody on this instance.
          liveCode: null,
          phase: workshop.phase,
          plan: json(workshop.plan),
          currentQuestionId: workshop.currentQuestionId,
          countdownEndsAt: toDateOrNull(workshop.countdownEndsAt),
          expectedParticipants: workshop.expectedParticipants ?? null,
          createdByUserId: userOf(workshop.createdBy),
          createdAt: toDate(workshop.createdAt),
          updatedAt: toDate(workshop.updatedAt),
          endedAt: toDateOrNull(workshop.endedAt),
        });
        for (const p of workshop.participants) {
          const pt = target("participant", p.id);
          if (!pt.isNew) continue;
          const responseId = responseTargets.get(p.responseId)!;
          created.participants++;
          rows.participant.push({
            id: pt.id,
            workshopId: t.id,
            responseId,
            tokenHash: deadTokenHash(),
            joinedAt: toDate(p.joinedAt),
          });
        }
        for (const level of workshop.agreedLevels) {
          if (!roundTarget.isNew) {
            // The round already has its agreed levels: one per question.
            skipped.agreedLevels++;
            continue;
          }
          created.agreedLevels++;
          rows.agreedLevel.push({
            workspaceId,
            assessmentId: roundTarget.id,
            workshopId: t.id,
            questionId: level.questionId,
            value: level.value,
            reason: level.reason,
            agreedByUserId: userOf(level.agreedBy),
            agreedAt: toDate(level.agreedAt),
          });
        }
      }
    }
    for (const initiative of org.initiatives) {
      const t = initiativeTargets.get(initiative.id)!;
      if (t.isNew) {
        created.initiatives++;
        createdHere++;
        rows.initiative.push({
          id: t.id,
          workspaceId,
          organizationId: orgTarget.id,
          name: initiative.name,
          businessFunction: initiative.businessFunction,
          workflow: initiative.workflow,
          dataSources: initiative.dataSources,
          status: initiative.status,
          ...ownerColumns(initiative.owner),
          createdAt: toDate(initiative.createdAt),
          updatedAt: toDate(initiative.updatedAt),
        });
        for (const part of initiative.diagnostic) {
          created.diagnosticParts++;
          rows.diagnosticPart.push({
            initiativeId: t.id,
            part: part.part,
            status: part.status,
            evidence: part.evidence,
            links: part.links,
            checkedAt: toDate(part.checkedAt),
            checkedByUserId: userOf(part.checkedBy),
            checkedByLabel: part.checkedByLabel,
          });
        }
      } else {
        skipped.initiatives++;
        skipped.diagnosticParts += initiative.diagnostic.length;
      }
      for (const change of initiative.statusChanges) {
        const ct = target("statusChange", change.id);
        if (!ct.isNew) {
          skipped.statusChanges++;
          continue;
        }
        created.statusChanges++;
        createdHere++;
        rows.statusChange.push({
          id: ct.id,
          initiativeId: t.id,
          fromStatus: change.fromStatus,
          toStatus: change.toStatus,
          changedAt: toDate(change.changedAt),
          changedByUserId: userOf(change.changedBy),
          changedByLabel: change.changedByLabel,
          overrideReason: change.overrideReason,
          overriddenParts: change.overriddenParts,
        });
      }
    }
    for (const action of org.actions) {
      const t = target("action", action.id);
      if (!t.isNew) {
        skipped.actions++;
        continue;
      }
      created.actions++;
      createdHere++;
      rows.action.push({
        id: t.id,
        workspaceId,
        organizationId: orgTarget.id,
        title: action.title,
        dimension: action.dimension,
        recommendationId: action.recommendationId,
        ...ownerColumns(action.owner),
        dueDate: toDateOrNull(action.dueDate),
        status: action.status,
        completedAt: toDateOrNull(action.completedAt),
        assessmentId: roundIdOf(action.roundId),
        createdAt: toDate(action.createdAt),
        updatedAt: toDate(action.updatedAt),
      });
    }
    organizations.push({
      sourceId: org.id,
      name: org.name,
      outcome: orgTarget.isNew ? "create" : createdHere > 0 ? "update" : "unchanged",
    });
  });

  return {
    rows,
    stale,
    problems,
    report: {
      created,
      skipped,
      organizations,
      unmatchedMembers: [...unmatched].sort(),
    },
  };
}

/** Writes the plan's rows, parents before children (an initiative before the rounds it focuses). */
async function writePlan(tx: DbTx, workspaceId: string, rows: Rows): Promise<void> {
  if (rows.settings)
    await tx.workspace.update({
      where: { id: workspaceId },
      data: rows.settings,
      select: { id: true },
    });
  if (rows.organization.length) await tx.organization.createMany({ data: rows.organization });
  if (rows.grant.length) await tx.organizationGrant.createMany({ data: rows.grant });
  if (rows.initiative.length) await tx.initiative.createMany({ data: rows.initiative });
  if (rows.assessment.length) await tx.assessment.createMany({ data: rows.assessment });
  if (rows.invitation.length) await tx.assessmentInvitation.createMany({ data: rows.invitation });
  if (rows.response.length) await tx.response.createMany({ data: rows.response });
  if (rows.answer.length) await tx.answer.createMany({ data: rows.answer });
  if (rows.keyQuote.length) await tx.keyQuote.createMany({ data: rows.keyQuote });
  if (rows.result.length) await tx.result.createMany({ data: rows.result });
  if (rows.workshop.length) await tx.workshop.createMany({ data: rows.workshop });
  if (rows.participant.length) await tx.participant.createMany({ data: rows.participant });
  if (rows.agreedLevel.length) await tx.agreedLevel.createMany({ data: rows.agreedLevel });
  if (rows.statusChange.length)
    await tx.initiativeStatusChange.createMany({ data: rows.statusChange });
  if (rows.diagnosticPart.length)
    await tx.initiativeDiagnosticPart.createMany({ data: rows.diagnosticPart });
  if (rows.action.length) await tx.action.createMany({ data: rows.action });
  if (rows.imported.length) await tx.importedRecord.createMany({ data: rows.imported });
}

function refused(problems: ImportProblem[]): AppError {
  const fields: Record<string, string> = {};
  for (const p of problems)
    fields[p.path] = fields[p.path] ? `${fields[p.path]} ${p.message}` : p.message;
  const count = problems.length;
  return new AppError(
    "validation_failed",
    `The file was not imported: ${count} ${count === 1 ? "problem" : "problems"} found (listed by place in the file). Nothing was written.`,
    { fields },
  );
}

// An import of a large workspace is one transaction: Prisma's default of 5 s is far too short.
const TRANSACTION = { maxWait: 30_000, timeout: 10 * 60_000 };

/**
 * Imports an export file (its text, as read) into the caller's workspace; with `dryRun`, says
 * what it would create and writes nothing. A file with any problem is refused whole (422
 * `validation_failed`, every problem in `fields` keyed by its JSON path).
 */
export async function importExport(
  caller: PortabilityCaller,
  text: string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  if (caller.kind === "member") assertCan(caller.ctx, "workspace.import");
  const parsed = parseExportText(text);
  if (!parsed.ok) throw refused(parsed.problems);
  const workspaceId = caller.kind === "member" ? caller.ctx.workspaceId : caller.system.workspaceId;
  const file = parsed.file;
  return getDb().$transaction(async (tx) => {
    const plan = await buildPlan(tx, workspaceId, file);
    if (plan.problems.length) throw refused(plan.problems);
    if (options.dryRun) return { dryRun: true, ...plan.report };
    if (plan.stale.length)
      await tx.importedRecord.deleteMany({ where: { id: { in: plan.stale } } });
    await writePlan(tx, workspaceId, plan.rows);
    const actor = actorOf(caller);
    await recordAudit(
      {
        workspaceId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: "workspace.imported",
        targetType: "workspace",
        targetId: workspaceId,
        detail: {
          source: file.source.workspaceName,
          scope: file.scope,
          created: plan.report.created,
        },
      },
      tx,
    );
    return { dryRun: false, ...plan.report };
  }, TRANSACTION);
}
