import "server-only";
import { getDb, isUniqueViolation } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/mutations";
import { notFound, parseInput } from "@/lib/errors";
import { findVisibleComment } from "./data";
import { keyQuoteSchema } from "./schema";

/**
 * Marks or unmarks a respondent's comment as a key quote for the report. Only a comment the
 * caller can see may be marked (another workspace's, or one withheld by the minimum group, is
 * not found); marking twice changes nothing and writes no second audit event.
 */
export async function setKeyQuote(
  ctx: WorkspaceContext,
  input: unknown,
): Promise<{ answerId: string; assessmentId: string; keyQuote: boolean }> {
  assertCan(ctx, "assessment.manage");
  const data = parseInput(keyQuoteSchema, input);
  const comment = await findVisibleComment(ctx, data.answerId);
  if (!comment) throw notFound("Comment");
  const db = getDb();
  const write = () =>
    db.$transaction(async (tx) => {
      const existing = await tx.keyQuote.findUnique({
        where: { answerId: comment.answerId },
        select: { id: true },
      });
      if (Boolean(existing) === data.keyQuote) return;
      if (data.keyQuote) {
        await tx.keyQuote.create({
          data: {
            workspaceId: ctx.workspaceId,
            assessmentId: comment.assessmentId,
            answerId: comment.answerId,
            markedByUserId: ctx.userId,
          },
        });
      } else {
        await tx.keyQuote.delete({ where: { answerId: comment.answerId } });
      }
      await recordAudit(
        {
          workspaceId: ctx.workspaceId,
          actorUserId: ctx.userId,
          actorLabel: ctx.email,
          action: data.keyQuote ? "comment.key_quote_marked" : "comment.key_quote_unmarked",
          targetType: "answer",
          targetId: comment.answerId,
          detail: { assessmentId: comment.assessmentId, questionId: comment.questionId },
        },
        tx,
      );
    });
  try {
    await write();
  } catch (error) {
    // Two marks of the same comment at once: the second finds the first's row on a retry and
    // changes nothing, instead of a unique-index error.
    if (!isUniqueViolation(error)) throw error;
    await write();
  }
  return {
    answerId: comment.answerId,
    assessmentId: comment.assessmentId,
    keyQuote: data.keyQuote,
  };
}
