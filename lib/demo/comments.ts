import "server-only";
import { getDb } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { getFramework, type RespondentRole } from "@/lib/framework";
import { setKeyQuote } from "@/lib/comments/mutations";

// Respondents' comments on the demo's latest round, the evidence behind its scores, and the key
// quotes a consultant picked for the report. Written onto answers the history already gave (the
// seed writes answers the way history.ts does), marked through the app's own mutation.

const COMMENTS: { dimension: string; role: RespondentRole; text: string; keyQuote?: boolean }[] = [
  {
    dimension: "integration",
    role: "technical",
    text: "Every depot runs its own TMS version; the route assistant reads two of them through a nightly export, so plans are a day old by the time drivers see them.",
    keyQuote: true,
  },
  {
    dimension: "integration",
    role: "business",
    text: "Dispatchers still re-key the suggested routes by hand into the old planning screen.",
  },
  {
    dimension: "ownership",
    role: "business",
    text: "If the assistant sends a driver the wrong way at scale, I honestly do not know who answers for it: IT says operations, operations says the vendor.",
    keyQuote: true,
  },
  {
    dimension: "monitoring",
    role: "technical",
    text: "We look at accuracy once a month in a spreadsheet. Nothing alerts us when the suggestions drift.",
    keyQuote: true,
  },
  {
    dimension: "data",
    role: "data",
    text: "Not sure anyone has audited the telematics feed for the depots we want to add next.",
  },
  {
    dimension: "leadership",
    role: "executive",
    text: "The COO uses the route dashboard in every weekly review, which has done more for adoption than any memo.",
  },
];

export async function seedComments(ctx: WorkspaceContext, organizationId: string): Promise<void> {
  const db = getDb();
  const round = await db.assessment.findFirst({
    where: { workspaceId: ctx.workspaceId, organizationId, state: "closed" },
    orderBy: { closedAt: "desc" },
    select: { id: true, frameworkVersion: true },
  });
  if (!round) return;
  const framework = getFramework(round.frameworkVersion);
  const responses = await db.response.findMany({
    where: { assessmentId: round.id },
    orderBy: { id: "asc" },
    select: { id: true, role: true },
  });
  const used = new Map<string, number>();
  for (const comment of COMMENTS) {
    const candidates = responses.filter((r) => r.role === comment.role);
    const n = used.get(comment.role) ?? 0;
    used.set(comment.role, n + 1);
    const response = candidates[n % Math.max(1, candidates.length)];
    const question = framework.dimensions
      .find((d) => d.id === comment.dimension)
      ?.questions.find((q) => q.audience.includes(comment.role));
    if (!response || !question) continue;
    const answer = await db.answer.findUnique({
      where: { responseId_questionId: { responseId: response.id, questionId: question.id } },
      select: { id: true },
    });
    if (!answer) continue;
    await db.answer.update({ where: { id: answer.id }, data: { comment: comment.text } });
    if (comment.keyQuote) await setKeyQuote(ctx, { answerId: answer.id, keyQuote: true });
  }
}
