import { AppError, type ErrorCode } from "@/lib/errors";

// Every write a respondent makes through a link (starting from the open link, saving answers,
// submitting) asks this one function whether the link and its round still take it. Each refusal
// has its own code, so the respondent's page branches on the code, never on the wording.

/** The refusals, one code each (all 409), as the API documents them. */
export const WRITE_REFUSALS = [
  "link_withdrawn",
  "round_not_open",
  "round_closed",
  "already_submitted",
] as const satisfies readonly ErrorCode[];

/** What decides it, read however the write reads its link (the save's SQL, Prisma elsewhere). */
export type LinkWriteState = {
  /** Withdrawn by the round's consultant (a new open link withdraws the previous one). */
  revoked: boolean;
  assessmentState: string;
  /** The link's response was submitted; an open link has none, so false. */
  submitted: boolean;
};

/**
 * Throws the refusal (409) that applies, the link's first: a withdrawn link is why, whatever its
 * round. Only a caller holding the right token gets here (an unknown one is 404 before), so
 * `link_withdrawn` tells nobody more than they know: that the link existed.
 */
export function assertLinkTakesWrites(link: LinkWriteState): void {
  if (link.revoked)
    throw new AppError(
      "link_withdrawn",
      "This link was withdrawn: it takes no more answers. Ask the person who sent it for a new one.",
    );
  if (link.assessmentState === "closed")
    throw new AppError(
      "round_closed",
      "This round has closed: it takes no more answers. Thank you.",
    );
  if (link.assessmentState !== "open")
    throw new AppError(
      "round_not_open",
      "This round has not opened yet. Try again when your consultant opens it.",
    );
  if (link.submitted)
    throw new AppError("already_submitted", "These answers were already submitted.");
}
