import type { Metadata } from "next";
import { Logo } from "@/components/shell/logo";
import { StopRemindersForm } from "@/components/respond/stop-reminders-form";
import { findStopRemindersTarget } from "@/lib/mail/stop";
import { stopRemindersAction } from "../actions";

export const metadata: Metadata = {
  title: "Stop reminders",
  referrer: "no-referrer",
  robots: { index: false },
};
export const dynamic = "force-dynamic";

// The "stop reminders" link of every mail to a respondent. Opening it changes nothing (mail
// scanners follow links): the person confirms with the button.
export default async function StopRemindersPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const target = await findStopRemindersTarget(token);
  return (
    <main className="flex min-h-dvh flex-col items-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10 sm:py-16">
      <Logo className="mb-8" />
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {!target ? (
          <>
            <h1 className="text-xl font-semibold">Link not valid</h1>
            <p className="mt-2 text-slate-600">
              This link is not valid. Check that it was copied whole from the email.
            </p>
          </>
        ) : target.stopped ? (
          <>
            <h1 className="text-xl font-semibold">Reminders are stopped</h1>
            <p className="mt-2 break-words text-slate-600">
              <strong>{target.email}</strong> gets no more reminders from {target.workspaceName}.
              Your personal link still works if you want to answer.
            </p>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">Stop reminders?</h1>
            <p className="mt-2 break-words text-slate-600">
              <strong>{target.workspaceName}</strong> will send no more reminders to{" "}
              <strong>{target.email}</strong> about its readiness assessments. Your personal link
              keeps working: you can still answer.
            </p>
            <StopRemindersForm token={token} action={stopRemindersAction} />
          </>
        )}
      </div>
    </main>
  );
}
