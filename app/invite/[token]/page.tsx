import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { AcceptInvitation, JoinAsNewUser } from "@/components/auth/invitation-forms";
import { currentSession } from "@/lib/auth/server";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/roles";
import { previewInvitation } from "@/lib/members/data";
import { acceptAsNewUserAction, acceptInvitationAction } from "../actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

const PROBLEMS = {
  invalid:
    "This invitation link is not valid. Check that it was copied whole, or ask for a new one.",
  expired: "This invitation has expired. Ask the person who invited you for a new link.",
  used: "This invitation has already been used. If that was you, sign in.",
  revoked: "This invitation was withdrawn. Ask the person who invited you for a new link.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, session] = await Promise.all([previewInvitation(token), currentSession()]);
  return (
    <main className="flex min-h-dvh flex-col items-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10 sm:py-16">
      <Logo className="mb-8" />
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {invitation.status !== "valid" ? (
          <>
            <h1 className="text-xl font-semibold">Invitation unavailable</h1>
            <p className="mt-2 text-slate-600">{PROBLEMS[invitation.status]}</p>
            <Link href="/login" className="mt-6 inline-block font-medium text-brand-700 underline">
              Go to sign in
            </Link>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">Join {invitation.workspaceName}</h1>
            <p className="mt-2 text-slate-600">
              You are invited as <strong>{ROLE_LABELS[invitation.role]}</strong>:{" "}
              {ROLE_DESCRIPTIONS[invitation.role]}
            </p>
            {session.kind === "anonymous" ? (
              <JoinAsNewUser
                token={token}
                email={invitation.email}
                action={acceptAsNewUserAction}
              />
            ) : (
              <AcceptInvitation
                token={token}
                email={session.kind === "member" ? session.ctx.email : session.email}
                action={acceptInvitationAction}
              />
            )}
          </>
        )}
      </div>
    </main>
  );
}
