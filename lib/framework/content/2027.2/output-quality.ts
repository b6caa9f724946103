import type { z } from "zod";
import type { dimensionSchema } from "../../schema";

export const outputQuality: z.input<typeof dimensionSchema> = {
  id: "output_quality",
  name: "Output quality at volume",
  kind: "gap",
  description:
    "Whether the AI's outputs stay good enough, and consistent, when it handles the full volume and " +
    "variety of real cases rather than a curated demo set. Inconsistent outputs erode leadership " +
    "confidence, and lost confidence kills deployment before it starts. Quality has to be defined " +
    "with the business, tested at volume before scaling, and fed back when it fails.",
  weight: 1,
  questions: [
    {
      id: "output_quality.definition",
      text: "Is a good output defined for the workflow in terms the business owner has signed off (accuracy, completeness, tone, policy), with examples?",
      help:
        "Without an agreed definition, quality is whatever the last person to look at an output " +
        "thought, and every disagreement becomes a debate about the model.",
      levels: [
        "No; quality is judged by whoever happens to look at the output.",
        'Described loosely ("it should be accurate") without examples or thresholds.',
        "Defined with examples for the main cases, but not agreed with the business owner.",
        "Written acceptance criteria with thresholds and a labelled example set, signed off by the business owner.",
        "Criteria are versioned, revisited after incidents and used for every release decision.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical", "data"],
    },
    {
      id: "output_quality.evaluation_at_volume",
      text: "Before scaling, was the AI evaluated on a representative sample at production volume, including rare and messy cases?",
      help:
        "A pilot that works in a controlled environment collapses when it touches real " +
        "operations. Evaluation at volume is how you find that out before your customers do.",
      levels: [
        "Only the demo cases were tried.",
        "Tested on a handful of hand-picked examples.",
        "Tested on a few hundred historical cases, mostly typical ones.",
        "Evaluated on a representative sample sized for production volume, with edge cases and error rates reported by segment.",
        "An evaluation suite runs automatically on every model, prompt or data change, and regressions block the release.",
      ],
      allowNotApplicable: false,
      critical: true,
      weight: 1.5,
      audience: ["technical", "data"],
    },
    {
      id: "output_quality.consistency",
      text: "Do the same inputs give consistent outputs across days, users, and model or prompt versions?",
      help:
        "Inconsistent outputs are the link in the chain of failure that erodes leadership " +
        "confidence. Consistency has to be measured, not assumed.",
      levels: [
        "Nobody knows; outputs have never been compared.",
        "Users report that answers change from one day to the next.",
        "Spot checks show variation, which is tolerated.",
        "Consistency is measured on a fixed test set against an agreed tolerance.",
        "Consistency is measured continuously in production, and drift beyond tolerance triggers a review.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical"],
    },
    {
      id: "output_quality.human_review",
      text: "Where errors are costly, how are the AI's outputs reviewed by people?",
      help:
        "Reviewing everything by hand means the AI saves nothing; reviewing nothing means errors " +
        "reach customers at scale. Risk-based review is what makes volume safe.",
      levels: [
        "No review: outputs go into the work unchecked.",
        "Review is ad hoc and depends on who is on shift.",
        "Every output goes through the same manual review; what to check and when to escalate is not written down.",
        "Review is risk-based: high-impact or low-confidence outputs go to a trained reviewer with written criteria.",
        "Review findings are labelled and fed back into evaluation; review volume falls as quality is proven.",
      ],
      allowNotApplicable: true,
      critical: false,
      weight: 1,
      audience: ["business"],
    },
    {
      id: "output_quality.error_feedback",
      text: "When someone spots a wrong output, where does that report go and what happens next?",
      help:
        "The people doing the work see errors first. If their reports go nowhere, they stop " +
        "reporting and start working around the AI.",
      levels: [
        "Nowhere; people work around it.",
        "An email or chat message to whoever built the pilot.",
        "A ticket in a general queue, without the input and output that caused it.",
        "A built-in way to flag an output captures the case, and the owning team triages flags every week.",
        "Flagged cases become test cases, and the time from report to fix is tracked and reported.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical"],
    },
    {
      id: "output_quality.leadership_confidence",
      text: "Do leaders trust the AI's outputs enough to act on them in decisions that matter, and on what evidence?",
      help:
        "Inconsistent outputs erode leadership confidence, which kills deployment before it " +
        "starts. Trust built on anecdotes breaks on the first bad anecdote.",
      levels: [
        "No; leaders do not act on the outputs.",
        "Trust swings with a few anecdotes, good or bad.",
        "Outputs are trusted for low-stakes uses only, without evidence either way.",
        "Trust rests on reported quality figures for the workflow, which leaders review.",
        "Leaders use the quality figures to decide where to extend AI and where to hold back.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business"],
    },
  ],
};
