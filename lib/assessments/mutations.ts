import "server-only";
import { createHash } from "node:crypto";
import { getDb, lockForUpdate, type DbTx, type Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { organizationScope } from "@/lib/organizations/scope";
import { getFramework, type RespondentRole } from "@/lib/framework";
import { score, type ScoreInput } from "@/lib/scoring";
import { assessmentSelect, toAssessmentView, type AssessmentView } from "./data";
import { createAssessmentSchema, decodeAnswer, invitationsSchema } from "./schema";
import { assessmentScope } from "./scope";

function audit(
  ctx: WorkspaceContext,
  action: string,
  targetId: string,
  detail?: Prisma.InputJsonValue,
) {
  return {
    workspaceId: ctx.workspaceId,
    actorUserId: ctx.userId,
    actorLabel: ctx.email,
    action,
    targetType: "assessment",
    targetId,
    detail,
  };
}

async function findManaged(tx: DbTx, ctx: WorkspaceContext, id: string) {
  const row = await tx.assessment.findFirst({
    where: { ...assessmentScope(ctx), id },
    select: assessmentSelect,
  });
  if (!row) throw notFound("Assessment");
  return toAssessmentView(row);
}

export async function createAssessment(
  ctx: WorkspaceContext,
  organizationId: string,
  input: unknown,
): Promise<AssessmentView> {
  assertCan(ctx, "assessment.manage");
  const data = parseInput(createAssessmentSchema, input);
  return getDb().$transaction(async (tx) => {
    const organization = await tx.organization.findFirst({
      where: { ...organizationScope(ctx), id: organizationId },
      select: { id: true },
    });
    if (!organization) throw notFound("Organisation");
    const previous = await tx.assessment.findFirst({
      where: { workspaceId: ctx.workspaceId, organizationId, state: "closed" },
      orderBy: { closedAt: "desc" },
      select: { id: true },
    });
    const row = await tx.assessment.create({
      data: {
        workspaceId: ctx.workspaceId,
        organizationId,
        name: data.name,
        frameworkVersion: data.frameworkVersion,
        roles: data.roles,
        anonymous: data.anonymous,
        minGroupSize: data.minGroupSize,
        opensAt: data.opensAt,
        closesAt: data.closesAt,
        targets: data.targets ?? undefined,
        previousAssessmentId: previous?.id ?? null,
      },
      select: assessmentSelect,
    });
    await recordAudit(
      audit(ctx, "assessment.created", row.id, { name: row.name, organizationId }),
      tx,
    );
    return toAssessmentView(row);
  });
}

export type IssuedLink = {
  id: string;
  token: string;
  path: string;
  role: RespondentRole | null;
  name: string | null;
  email: string | null;
};

const respondPath = (token: string) => `/respond/${token}`;

/** Personal links, one per respondent with the role preset. Tokens are returned once. */
export async function createInvitations(
  ctx: WorkspaceContext,
  assessmentId: string,
  input: unknown,
): Promise<IssuedLink[]> {
  assertCan(ctx, "assessment.manage");
  const { invitations } = parseInput(invitationsSchema, input);
  return getDb().$transaction(async (tx) => {
    const assessment = await findManaged(tx, ctx, assessmentId);
    if (assessment.state === "closed") {
      throw new AppError("conflict", "This round is closed: it takes no more respondents.");
    }
    invitations.forEach((inv, i) => {
      if (!assessment.roles.includes(inv.role)) {
        throw new AppError(
          "validation_failed",
          `The role "${inv.role}" does not take part in this round.`,
          {
            fields: { [`invitations.${i}.role`]: `Choose one of ${assessment.roles.join(", ")}.` },
          },
        );
      }
    });
    const issued: IssuedLink[] = [];
    for (const inv of invitations) {
      const token = createSecretToken("gmr");
      const row = await tx.assessmentInvitation.create({
        data: {
          workspaceId: ctx.workspaceId,
          assessmentId: assessment.id,
          kind: "personal",
          tokenHash: hashSecretToken(token),
          role: inv.role,
          name: inv.name || null,
          email: inv.email ?? null,
          response: {
            create: { workspaceId: ctx.workspaceId, assessmentId: assessment.id, role: inv.role },
          },
        },
        select: { id: true },
      });
      issued.push({
        id: row.id,
        token,
        path: respondPath(token),
        role: inv.role,
        name: inv.name || null,
        email: inv.email ?? null,
      });
    }
    await recordAudit(
      audit(ctx, "assessment.invited", assessment.id, { count: issued.length }),
      tx,
    );
    return issued;
  });
}

/** The one open link of a round: a new token each time (the previous open link is revoked). */
export async function createOpenLink(
  ctx: WorkspaceContext,
  assessmentId: string,
): Promise<IssuedLink> {
  assertCan(ctx, "assessment.manage");
  return getDb().$transaction(async (tx) => {
    const assessment = await findManaged(tx, ctx, assessmentId);
    if (assessment.state === "closed") throw new AppError("conflict", "This round is closed.");
    await tx.assessmentInvitation.updateMany({
      where: { assessmentId: assessment.id, kind: "open", revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const token = createSecretToken("gmo");
    const row = await tx.assessmentInvitation.create({
      data: {
        workspaceId: ctx.workspaceId,
        assessmentId: assessment.id,
        kind: "open",
        tokenHash: hashSecretToken(token),
      },
      select: { id: true },
    });
    await recordAudit(audit(ctx, "assessment.open_link_created", assessment.id), tx);
    return { id: row.id, token, path: respondPath(token), role: null, name: null, email: null };
  });
}

export async function revokeRespondentLink(
  ctx: WorkspaceContext,
  assessmentId: string,
  invitationId: string,
): Promise<void> {
  assertCan(ctx, "assessment.manage");
  await getDb().$transaction(async (tx) => {
    const assessment = await findManaged(tx, ctx, assessmentId);
    const result = await tx.assessmentInvitation.updateMany({
      where: { id: invitationId, assessmentId: assessment.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) throw notFound("Active link");
    await recordAudit(audit(ctx, "assessment.link_revoked", assessment.id, { invitationId }), tx);
  });
}

export async function openAssessment(
  ctx: WorkspaceContext,
  assessmentId: string,
): Promise<AssessmentView> {
  assertCan(ctx, "assessment.manage");
  return getDb().$transaction(async (tx) => {
    const assessment = await findManaged(tx, ctx, assessmentId);
    if (assessment.state === "open") return assessment;
    if (assessment.state === "closed")
      throw new AppError("conflict", "A closed round cannot be opened again.");
    const row = await tx.assessment.update({
      where: { id: assessment.id },
      data: { state: "open", openedAt: new Date() },
      select: assessmentSelect,
    });
    await recordAudit(audit(ctx, "assessment.opened", assessment.id), tx);
    return toAssessmentView(row);
  });
}

/**
 * A stable fingerprint of the scored input: the same answers always give the same hash, also when
 * read back from PostgreSQL, whose JSONB keeps keys in its own order (hence the sorted keys).
 */
export function hashInput(input: ScoreInput): string {
  return createHash("sha256").update(canonicalJson(input)).digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Closes the round and writes its immutable result in the same transaction, so a round is never
 * closed without a result nor scored twice. Every answer given counts, submitted or not.
 */
export async function closeAssessment(
  ctx: WorkspaceContext,
  assessmentId: string,
  now = new Date(),
): Promise<AssessmentView> {
  assertCan(ctx, "assessment.manage");
  return getDb().$transaction(async (tx) => {
    const found = await findManaged(tx, ctx, assessmentId);
    // Exclusive lock, then read the round again: saves and submits in flight finish before the
    // answers are read, and the ones after see the round closed (they take a shared lock on it).
    await lockForUpdate(tx, "Assessment", found.id);
    const assessment = await findManaged(tx, ctx, found.id);
    if (assessment.state === "closed")
      throw new AppError("conflict", "This round is already closed.");
    const responses = await tx.response.findMany({
      where: { assessmentId: assessment.id },
      orderBy: { id: "asc" },
      select: { id: true, role: true, answers: { select: { questionId: true, value: true } } },
    });
    const input: ScoreInput = {
      frameworkVersion: assessment.frameworkVersion,
      responses: responses
        .filter((r) => r.answers.length > 0)
        .map((r, i) => ({
          respondent: assessment.anonymous ? `r${i + 1}` : r.id,
          role: r.role as RespondentRole,
          answers: Object.fromEntries(
            r.answers
              .map((a) => [a.questionId, decodeAnswer(a.value)] as const)
              .filter(
                (entry): entry is [string, NonNullable<ReturnType<typeof decodeAnswer>>] =>
                  entry[1] !== null,
              )
              .sort(([a], [b]) => a.localeCompare(b)),
          ),
        })),
      ...(assessment.targets ? { targets: assessment.targets } : {}),
    };
    if (input.responses.length === 0) {
      throw new AppError(
        "conflict",
        "Nobody has answered yet: there is nothing to score. Invite respondents first.",
      );
    }
    const baseline = assessment.previousAssessmentId
      ? await tx.result.findUnique({
          where: { assessmentId: assessment.previousAssessmentId },
          select: { result: true, frameworkVersion: true },
        })
      : null;
    if (baseline && baseline.frameworkVersion === assessment.frameworkVersion) {
      const previous = baseline.result as { dimensions?: { id: string; score: number | null }[] };
      const scores = Object.fromEntries(
        (previous.dimensions ?? [])
          .filter((d) => d.score !== null)
          .map((d) => [d.id, d.score as number]),
      );
      if (Object.keys(scores).length) input.baseline = scores;
    }
    const result = score(input, { framework: getFramework(assessment.frameworkVersion) });
    await tx.result.create({
      data: {
        workspaceId: ctx.workspaceId,
        assessmentId: assessment.id,
        frameworkVersion: assessment.frameworkVersion,
        result: result as unknown as Prisma.InputJsonValue,
        input: input as unknown as Prisma.InputJsonValue,
        inputHash: hashInput(input),
        computedAt: now,
        organizationId: assessment.organizationId,
        score: result.overall.score,
        stage: result.overall.stage,
        readyToScale: result.readyToScale,
      },
    });
    const row = await tx.assessment.update({
      where: { id: assessment.id },
      data: { state: "closed", closedAt: now },
      select: assessmentSelect,
    });
    await recordAudit(
      audit(ctx, "assessment.closed", assessment.id, {
        responses: input.responses.length,
        stage: result.overall.stage,
      }),
      tx,
    );
    return toAssessmentView(row);
  });
}
