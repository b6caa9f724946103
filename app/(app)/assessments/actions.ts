"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formToObject, memberAction } from "@/lib/forms/action";
import {
  createAssessment,
  createInvitations,
  createOpenLink,
  openAssessment,
  revokeRespondentLink,
  type IssuedLink,
} from "@/lib/assessments/mutations";
import { closeAssessment } from "@/lib/results/mutations";
import { startNextRound } from "@/lib/assessments/next-round";
import { parseInvitationCsv } from "@/lib/assessments/csv";
import { emailRespondentLink, remindNotSubmitted } from "@/lib/assessments/mail";

export const createAssessmentAction = memberAction(async (ctx, formData) => {
  const fields = formToObject(formData, ["roles"]);
  const { organizationId, name, anonymous, minGroupSize, closesAt, roles } = fields;
  // One field per dimension, `targets.<dimension>`; a blank one keeps the framework's default.
  const targets = Object.fromEntries(
    Object.entries(fields).flatMap(([key, value]) =>
      key.startsWith("targets.") && typeof value === "string" && value.trim() !== ""
        ? [[key.slice("targets.".length), Number.isNaN(Number(value)) ? value : Number(value)]]
        : [],
    ),
  );
  const assessment = await createAssessment(ctx, String(organizationId ?? ""), {
    name,
    roles,
    anonymous: anonymous === "on",
    minGroupSize: minGroupSize ? Number(minGroupSize) : undefined,
    closesAt: closesAt ? String(closesAt) : undefined,
    targets,
    focusInitiativeId: fields.focusInitiativeId || null,
    showPreviousAnswers: fields.showPreviousAnswers === "on",
  });
  redirect(`/assessments/${assessment.id}?created=1`);
});

export const openAssessmentAction = memberAction(async (ctx, formData) => {
  const assessment = await openAssessment(ctx, String(formData.get("assessmentId") ?? ""));
  revalidatePath(`/assessments/${assessment.id}`);
  return { status: "success", message: "The round is open: respondents can answer now." };
});

export const closeAssessmentAction = memberAction(async (ctx, formData) => {
  const assessment = await closeAssessment(ctx, String(formData.get("assessmentId") ?? ""));
  redirect(`/assessments/${assessment.id}/result`);
});

export const inviteAction = memberAction<{ links: IssuedLink[] }>(async (ctx, formData) => {
  const assessmentId = String(formData.get("assessmentId") ?? "");
  const csv = String(formData.get("csv") ?? "").trim();
  const invitations = csv
    ? parseInvitationCsv(csv)
    : [
        {
          name: String(formData.get("name") ?? "").trim() || undefined,
          email: String(formData.get("email") ?? "").trim() || undefined,
          role: formData.get("role"),
        },
      ];
  const sendEmail = formData.get("sendEmail") === "on";
  const links = await createInvitations(ctx, assessmentId, { invitations, sendEmail });
  revalidatePath(`/assessments/${assessmentId}`);
  const emailed = sendEmail ? links.filter((l) => l.email).length : 0;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return {
    status: "success",
    message: `${plural(links.length, "link")} created${sendEmail ? `, ${emailed} to be emailed` : ""}.`,
    data: { links },
  };
});

export const openLinkAction = memberAction<{ links: IssuedLink[] }>(async (ctx, formData) => {
  const link = await createOpenLink(ctx, String(formData.get("assessmentId") ?? ""));
  return {
    status: "success",
    message: "Open link created (the previous one no longer works).",
    data: { links: [link] },
  };
});

export const revokeLinkAction = memberAction(async (ctx, formData) => {
  const assessmentId = String(formData.get("assessmentId") ?? "");
  await revokeRespondentLink(ctx, assessmentId, String(formData.get("invitationId") ?? ""));
  revalidatePath(`/assessments/${assessmentId}`);
  return { status: "success", message: "Link revoked." };
});

export type NextRoundData = {
  links: IssuedLink[];
  round: { id: string; name: string };
  carriedOverActions: number;
};

/** "Start next round": the new round's links are shown once, on the page that started it. */
export const startNextRoundAction = memberAction<NextRoundData>(async (ctx, formData) => {
  const { assessmentId, name } = formToObject(formData);
  const next = await startNextRound(
    ctx,
    String(assessmentId ?? ""),
    typeof name === "string" && name.trim() !== "" ? { name } : {},
  );
  revalidatePath(`/organizations/${next.round.organizationId}`);
  revalidatePath(`/assessments/${String(assessmentId ?? "")}`);
  const actions = next.carriedOverActions;
  return {
    status: "success",
    message: `${next.round.name} created as a draft with ${next.links.length} new link${next.links.length === 1 ? "" : "s"}${actions ? ` and ${actions} unfinished action${actions === 1 ? "" : "s"} carried over` : ""}.${next.links.length ? "" : " This round's links named nobody, so there was no one to invite again: invite respondents on the new round."}`,
    data: {
      links: next.links,
      round: { id: next.round.id, name: next.round.name },
      carriedOverActions: actions,
    },
  };
});

export const emailLinkAction = memberAction(async (ctx, formData) => {
  const assessmentId = String(formData.get("assessmentId") ?? "");
  const email = String(formData.get("email") ?? "").trim();
  const sent = await emailRespondentLink(ctx, assessmentId, {
    invitationId: String(formData.get("invitationId") ?? ""),
    ...(email ? { email } : {}),
  });
  revalidatePath(`/assessments/${assessmentId}`);
  return { status: "success", message: `The link is on its way to ${sent.email}.` };
});

export const remindAction = memberAction(async (ctx, formData) => {
  const assessmentId = String(formData.get("assessmentId") ?? "");
  const report = await remindNotSubmitted(ctx, assessmentId);
  const skipped = [
    report.recentlyMailed ? `${report.recentlyMailed} mailed in the last 24 hours` : "",
    report.optedOut ? `${report.optedOut} asked for no reminders` : "",
    report.noEmail ? `${report.noEmail} without an email address` : "",
  ].filter(Boolean);
  return {
    status: "success",
    message: `${report.queued} reminder${report.queued === 1 ? "" : "s"} queued.${skipped.length ? ` Not reminded: ${skipped.join(", ")}.` : ""}`,
  };
});
