import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";
import { Card } from "@/components/ui/card";
import { getFramework, type Gate } from "@/lib/framework";

export const metadata: Metadata = {
  title: "How GapMap scores",
  description:
    "The five structural gaps, the two enablers, the three-part diagnostic, the stages and gates, and how the readiness index is computed.",
};

// Public and prerendered at build time: the same for everyone, read from the framework's data
// (the figures here are the ones the scoring uses) and written from lib/scoring/README.md.
export const dynamic = "force-static";

const pct = (share: number) => `${Math.round(share * 100)}%`;

function gateTrigger(
  gate: Gate,
  dimensionNames: Map<string, string>,
  questionTexts: Map<string, string>,
): string {
  switch (gate.kind) {
    case "diagnostic":
      return "Any part of the three-part diagnostic is not met.";
    case "critical_question":
      return gate.unansweredTrips
        ? `A critical question's median level is below ${gate.belowLevel}, or nobody answered it (unanswered is unknown, not passed).`
        : `A critical question's median level is below ${gate.belowLevel}.`;
    case "blind_spot_share":
      return `More than ${pct(gate.aboveShare)} of a dimension's answers are "don't know".`;
    case "gap_dimension_below":
      return `Any of the five structural gaps scores below ${gate.belowScore}, or has no answers.`;
    case "dimension_below":
      return `${dimensionNames.get(gate.dimensionId) ?? gate.dimensionId} scores below ${gate.belowScore}.`;
    case "question_below":
      return `“${questionTexts.get(gate.questionId) ?? gate.questionId}” is below level ${gate.belowLevel}.`;
  }
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card>
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-3 space-y-3 text-slate-700">{children}</div>
    </Card>
  );
}

export default function MethodPage() {
  const framework = getFramework();
  const dimensionNames = new Map(framework.dimensions.map((d) => [d.id, d.name]));
  // Rule 10: the page names questions as respondents see them, never by id.
  const questionTexts = new Map(
    framework.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q.text] as const)),
  );
  const gaps = framework.dimensions.filter((d) => d.kind === "gap");
  const enablers = framework.dimensions.filter((d) => d.kind === "enabler");
  const { diagnostic, rules } = framework;
  const critical = framework.dimensions.flatMap((d) =>
    d.questions
      .filter((q) => q.critical)
      .map((q) => ({ id: q.id, text: q.text, dimension: d.name })),
  );
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-3 px-4 py-3">
          <Logo />
          <Link href="/" className="text-sm font-medium text-brand-700 underline">
            Open GapMap
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8">
        <div>
          <p className="text-sm font-medium uppercase tracking-wide text-brand-700">The method</p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            How GapMap scores
          </h1>
          <p className="mt-2 max-w-3xl text-slate-700">
            Only 25% of organisations have converted 40% or more of their AI pilots into production
            (Deloitte, State of AI 2026). The failure is organisational, not technical: outdated
            process design creates integration friction, friction creates inconsistent outputs,
            inconsistent outputs erode leadership confidence, and lost confidence kills deployment.
            GapMap measures where an organisation stands on that chain. This page explains every
            number it shows, for framework {framework.version}.
          </p>
          <nav aria-label="On this page" className="mt-3 text-sm">
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {[
                ["dimensions", "Gaps and enablers"],
                ["diagnostic", "Three-part diagnostic"],
                ["index", "The readiness index"],
                ["stages", "Stages and gates"],
                ["confidence", "Confidence"],
                ["sequence", "Next steps"],
              ].map(([id, label]) => (
                <li key={id}>
                  <a className="font-medium text-brand-700 underline" href={`#${id}`}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>

        <Section id="dimensions" title="Five structural gaps, two enablers">
          <p>
            Each is a scored dimension (0 to 100) with six questions answered by the roles that know
            it: executives, business, technical and data people.
          </p>
          {[
            { title: "The five structural gaps", list: gaps },
            { title: "The two enablers", list: enablers },
          ].map((group) => (
            <div key={group.title}>
              <h3 className="mt-2 font-semibold text-slate-900">{group.title}</h3>
              <ol className="mt-2 space-y-3">
                {group.list.map((d) => (
                  <li key={d.id}>
                    <p className="font-medium text-slate-900">
                      {d.name}{" "}
                      <span className="text-sm font-normal text-slate-500">
                        (weight {d.weight}, {d.questions.length} questions)
                      </span>
                    </p>
                    <p className="text-sm">{d.description}</p>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </Section>

        <Section id="diagnostic" title="The three-part diagnostic">
          <p>
            It comes before any scaling decision, and is applied to one workflow or initiative at a
            time, not to the platform. Each part is judged from two questions&apos; median levels: a
            question is <em>unknown</em> when it has no answers or{" "}
            {pct(diagnostic.unknownAtDontKnowShare)} or more of its answers are &ldquo;don&apos;t
            know&rdquo;, whatever its median. The part is, in this order: <strong>unmet</strong>{" "}
            when any other question is below level {diagnostic.partialAtLevel};{" "}
            <strong>unknown</strong> when, short of that, a question is unknown
            {rules.disputed ? "; disputed when a question is disputed (below)" : ""};{" "}
            <strong>partial</strong> when every question is at least level{" "}
            {diagnostic.partialAtLevel}; <strong>met</strong> when every one is at level{" "}
            {diagnostic.metAtLevel} or above. Unknown is never met: not knowing is a gap.
            {rules.disputed
              ? ` A part is disputed, never met, when the room splits on one of its questions (agreement below ${rules.disputed.belowAgreement}, with answers at level ${rules.disputed.lowAtOrBelow} or below and at level ${rules.disputed.highAtOrAbove} or above): the median of a split room is a middle nobody answered. A disputed critical or diagnostic question also holds confidence at medium at most.`
              : ""}
          </p>
          <ol className="list-decimal space-y-2 pl-5">
            {diagnostic.parts.map((part) => (
              <li key={part.id}>
                <span className="font-medium text-slate-900">{part.name}.</span> {part.description}
              </li>
            ))}
          </ol>
        </Section>

        <Section id="index" title="How the readiness index is computed">
          <ol className="list-decimal space-y-2 pl-5">
            <li>
              Each answer is a level from 0 to 4, worth level ÷ 4. &ldquo;Don&apos;t know&rdquo;
              counts as 0: a respondent who does not know whether a practice exists is reporting a
              gap, not a blank. &ldquo;Not applicable&rdquo; and unanswered questions are left out
              (unanswered ones lower coverage).
            </li>
            <li>
              A question scores the <strong>median</strong> of its answers × 100, so one outlier
              cannot move it alone. Its <strong>agreement</strong> (0 to 1) shows whether the room
              is split.
            </li>
            <li>
              A dimension scores the weighted mean of its questions. Most weigh 1; these weigh more:{" "}
              {framework.dimensions
                .flatMap((d) => d.questions)
                .filter((q) => q.weight !== 1)
                .map((q) => `“${q.text}” (${q.weight})`)
                .join("; ")}
              .
            </li>
            <li>
              The <strong>readiness index</strong> is the weighted mean of the seven dimensions:{" "}
              {framework.dimensions.map((d) => `${d.name.toLowerCase()} ${d.weight}`).join(", ")}.
            </li>
            {rules.minCoverageForIndex !== undefined ? (
              <li>
                <strong>No index without evidence</strong>: when under{" "}
                {pct(rules.minCoverageForIndex)} of the expected answers were given, there is no
                readiness index and no stage (&ldquo;not enough answers yet&rdquo;), and the
                organisation is not ready to scale. The dimensions still show what was answered.
              </li>
            ) : null}
            <li>
              Each role&apos;s scores are computed the same way; where two roles differ by{" "}
              {rules.perceptionGapPoints} points or more on a dimension, the dashboard names the
              gap.
              {rules.perceptionMinSharedQuestions !== undefined
                ? ` Two roles are compared only on the questions both answered (like for like), and only when they share at least ${rules.perceptionMinSharedQuestions}.`
                : ""}
            </li>
          </ol>
          <p>
            Every figure is computed from the rounded figures shown beside it, so a consultant can
            recompute any of them by hand. A closed round&apos;s result is a snapshot that keeps the
            framework version it was scored with.
          </p>
        </Section>

        <Section id="stages" title="Stages, then the gates">
          <p>The index gives a stage:</p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Stages and the index each starts at</caption>
              <thead>
                <tr className="border-b border-slate-300 text-slate-600">
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    Stage
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-medium">
                    From index
                  </th>
                  <th scope="col" className="py-1.5 pl-3 font-medium">
                    What it means
                  </th>
                </tr>
              </thead>
              <tbody>
                {framework.stages.map((s) => (
                  <tr key={s.stage} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1.5 pr-3 font-medium text-slate-900">
                      {s.stage} {s.name}
                    </th>
                    <td className="px-2 py-1.5 text-right tabular-nums">{s.minScore}</td>
                    <td className="py-1.5 pl-3">{s.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            The gates can only lower the stage. Each one that trips is shown with its reason; when
            several trip, the lowest cap wins. An organisation is <strong>ready to scale</strong>{" "}
            only when every part of the diagnostic is met and the stage after the gates is 3 or
            above.
          </p>
          <ul className="space-y-3">
            {framework.gates.map((g) => (
              <li key={g.id}>
                <p className="font-medium text-slate-900">
                  Caps at stage {g.capAt}: {gateTrigger(g, dimensionNames, questionTexts)}
                </p>
                <p className="text-sm">{g.reason}</p>
              </li>
            ))}
          </ul>
          <p className="text-sm">
            Critical questions:{" "}
            {critical.map((q, i) => (
              <span key={q.id}>
                {i > 0 ? "; " : ""}
                &ldquo;{q.text}&rdquo; ({q.dimension})
              </span>
            ))}
            .
          </p>
        </Section>

        <Section id="confidence" title="Confidence">
          <p>
            <strong>High</strong> with {rules.confidence.high.minRespondents} or more respondents,
            at least {pct(rules.confidence.high.minCoverage)} of expected answers given, at most{" "}
            {pct(rules.confidence.high.maxBlindSpotShare)} &ldquo;don&apos;t know&rdquo; and
            agreement {rules.confidence.high.minAgreement} or above. <strong>Low</strong> with fewer
            than {rules.confidence.low.belowRespondents} respondents, under{" "}
            {pct(rules.confidence.low.belowCoverage)} of expected answers, over{" "}
            {pct(rules.confidence.low.aboveBlindSpotShare)} &ldquo;don&apos;t know&rdquo; or
            agreement below {rules.confidence.low.belowAgreement}. <strong>Medium</strong>{" "}
            otherwise.
            {rules.confidence.high.minGatingAgreement !== undefined
              ? ` High also needs agreement ${rules.confidence.high.minGatingAgreement} or above on every question the verdict turns on (critical, diagnostic, or named by a gate).`
              : ""}{" "}
            The result names whatever held it back.
          </p>
        </Section>

        <Section id="sequence" title="Next steps, in sequence">
          <p>
            Sequence matters more than the technology stack. Recommendations are ranked by impact
            (the gap to target, {rules.defaultTarget} unless the round sets another, times the
            weights), at most {rules.recommendationsPerDimension} per dimension, then put in this
            order:
          </p>
          <ol className="list-decimal space-y-1 pl-5">
            {[...framework.sequence]
              .sort((a, b) => a.step - b.step)
              .map((s) => (
                <li key={s.id}>{s.name}</li>
              ))}
          </ol>
          {rules.visibilityGaps ? (
            <p>
              &ldquo;Don&apos;t know&rdquo; from people who cannot know: questions about technical
              facts name the roles that can observe them. Where those people rated a practice,
              another role&apos;s &ldquo;don&apos;t know&rdquo; is reported as a visibility gap, a
              finding for leadership, and does not pull the score down. A recommendation driven by
              &ldquo;don&apos;t know&rdquo; says to find out where the practice stands before
              building it.
            </p>
          ) : null}
          {rules.blockersFirst ? (
            <p>
              Blockers first: a recommendation that moves what holds the organisation back from
              scaling (a gate that caps the stage below &ldquo;Ready to scale&rdquo;, or a part of
              the diagnostic that is not met) is marked &ldquo;Blocks scaling&rdquo; and is never
              dropped by the limit per dimension; neither is the data audit. The short lists (the
              dashboard&apos;s and the report&apos;s first five) always carry one step for each
              blocker, even when five earlier steps come first in the sequence. Every recommendation
              says how the client knows it is done.
            </p>
          ) : null}
        </Section>
      </main>
      <footer className="mx-auto max-w-4xl px-4 pb-10 text-sm text-slate-500">
        Figures quoted from Deloitte (State of AI 2026), McKinsey (State of AI) and Gartner, as
        cited in the article GapMap&apos;s method comes from; the article gives no source for the
        &ldquo;more than five times&rdquo; figure on leaders who model the new ways of working.
      </footer>
    </div>
  );
}
