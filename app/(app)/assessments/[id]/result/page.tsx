import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format";
import {
  AgreedLevels,
  DimensionBars,
  RecommendationList,
  VisibilityGaps,
} from "@/components/assessments/result-view";
import { DashboardHeadline } from "@/components/dashboard/headline";
import { DiagnosticStatusLights } from "@/components/dashboard/diagnostic";
import { CommentsSection } from "@/components/comments/comments-section";
import { AnswerChanges } from "@/components/assessments/answer-changes";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { setKeyQuoteAction } from "../../../comments/actions";
import { getResultPage } from "@/lib/results/data";
import { findInitiative } from "@/lib/initiatives/data";

export const metadata: Metadata = { title: "Result" };

export default async function ResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const page = await getResultPage(ctx, id);
  if (!page) notFound();
  const { assessment, result, answerChanges } = page;
  const focus = assessment.focusInitiativeId
    ? await findInitiative(ctx, assessment.focusInitiativeId)
    : null;
  const back = (
    <Link className="text-sm text-slate-600 hover:underline" href={`/assessments/${assessment.id}`}>
      ← {assessment.name}
    </Link>
  );
  if (!result) {
    return (
      <>
        {back}
        <EmptyState
          title="No result yet"
          action={<LinkButton href={`/assessments/${assessment.id}`}>Back to the round</LinkButton>}
        >
          The result is computed when the round closes.
        </EmptyState>
      </>
    );
  }
  const { explanation } = result;
  return (
    <>
      {back}
      <PageHeader
        title={`${assessment.name}: result`}
        description={`Scored with framework ${result.frameworkVersion} on ${formatDate(result.computedAt)} from ${result.responseCount} response${result.responseCount === 1 ? "" : "s"}. This snapshot never changes.`}
      />
      <div className="space-y-6">
        <DashboardHeadline headline={result.headline} />
        <Card>
          <h2 className="text-lg font-semibold">The three-part diagnostic</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            Before any scaling decision: data audited at the workflow level, an accountable owner,
            monitoring built before go-live.
          </p>
          <DiagnosticStatusLights diagnostic={result.result.diagnostic} />
          {focus ? (
            <p className="mt-4 text-sm text-slate-700">
              This round focused on the initiative{" "}
              <Link
                className="font-medium text-brand-700 underline"
                href={`/initiatives/${focus.id}#diagnostic`}
              >
                {focus.name}
              </Link>
              : its diagnostic is offered there as the initiative&apos;s, for a consultant to
              confirm part by part with evidence.
            </p>
          ) : null}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">The seven dimensions</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{explanation.overall.summary}</p>
          <DimensionBars
            result={result.result}
            explanation={explanation}
            agreedQuestionIds={new Set(result.agreedQuestions.map((a) => a.questionId))}
          />
        </Card>
        {answerChanges ? (
          <Card>
            <h2 className="text-lg font-semibold">What returning respondents changed</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">
              Each returning respondent saw their own last answer beside each question and kept it
              or changed it.
            </p>
            <AnswerChanges changes={answerChanges} />
          </Card>
        ) : null}
        {result.agreedQuestions.length > 0 ? (
          <Card>
            <h2 className="text-lg font-semibold">Agreed in workshop</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">
              The room voted blind, saw the spread and agreed a level. The round scores the agreed
              level; the median of the individual votes is kept beside it.
            </p>
            <AgreedLevels agreed={result.agreedQuestions} />
          </Card>
        ) : null}
        {(result.result.visibilityGaps ?? []).length > 0 ? (
          <Card>
            <VisibilityGaps gaps={result.result.visibilityGaps ?? []} />
          </Card>
        ) : null}
        <Card>
          <h2 className="text-lg font-semibold">What to fix first</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            In sequence: redesign the workflow, establish ownership, build monitoring from day one.
            Sequence matters more than the technology stack.
          </p>
          <RecommendationList result={result.result} />
        </Card>
        <Card>
          <CommentsSection
            comments={result.comments}
            keyQuoteAction={can(ctx.role, "assessment.manage") ? setKeyQuoteAction : undefined}
          />
        </Card>
      </div>
    </>
  );
}
