import type { z } from "zod";
import type { recommendationSchema } from "../../schema";
import { recommendations as previous } from "../2027.1/recommendations";

type RecommendationContent = z.input<typeof recommendationSchema>;

const belowPractice = { min: 0, max: 2 };

// 2027.2: every recommendation says how the client knows it is finished. Keyed by id, so a
// recommendation without a definition of done fails the framework test rather than shipping.
const done: Record<string, string> = {
  "rec.workflow_redesign.redesign_first":
    "The redesigned workflow is written down, signed off by its business owner, and the AI runs in it rather than beside the old one.",
  "rec.workflow_redesign.map_current":
    "A map of the workflow as it runs, with its exceptions and volumes, has been checked by the people who do the work.",
  "rec.workflow_redesign.co_design":
    "Front-line staff took part in designing the new workflow, and their changes are in the version that goes live.",
  "rec.workflow_redesign.exception_routes":
    "Every kind of case the AI cannot handle has a written route, a named owner and a service level.",
  "rec.workflow_redesign.roles_and_targets":
    "Job descriptions, targets and training for the workflow's roles match the redesigned workflow.",
  "rec.workflow_redesign.baseline":
    "The old workflow's baseline and the new workflow's figures are measured the same way and reported side by side.",
  "rec.leadership.model_visibly":
    "Senior leaders use the redesigned workflows themselves, and their teams can say when and how.",
  "rec.leadership.protect_capacity":
    "The teams redesigning their work have protected time or backfill in the plan, and it has been used.",
  "rec.leadership.explain_changes":
    "For each workflow in scope, people have been told in person what changes for them and what does not.",
  "rec.ownership.name_accountable_owner":
    "One named person is accountable for wrong outputs at scale, has the right to switch the AI off, and has accepted it in writing.",
  "rec.ownership.business_ownership":
    "Each initiative's owner sits in the business that runs the workflow and holds its budget and targets.",
  "rec.ownership.decision_rights":
    "A one-page table says who launches, changes, pauses and retires each AI workflow, and the people named agreed to it.",
  "rec.ownership.run_team":
    "The team that will run the workflow in production is funded and staffed before the pilot ends.",
  "rec.ownership.production_budget":
    "Next year's budget has a line for running and improving AI in production, not only for pilots.",
  "rec.ownership.vendor_terms":
    "Vendor contracts for the workflow assign responsibility for errors and require notice of model changes.",
  "rec.leadership.scaling_criteria":
    "Written scaling criteria that include the three-part diagnostic exist, and the last scaling decision was taken against them.",
  "rec.monitoring.before_go_live":
    "Output monitoring for the workflow exists and was tested before go-live, and it is a release criterion.",
  "rec.monitoring.quality_sampling":
    "A sample of production outputs is scored against the acceptance criteria every week, and the results are kept.",
  "rec.monitoring.owned_alerts":
    "Drift alerts reach a named on-call person who has a runbook, and a test alert was handled with it.",
  "rec.monitoring.incident_drill":
    "A wrong-output-at-scale incident has been rehearsed end to end: detected, stopped, traced and corrected.",
  "rec.monitoring.leadership_dashboard":
    "A current production dashboard is a standing item on a regular leadership meeting's agenda.",
  "rec.monitoring.unit_economics":
    "Usage, adoption and cost per transaction are tracked for each workflow and reported monthly.",
  "rec.data.find_out":
    "For each dataset the AI uses, someone who can observe it has said which data management practices exist, and the answers are recorded.",
  "rec.data.workflow_audit":
    "The workflow's data sources have been audited one by one, and each fix found has an owner and a date.",
  "rec.data.governance":
    "Every dataset the AI uses has a named owner and the data management practices agreed for it are applied.",
  "rec.data.labelled_set":
    "A labelled domain data set covers the common and the high-risk cases, and the business owner has accepted it.",
  "rec.data.automated_checks":
    "Every data load runs automated quality and freshness checks, and a failed check stops or flags the load.",
  "rec.data.permitted_use":
    "Each data source's permitted use is documented and checked before a new use goes live.",
  "rec.data.gap_list":
    "Leaders receive a short list of the workflow's data gaps, each with an owner and a date, and it is reviewed.",
  "rec.integration.supported_integration":
    "The workflow reads from and writes to the system of record through a supported integration, with no manual hand-off.",
  "rec.integration.live_data":
    "The workflow has governed access to live production data, approved by the data's owner.",
  "rec.integration.map_constraints":
    "The legacy systems' constraints are written down, and the workflow has been tested at production volume against them.",
  "rec.integration.fallback":
    "A fallback that keeps the work moving without the AI exists and has been rehearsed.",
  "rec.integration.paved_path":
    "One documented path from pilot to production exists, and the last initiative to go live used it.",
  "rec.output_quality.acceptance_criteria":
    "Written acceptance criteria and a labelled example set are agreed with the business owner.",
  "rec.output_quality.volume_evaluation":
    "The workflow was evaluated on a representative sample at production volume, rare cases included, and the results were kept.",
  "rec.output_quality.risk_based_review":
    "High-impact and low-confidence outputs go to trained reviewers who work from written criteria.",
  "rec.output_quality.flag_and_triage":
    "Users can flag a wrong output where they work, and the flags are triaged every week.",
  "rec.output_quality.consistency_tests":
    "A fixed test set is run before every model or prompt change, and a drop in consistency blocks the change.",
  "rec.output_quality.report_to_leaders":
    "Leaders receive the workflow's quality figures at a regular interval.",
};

// 2027.2: the four questions that had no recommendation get one.
const added: RecommendationContent[] = [
  {
    id: "rec.integration.time_to_production",
    appliesTo: {
      kind: "question",
      questionId: "integration.time_to_production",
      levels: belowPractice,
    },
    step: "integration",
    title: "Build the next pilot on the production platform, so going live is a release",
    why:
      "Only 25% of organisations have converted 40% or more of their pilots into production " +
      "(Deloitte, State of AI 2026); months spent rebuilding a working pilot for production are " +
      "where pilots stall.",
    ownerRole: "technical",
    ownerTitle: "Head of platform",
    effort: "L",
    done: "The next pilot runs on the production platform from its first day, and its go-live took weeks, not months.",
  },
  {
    id: "rec.integration.shared_path",
    appliesTo: { kind: "question", questionId: "integration.paved_path", levels: belowPractice },
    step: "integration",
    title: "Agree one standard platform, integration pattern and security review for AI",
    why:
      "Every pilot that invents its own plumbing multiplies the integration work of scaling; a " +
      "shared standard turns the second and third deployment into repeats rather than projects.",
    ownerRole: "technical",
    ownerTitle: "CTO or head of platform",
    effort: "M",
    done: "A written standard for platform, integration patterns and security review exists, and the initiatives in flight follow it.",
  },
  {
    id: "rec.leadership.sponsor_engaged",
    appliesTo: {
      kind: "question",
      questionId: "leadership.sponsor_engagement",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Have the executive sponsor review progress monthly and make the trade-offs",
    why:
      "Scaling needs trade-offs only a senior sponsor can make (budgets, priorities, other teams' " +
      "work), and leaders who visibly take part, not only mandate, make transformation success " +
      "more than five times more likely (cited in the article).",
    ownerRole: "executive",
    ownerTitle: "Executive sponsor",
    effort: "S",
    done: "The sponsor has chaired a monthly progress review, and the blockers raised there have a decision and a date.",
  },
  {
    id: "rec.leadership.review_stopped_pilots",
    appliesTo: {
      kind: "question",
      questionId: "leadership.learning_from_stopped_pilots",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Review every stopped pilot openly and change the approach for the next ones",
    why:
      "Leaders who treat a stopped pilot as a lesson, not a failure, get honest answers about " +
      "readiness; blame teaches teams to hide the gaps this assessment is meant to find.",
    ownerRole: "executive",
    ownerTitle: "Executive team",
    effort: "S",
    done: "The last stopped pilot was reviewed in a leadership meeting, and one change to how pilots are run came out of it.",
  },
];

// 2027.2: figures exactly as the article gives them (the "more than five times" figure has no
// named source in the article; Deloitte's 54% is of "meaningful" production scale; Gartner's 60%
// is "through 2026"), and the chain of failure said once.
const why: Record<string, string> = {
  "rec.workflow_redesign.baseline":
    "Before-and-after figures turn the redesign into evidence that sustains leadership " +
    "confidence, the last link in the chain of failure.",
  "rec.leadership.model_visibly":
    "Transformation success is more than five times more likely when senior leaders visibly " +
    "model the new ways of working, not just mandate them (cited in the article).",
  "rec.leadership.explain_changes":
    "Leaders who explain and answer in person are modelling the change, which makes success " +
    "more than five times more likely (cited in the article).",
  "rec.leadership.scaling_criteria":
    "54% of organisations expect to reach meaningful production scale within three to six " +
    "months (Deloitte, State of AI 2026); the article warns that speed without structure " +
    "produces the same outcome at larger cost.",
  "rec.data.automated_checks":
    "Gartner projects that through 2026 organisations will abandon 60% of AI projects not backed " +
    "by AI-ready data; checks on every load stop a broken feed before it becomes wrong outputs " +
    "at scale.",
};

export const recommendations: RecommendationContent[] = [
  ...previous.map((r) => ({ ...r, why: why[r.id] ?? r.why, done: done[r.id] })),
  ...added,
];
