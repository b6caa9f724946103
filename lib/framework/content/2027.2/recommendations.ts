import type { z } from "zod";
import type { recommendationSchema } from "../../schema";

type RecommendationContent = z.input<typeof recommendationSchema>;

// Most recommendations fire while a question's median level is 0..2: the practice is absent,
// ad hoc or only on paper. Level 3 is the anchored description of the practice in place.
const belowPractice = { min: 0, max: 2 };

export const recommendations: RecommendationContent[] = [
  // Step 1: redesign the workflow (and leaders working in it).
  {
    id: "rec.workflow_redesign.redesign_first",
    appliesTo: {
      kind: "question",
      questionId: "workflow_redesign.redesigned_before_deployment",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Redesign the workflow end to end before scaling the AI in it",
    why:
      "AI high performers are 2.8 times more likely to have fundamentally redesigned their " +
      "workflows (55% vs 20%, McKinsey, State of AI). Bolting AI onto an unchanged process creates " +
      "the integration friction that leads to inconsistent outputs.",
    ownerRole: "business",
    ownerTitle: "Business owner of the workflow",
    effort: "L",
  },
  {
    id: "rec.workflow_redesign.map_current",
    appliesTo: {
      kind: "question",
      questionId: "workflow_redesign.process_mapped",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Map the workflow as it really runs, with exceptions and volumes",
    why:
      "Outdated process design is where the article's chain of failure starts; a map checked by " +
      "the people who do the work shows which steps to remove rather than automate.",
    ownerRole: "business",
    ownerTitle: "Process owner with a front-line team",
    effort: "M",
  },
  {
    id: "rec.workflow_redesign.co_design",
    appliesTo: {
      kind: "question",
      questionId: "workflow_redesign.frontline_involved",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Co-design the new workflow with the people who do the work",
    why:
      "Redesign is what separates the 55% of scaling leaders from the 20% of their peers " +
      "(McKinsey, State of AI), and a design the front line did not shape gets worked around.",
    ownerRole: "business",
    ownerTitle: "Business owner of the workflow",
    effort: "M",
  },
  {
    id: "rec.workflow_redesign.exception_routes",
    appliesTo: {
      kind: "question",
      questionId: "workflow_redesign.exception_paths",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Give every kind of case the AI cannot handle a route, an owner and a service level",
    why:
      "At production volume the rare cases are no longer rare; without routes they fall through " +
      "the cracks and a pilot that worked in a controlled environment collapses.",
    ownerRole: "business",
    ownerTitle: "Process owner",
    effort: "M",
  },
  {
    id: "rec.workflow_redesign.roles_and_targets",
    appliesTo: {
      kind: "question",
      questionId: "workflow_redesign.roles_and_targets",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Change roles, targets and training to match the redesigned workflow",
    why:
      "A fundamental redesign, the kind high performers are 2.8 times more likely to have made, " +
      "includes how people are measured; otherwise they keep working the old way.",
    ownerRole: "executive",
    ownerTitle: "Executive sponsor with HR",
    effort: "M",
  },
  {
    id: "rec.workflow_redesign.baseline",
    appliesTo: {
      kind: "question",
      questionId: "workflow_redesign.value_measured",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Take a baseline of the old workflow and measure the new one the same way",
    why:
      "Before-and-after figures turn the redesign into evidence that sustains leadership " +
      "confidence, the last link in the chain of failure of failure.",
    ownerRole: "data",
    ownerTitle: "Analytics lead",
    effort: "S",
  },
  {
    id: "rec.leadership.model_visibly",
    appliesTo: {
      kind: "question",
      questionId: "leadership.visible_modelling",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Have senior leaders work visibly in the redesigned workflows",
    why:
      "Transformation success is more than five times more likely when senior leaders visibly " +
      "model the new ways of working, not just mandate them (McKinsey, State of AI).",
    ownerRole: "executive",
    ownerTitle: "CEO and executive team",
    effort: "S",
  },
  {
    id: "rec.leadership.protect_capacity",
    appliesTo: {
      kind: "question",
      questionId: "leadership.capacity_for_change",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Protect time and backfill for the teams redesigning their work",
    why:
      "Mandating redesign without capacity is the opposite of modelling it; the 5x effect comes " +
      "from leaders showing, not telling (McKinsey, State of AI).",
    ownerRole: "executive",
    ownerTitle: "Executive sponsor",
    effort: "M",
  },
  {
    id: "rec.leadership.explain_changes",
    appliesTo: {
      kind: "question",
      questionId: "leadership.communication",
      levels: belowPractice,
    },
    step: "redesign",
    title: "Explain, workflow by workflow, what changes for people and what does not",
    why:
      "Leaders who explain and answer in person are modelling the change, which makes success " +
      "more than five times more likely (McKinsey, State of AI).",
    ownerRole: "executive",
    ownerTitle: "Executive sponsor",
    effort: "S",
  },
  // Step 2: establish ownership.
  {
    id: "rec.ownership.name_accountable_owner",
    appliesTo: {
      kind: "question",
      questionId: "ownership.wrong_output_owner",
      levels: belowPractice,
    },
    step: "ownership",
    title:
      "Name the person accountable for wrong outputs at scale, with the right to switch the AI off",
    why:
      "The article's diagnostic asks who is accountable if the deployed model produces a wrong " +
      "output at scale; without that name, no scaling decision should be taken.",
    ownerRole: "executive",
    ownerTitle: "Executive sponsor",
    effort: "S",
  },
  {
    id: "rec.ownership.business_ownership",
    appliesTo: {
      kind: "question",
      questionId: "ownership.business_owner",
      levels: belowPractice,
    },
    step: "ownership",
    title: "Move ownership of each initiative to the business that runs the workflow",
    why:
      "Organisations that deploy successfully established clear ownership; initiatives owned by " +
      "IT or an innovation team stay pilots.",
    ownerRole: "executive",
    ownerTitle: "Executive team",
    effort: "M",
  },
  {
    id: "rec.ownership.decision_rights",
    appliesTo: {
      kind: "question",
      questionId: "ownership.decision_rights",
      levels: belowPractice,
    },
    step: "ownership",
    title: "Write a one-page decision-rights table: who launches, changes, pauses and retires",
    why:
      "Clear ownership is the second step of the sequence the article says matters more than the " +
      "technology stack; decision rights make it usable in an incident.",
    ownerRole: "executive",
    ownerTitle: "Executive sponsor with the business owner",
    effort: "S",
  },
  {
    id: "rec.ownership.run_team",
    appliesTo: { kind: "question", questionId: "ownership.run_team", levels: belowPractice },
    step: "ownership",
    title: "Fund and staff the team that will run the workflow before the pilot ends",
    why:
      "Only 25% of organisations have converted 40% or more of their pilots into production " +
      "(Deloitte, State of AI 2026); pilots without a receiving team are among those left behind.",
    ownerRole: "technical",
    ownerTitle: "Head of IT operations",
    effort: "M",
  },
  {
    id: "rec.ownership.production_budget",
    appliesTo: {
      kind: "question",
      questionId: "ownership.production_funding",
      levels: belowPractice,
    },
    step: "ownership",
    title: "Budget for running and improving AI in production, not only for pilots",
    why:
      "54% of organisations expect meaningful production scale within three to six months " +
      "(Deloitte, State of AI 2026); speed without a run budget produces the same outcome at " +
      "larger cost.",
    ownerRole: "executive",
    ownerTitle: "CFO with the executive sponsor",
    effort: "M",
  },
  {
    id: "rec.ownership.vendor_terms",
    appliesTo: {
      kind: "question",
      questionId: "ownership.vendor_accountability",
      levels: belowPractice,
    },
    step: "ownership",
    title: "Put responsibility for errors and notice of model changes into vendor contracts",
    why:
      "Ownership of wrong outputs at scale cannot be defined while a vendor can change the model " +
      "underneath the workflow without notice.",
    ownerRole: "technical",
    ownerTitle: "Procurement with the technical lead",
    effort: "M",
  },
  {
    id: "rec.leadership.scaling_criteria",
    appliesTo: {
      kind: "question",
      questionId: "leadership.scaling_criteria",
      levels: belowPractice,
    },
    step: "ownership",
    title:
      "Agree scaling criteria that include the three-part diagnostic, and apply them every time",
    why:
      "54% of organisations expect production scale within three to six months (Deloitte, State " +
      "of AI 2026); the article warns that speed without structure produces the same outcome at " +
      "larger cost.",
    ownerRole: "executive",
    ownerTitle: "Executive team",
    effort: "S",
  },
  // Step 3: build monitoring before go-live.
  {
    id: "rec.monitoring.before_go_live",
    appliesTo: {
      kind: "question",
      questionId: "monitoring.before_go_live",
      levels: belowPractice,
    },
    step: "monitoring",
    title:
      "Build and test output monitoring before the next go-live, and make it a release criterion",
    why:
      "The article's diagnostic: build monitoring before going live, not after. Organisations " +
      "that deploy successfully built monitoring from day one.",
    ownerRole: "technical",
    ownerTitle: "Engineering lead for the workflow",
    effort: "L",
  },
  {
    id: "rec.monitoring.quality_sampling",
    appliesTo: {
      kind: "question",
      questionId: "monitoring.output_quality_tracking",
      levels: belowPractice,
    },
    step: "monitoring",
    title: "Sample and score production outputs every week against the acceptance criteria",
    why:
      "Inconsistent outputs erode leadership confidence; measuring quality in production is how " +
      "you see it before your customers do.",
    ownerRole: "business",
    ownerTitle: "Business owner with a quality reviewer",
    effort: "M",
  },
  {
    id: "rec.monitoring.owned_alerts",
    appliesTo: { kind: "question", questionId: "monitoring.drift_alerts", levels: belowPractice },
    step: "monitoring",
    title: "Route drift alerts to a named on-call person with a runbook",
    why: "Monitoring that nobody acts on is not monitoring; the article asks for it from day one.",
    ownerRole: "technical",
    ownerTitle: "Engineering lead for the workflow",
    effort: "S",
  },
  {
    id: "rec.monitoring.incident_drill",
    appliesTo: {
      kind: "question",
      questionId: "monitoring.incident_response",
      levels: belowPractice,
    },
    step: "monitoring",
    title: "Rehearse a wrong-output-at-scale incident: detect, stop, trace and correct",
    why:
      "The diagnostic's ownership question only has an answer if the owner can actually stop the " +
      "AI and find the affected cases.",
    ownerRole: "technical",
    ownerTitle: "Engineering lead with the accountable owner",
    effort: "S",
  },
  {
    id: "rec.monitoring.leadership_dashboard",
    appliesTo: {
      kind: "question",
      questionId: "monitoring.leadership_visibility",
      levels: belowPractice,
    },
    step: "monitoring",
    title: "Put one current production dashboard on the agenda of a regular leadership meeting",
    why:
      "Lost leadership confidence kills deployment; a trusted view of quality and incidents " +
      "keeps one anecdote from deciding the programme's fate.",
    ownerRole: "executive",
    ownerTitle: "Executive sponsor",
    effort: "S",
  },
  {
    id: "rec.monitoring.unit_economics",
    appliesTo: {
      kind: "question",
      questionId: "monitoring.usage_and_cost",
      levels: belowPractice,
    },
    step: "monitoring",
    title: "Track usage, adoption and cost per transaction for each workflow",
    why:
      "Scaling decisions need figures, and treating AI as an operational discipline rather than a " +
      "procurement decision starts with knowing what each workflow costs and returns.",
    ownerRole: "data",
    ownerTitle: "Analytics lead",
    effort: "S",
  },
  // Step 4: make the workflow's data ready.
  {
    id: "rec.data.find_out",
    appliesTo: { kind: "blind_spot", dimensionId: "data", minShare: 0.2 },
    step: "data",
    title: "Find out which data management practices actually exist for the data AI uses",
    why:
      "63% of organisations lack proper data management practices for AI or are not sure " +
      'whether they have them; the "don\'t know" answers here are the finding.',
    ownerRole: "data",
    ownerTitle: "Head of data",
    effort: "S",
  },
  {
    id: "rec.data.workflow_audit",
    appliesTo: { kind: "question", questionId: "data.workflow_audit", levels: belowPractice },
    step: "data",
    title: "Audit data readiness for this workflow, source by source, with owners for the fixes",
    why:
      "Audit data readiness at the workflow level, not the platform level (the article's " +
      "diagnostic). Gartner projects that 60% of AI projects without AI-ready data will be " +
      "abandoned through 2026.",
    ownerRole: "data",
    ownerTitle: "Data steward for the workflow",
    effort: "M",
  },
  {
    id: "rec.data.governance",
    appliesTo: {
      kind: "question",
      questionId: "data.governance_practices",
      levels: belowPractice,
    },
    step: "data",
    title: "Apply data management practices to every dataset the AI uses, each with a named owner",
    why:
      "Data governance is the recurring blind spot: 63% of organisations lack proper data " +
      "management practices for AI or are not sure whether they have them.",
    ownerRole: "data",
    ownerTitle: "Head of data",
    effort: "L",
  },
  {
    id: "rec.data.labelled_set",
    appliesTo: { kind: "question", questionId: "data.domain_data", levels: belowPractice },
    step: "data",
    title: "Build a labelled domain data set covering the common and the high-risk cases",
    why:
      "Insufficient domain-specific training data is one of the five structural gaps behind most " +
      "scaling failures.",
    ownerRole: "data",
    ownerTitle: "Data lead with domain experts",
    effort: "L",
  },
  {
    id: "rec.data.automated_checks",
    appliesTo: { kind: "question", questionId: "data.quality_checks", levels: belowPractice },
    step: "data",
    title: "Automate data quality and freshness checks on every load",
    why:
      "Without AI-ready data, 60% of AI projects will be abandoned (Gartner); checks on every " +
      "load stop a broken feed before it becomes wrong outputs at scale.",
    ownerRole: "data",
    ownerTitle: "Data engineering lead",
    effort: "M",
  },
  {
    id: "rec.data.permitted_use",
    appliesTo: { kind: "question", questionId: "data.permitted_use", levels: belowPractice },
    step: "data",
    title: "Document and enforce the permitted use of each data source",
    why:
      "Permissions reviewed once for a pilot do not cover use at scale; unclear permitted use is " +
      "part of the data governance blind spot the article describes.",
    ownerRole: "data",
    ownerTitle: "Data protection officer with the head of data",
    effort: "M",
  },
  {
    id: "rec.data.gap_list",
    appliesTo: { kind: "question", questionId: "data.leadership_view", levels: belowPractice },
    step: "data",
    title: "Give leaders a short list of workflow-level data gaps, each with an owner and a date",
    why:
      "Gartner projects that 60% of AI projects without AI-ready data will be abandoned through " +
      "2026; leaders can only fund the gaps they can see.",
    ownerRole: "data",
    ownerTitle: "Head of data",
    effort: "S",
  },
  // Step 5: integrate with the systems of record.
  {
    id: "rec.integration.supported_integration",
    appliesTo: {
      kind: "question",
      questionId: "integration.systems_of_record",
      levels: belowPractice,
    },
    step: "integration",
    title: "Replace manual hand-offs with a supported integration into the system of record",
    why:
      "Integration friction is the link between outdated process design and inconsistent " +
      "outputs; copy-paste between tools does not survive production volume.",
    ownerRole: "technical",
    ownerTitle: "Enterprise architect",
    effort: "L",
  },
  {
    id: "rec.integration.live_data",
    appliesTo: {
      kind: "question",
      questionId: "integration.production_data_access",
      levels: belowPractice,
    },
    step: "integration",
    title: "Open governed access to live production data for the workflow",
    why:
      "A pilot on an extract works in a controlled environment and collapses when it touches " +
      "real operations.",
    ownerRole: "data",
    ownerTitle: "Data platform lead",
    effort: "M",
  },
  {
    id: "rec.integration.map_constraints",
    appliesTo: {
      kind: "question",
      questionId: "integration.legacy_constraints",
      levels: belowPractice,
    },
    step: "integration",
    title: "Map the legacy systems' constraints and test at production volume",
    why:
      "Integration complexity with legacy systems is the first of the five structural gaps; " +
      "constraints found at go-live become outages.",
    ownerRole: "technical",
    ownerTitle: "Engineering lead with the system owners",
    effort: "M",
  },
  {
    id: "rec.integration.fallback",
    appliesTo: { kind: "question", questionId: "integration.fallback", levels: belowPractice },
    step: "integration",
    title: "Build and rehearse a fallback that keeps the work moving when the AI fails",
    why:
      "The first outage without a fallback becomes the reason to switch the AI off, and lost " +
      "confidence kills deployment.",
    ownerRole: "business",
    ownerTitle: "Process owner with the engineering lead",
    effort: "M",
  },
  {
    id: "rec.integration.paved_path",
    appliesTo: { kind: "dimension", dimensionId: "integration", score: { min: 0, max: 49 } },
    step: "integration",
    title: "Create one paved path from pilot to production that every initiative uses",
    why:
      "Only 25% of organisations have converted 40% or more of their pilots into production " +
      "(Deloitte, State of AI 2026); a shared path turns each deployment into a repeat, not a project.",
    ownerRole: "technical",
    ownerTitle: "CTO or head of platform",
    effort: "L",
  },
  // Step 6: hold output quality at volume.
  {
    id: "rec.output_quality.acceptance_criteria",
    appliesTo: {
      kind: "question",
      questionId: "output_quality.definition",
      levels: belowPractice,
    },
    step: "quality",
    title: "Agree written acceptance criteria and a labelled example set with the business owner",
    why:
      "Without an agreed definition of a good output, every inconsistency becomes a debate, and " +
      "inconsistent outputs erode leadership confidence.",
    ownerRole: "business",
    ownerTitle: "Business owner of the workflow",
    effort: "S",
  },
  {
    id: "rec.output_quality.volume_evaluation",
    appliesTo: {
      kind: "question",
      questionId: "output_quality.evaluation_at_volume",
      levels: belowPractice,
    },
    step: "quality",
    title: "Evaluate on a representative sample at production volume, rare cases included",
    why:
      "Inconsistent output quality at volume is one of the five structural gaps; a pilot that " +
      "works in a controlled environment collapses on real operations.",
    ownerRole: "technical",
    ownerTitle: "ML or AI engineering lead",
    effort: "M",
  },
  {
    id: "rec.output_quality.risk_based_review",
    appliesTo: {
      kind: "question",
      questionId: "output_quality.human_review",
      levels: belowPractice,
    },
    step: "quality",
    title: "Send high-impact and low-confidence outputs to trained reviewers with written criteria",
    why:
      "Risk-based review keeps errors from reaching customers at scale without giving up the " +
      "time the AI saves.",
    ownerRole: "business",
    ownerTitle: "Process owner",
    effort: "M",
  },
  {
    id: "rec.output_quality.flag_and_triage",
    appliesTo: {
      kind: "question",
      questionId: "output_quality.error_feedback",
      levels: belowPractice,
    },
    step: "quality",
    title: "Let users flag wrong outputs where they work, and triage the flags every week",
    why:
      "The people doing the work see errors first; turning their flags into test cases is how " +
      "quality holds as volume grows.",
    ownerRole: "technical",
    ownerTitle: "Product owner for the workflow",
    effort: "S",
  },
  {
    id: "rec.output_quality.consistency_tests",
    appliesTo: {
      kind: "question",
      questionId: "output_quality.consistency",
      levels: belowPractice,
    },
    step: "quality",
    title: "Measure consistency on a fixed test set before every model or prompt change",
    why:
      "Inconsistent outputs are the link in the chain of failure that erodes leadership " +
      "confidence and kills deployment.",
    ownerRole: "technical",
    ownerTitle: "ML or AI engineering lead",
    effort: "S",
  },
  {
    id: "rec.output_quality.report_to_leaders",
    appliesTo: {
      kind: "question",
      questionId: "output_quality.leadership_confidence",
      levels: belowPractice,
    },
    step: "quality",
    title: "Report the workflow's quality figures to leaders so trust rests on evidence",
    why:
      "Inconsistent outputs erode leadership confidence, which kills deployment before it " +
      "starts; figures outlast anecdotes.",
    ownerRole: "business",
    ownerTitle: "Business owner of the workflow",
    effort: "S",
  },
];
