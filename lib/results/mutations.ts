import "server-only";
import { createHash } from "node:crypto";
import { getDb, lockForUpdate, type DbTx, type Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/mutations";
import { enqueueWebhookEvent } from "@/lib/webhooks/events";
import { kickWebhookWorker } from "@/lib/webhooks/worker";
import { AppError } from "@/lib/errors";
import { getFramework } from "@/lib/framework";
import { score, type ScoreInput } from "@/lib/scoring";
import { assessmentSelect, toAssessmentView, type AssessmentView } from "@/lib/assessments/data";
import { audit, findManaged } from "@/lib/assessments/mutations";
import { decodeAnswer } from "@/lib/assessments/schema";
import { agreedInResult, applyAgreedLevels } from "./agreed";
import { workshopPlanSchema } from "@/lib/workshops/schema";
import { buildScoreInput } from "./input";
import { parseStoredResult } from "./snapshot";

// Closing a round is where its result is born: the answers are read under the round's lock,
// scored, and stored as an immutable snapshot in the same transaction.

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
 * The result progress toward target is measured from: the first round of the chain of retakes
 * (the baseline), or the previous round for rounds made before baselines were recorded. Scores
 * of different framework versions do not compare point for point, so when the framework changed
 * since the baseline, the first closed round scored with this round's version after it stands in.
 */
async function findBaseline(
  tx: DbTx,
  assessment: { organizationId: string; frameworkVersion: string; closedAt: Date | null } & {
    baselineAssessmentId: string | null;
    previousAssessmentId: string | null;
  },
): Promise<{ assessmentId: string; result: Prisma.JsonValue; frameworkVersion: string } | null> {
  const id = assessment.baselineAssessmentId ?? assessment.previousAssessmentId;
  if (!id) return null;
  const recorded = await tx.result.findUnique({
    where: { assessmentId: id },
    select: {
      assessmentId: true,
      workspaceId: true,
      result: true,
      frameworkVersion: true,
      computedAt: true,
    },
  });
  if (!recorded || recorded.frameworkVersion === assessment.frameworkVersion) return recorded;
  return tx.result.findFirst({
    where: {
      workspaceId: recorded.workspaceId,
      organizationId: assessment.organizationId,
      frameworkVersion: assessment.frameworkVersion,
      computedAt: { gte: recorded.computedAt },
    },
    orderBy: [{ computedAt: "asc" }, { id: "asc" }],
    select: { assessmentId: true, result: true, frameworkVersion: true },
  });
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
  const view = await getDb().$transaction(async (tx) => {
    const found = await findManaged(tx, ctx, assessmentId);
    // Exclusive lock, then read the round again: saves and submits in flight finish before the
    // answers are read, and the ones after see the round closed (they take a shared lock on it).
    await lockForUpdate(tx, "Assessment", found.id);
    const assessment = await findManaged(tx, ctx, found.id);
    if (assessment.state === "closed")
      throw new AppError("conflict", "This round is already closed.");
    const responses = (
      await tx.response.findMany({
        where: { assessmentId: assessment.id },
        orderBy: { id: "asc" },
        select: {
          id: true,
          role: true,
          answers: { select: { questionId: true, value: true } },
          participant: { select: { workshop: { select: { plan: true } } } },
        },
      })
    ).map(({ participant, ...response }) => ({
      ...response,
      asked: participant ? workshopPlanSchema.parse(participant.workshop.plan).questionIds : null,
    }));
    const baseline = await findBaseline(tx, assessment);
    const baselineId = baseline?.assessmentId ?? null;
    const answered = buildScoreInput(
      assessment,
      responses,
      baseline
        ? {
            frameworkVersion: baseline.frameworkVersion,
            result: parseStoredResult(baseline.result, baselineId ?? ""),
          }
        : null,
    );
    // Levels agreed in a workshop replace the answers to their questions (./agreed.ts).
    const agreed = (
      await tx.agreedLevel.findMany({
        where: { assessmentId: assessment.id },
        select: { questionId: true, value: true, reason: true, agreedAt: true },
      })
    ).flatMap((a) => {
      const value = decodeAnswer(a.value);
      return value === null ? [] : [{ ...a, value }];
    });
    const input = applyAgreedLevels(answered, agreed);
    if (input.responses.length === 0) {
      throw new AppError(
        "conflict",
        "Nobody has answered yet: there is nothing to score. Invite respondents first.",
      );
    }
    const framework = getFramework(assessment.frameworkVersion);
    const result = score(input, { framework });
    // Beside each agreed level, the median of the individual answers (scored without them).
    const snapshot = agreed.length
      ? { ...result, agreed: agreedInResult(agreed, score(answered, { framework })) }
      : result;
    await tx.result.create({
      data: {
        workspaceId: ctx.workspaceId,
        assessmentId: assessment.id,
        frameworkVersion: assessment.frameworkVersion,
        result: snapshot as unknown as Prisma.InputJsonValue,
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
    // A workshop still running would take votes and agreed levels the result never scores: it
    // ends with the round (its code freed), under the same lock its actions wait for.
    await tx.workshop.updateMany({
      where: { assessmentId: assessment.id, phase: { not: "ended" } },
      data: { phase: "ended", liveCode: null, endedAt: now, countdownEndsAt: null },
    });
    await recordAudit(
      audit(ctx, "assessment.closed", assessment.id, {
        responses: input.responses.length,
        stage: result.overall.stage,
      }),
      tx,
    );
    // Announced in the same transaction: subscribers hear of a round that did close, once.
    await enqueueWebhookEvent(tx, {
      workspaceId: ctx.workspaceId,
      event: "round.closed",
      eventKey: `round.closed:${assessment.id}`,
      data: {
        round: {
          id: assessment.id,
          name: assessment.name,
          organizationId: assessment.organizationId,
          frameworkVersion: assessment.frameworkVersion,
          closedAt: now.toISOString(),
        },
        result: {
          respondents: input.responses.length,
          score: result.overall.score,
          stage: result.overall.stage,
          readyToScale: result.readyToScale,
        },
      },
      now,
    });
    return toAssessmentView(row);
  });
  kickWebhookWorker();
  return view;
}
