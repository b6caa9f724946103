import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RespondFrame } from "@/components/respond/respond-frame";
import { Questionnaire } from "@/components/respond/questionnaire";
import { RolePicker } from "@/components/respond/role-picker";
import { RoundClosed, RoundNotOpen } from "@/components/respond/end-screens";
import { Welcome } from "@/components/respond/welcome";
import { AppError } from "@/lib/errors";
import { getFramework } from "@/lib/framework";
import { getRespondentView, questionsFor, type RespondentView } from "@/lib/responses/data";
import { minutesText } from "@/lib/respond-client/copy";

// The link's token is the respondent's only credential: keep it out of Referer headers and
// out of search engines.
export const metadata: Metadata = {
  title: "Your answers",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};
export const dynamic = "force-dynamic";

async function loadView(token: string): Promise<RespondentView> {
  try {
    return await getRespondentView(token);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function RespondPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await loadView(token);
  const { round } = view;
  const subtitle = `${round.organizationName} · ${round.name}`;

  if (view.kind === "personal") {
    return (
      <RespondFrame subtitle={subtitle}>
        <Questionnaire token={token} view={view} />
      </RespondFrame>
    );
  }

  // The open link: nothing is saved against it, so its closed and not-open pages need no outbox.
  if (round.state === "closed")
    return (
      <RespondFrame subtitle={subtitle}>
        <RoundClosed round={round} unsent={0} />
      </RespondFrame>
    );
  if (round.state === "draft")
    return (
      <RespondFrame subtitle={subtitle}>
        <RoundNotOpen round={round} />
      </RespondFrame>
    );
  const framework = getFramework(round.frameworkVersion);
  const roles = view.roles.map((role) => ({
    role,
    questionCount: questionsFor(framework, role).reduce((n, s) => n + s.questions.length, 0),
  }));
  const counts = roles.map((r) => r.questionCount);
  const howLong =
    counts.length === 0
      ? ""
      : `Between ${Math.min(...counts)} and ${Math.max(...counts)} questions depending on your role, ${minutesText(Math.max(...counts))} at most.`;
  return (
    <RespondFrame subtitle={subtitle}>
      <Welcome round={round} howLong={howLong}>
        <RolePicker token={token} roles={roles} />
      </Welcome>
    </RespondFrame>
  );
}
