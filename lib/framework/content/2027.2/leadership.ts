import type { z } from "zod";
import type { dimensionSchema } from "../../schema";

export const leadership: z.input<typeof dimensionSchema> = {
  id: "leadership",
  name: "Leadership that models the new ways of working",
  kind: "enabler",
  description:
    "Whether senior leaders visibly work in the new ways themselves, not just mandate them, and " +
    "hold AI initiatives to explicit criteria before they scale. Transformation success becomes " +
    "more than five times more likely when senior leaders visibly model the new ways of working " +
    "(cited in the article). With 54% of organisations expecting to reach meaningful production " +
    "scale within three to six months (Deloitte, State of AI 2026), leadership also decides " +
    "whether speed comes with structure.",
  weight: 1.25,
  questions: [
    {
      id: "leadership.visible_modelling",
      text: "Do senior leaders visibly use the new AI-supported ways of working themselves, rather than only mandating them?",
      help:
        "Transformation success is more than five times more likely when senior leaders visibly " +
        "model the new ways of working, not just mandate them (cited in the article).",
      levels: [
        "Leaders do not use AI themselves and rarely mention it.",
        "Leaders mandate AI adoption in announcements but do not use it.",
        "Some leaders use AI tools privately; teams do not see it.",
        "Senior leaders visibly work in the redesigned workflows (decisions, reviews and meetings run on them) and share what they learned.",
        "Leaders model the new ways of working consistently, and it shows in how the organisation is run.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1.5,
      audience: ["executive", "business", "technical", "data"],
    },
    {
      id: "leadership.sponsor_engagement",
      text: "How involved is the executive sponsor in the AI initiatives beyond approving them?",
      help:
        "Scaling needs trade-offs only a senior sponsor can make: budgets, priorities, changes to " +
        "other teams' work. A sponsor who only signs does not make them.",
      levels: [
        "There is no sponsor.",
        "The sponsor approved the budget and has not been seen since.",
        "The sponsor attends steering meetings when invited.",
        "The sponsor reviews progress monthly, removes blockers and makes the trade-offs only they can make.",
        "The sponsor owns the scaling decisions and holds peers to the redesigned workflows.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business", "technical"],
    },
    {
      id: "leadership.scaling_criteria",
      text: "Has leadership agreed explicit criteria a pilot must meet before it is scaled (quality, ownership, monitoring, data, value)?",
      help:
        "54% of organisations expect meaningful production scale within three to six months " +
        "(Deloitte, State of AI 2026). Speed without structure produces the same outcome at " +
        "larger cost; criteria are the structure.",
      levels: [
        "No; pilots go live when someone pushes hard enough.",
        "Criteria exist informally and differ from project to project.",
        "Written criteria exist but are waived under pressure.",
        "Written criteria, including the three-part diagnostic, are applied to every scaling decision.",
        "They are applied, and each decision is recorded and reviewed afterwards.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "technical"],
    },
    {
      id: "leadership.learning_from_stopped_pilots",
      text: "When an AI pilot fails or is stopped, what happens?",
      help:
        "Leaders who treat a stopped pilot as a lesson, not a failure, get honest answers about " +
        "readiness, including the ones in this assessment.",
      levels: [
        "It is quietly dropped and nobody talks about it.",
        "Blame falls on the team or the vendor.",
        "A lessons-learned note is written but not used.",
        "Leaders review stopped pilots openly and change the approach for the next ones.",
        "Stopping early is rewarded; the portfolio is run with explicit stop-or-scale decisions.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business", "technical", "data"],
    },
    {
      id: "leadership.capacity_for_change",
      text: "Do leaders free up time and people for teams to redesign their work, or is AI extra work on top of the day job?",
      help:
        "Mandating change without capacity is the opposite of modelling it. Redesign takes the " +
        "time of the people who know the work best.",
      levels: [
        "AI work is expected on top of full workloads.",
        "Time is promised but taken back when deadlines bite.",
        "Some teams get time, mostly for the tool rather than the workflow.",
        "Teams redesigning a workflow have protected time and backfill agreed by leaders.",
        "Capacity for redesign is planned in every budget cycle like any other priority.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical", "data"],
    },
    {
      id: "leadership.communication",
      text: "Do leaders explain, workflow by workflow, what AI will and will not change for people's jobs?",
      help:
        "People who learn about change from rumours resist it. Leaders who explain and answer " +
        "questions in person are modelling, not mandating.",
      levels: [
        "No; people learn from rumours.",
        'Only general statements about "AI transformation".',
        "Explained to some teams, after the decisions were taken.",
        "Before launch, leaders explain per workflow what changes, what does not, and how people are supported.",
        "It is a two-way conversation: concerns are raised, answered and acted on, and leaders report back.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business", "data"],
    },
  ],
};
