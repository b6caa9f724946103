import type { z } from "zod";
import type { dimensionSchema } from "../../schema";

export const data: z.input<typeof dimensionSchema> = {
  id: "data",
  name: "Domain data and data governance",
  kind: "gap",
  description:
    "Whether the workflow has the domain-specific data it needs (enough, labelled, of known " +
    "quality, permitted for this use) and whether data is governed for AI. Data governance is the " +
    "recurring blind spot: 63% of organisations lack proper data management practices for AI or " +
    "are not sure whether they have them, and Gartner projects that through 2026 organisations " +
    "will abandon 60% of AI projects not backed by AI-ready data. Readiness is audited at the " +
    "workflow level, not the platform level.",
  weight: 1.25,
  questions: [
    {
      id: "data.workflow_audit",
      text: "Has data readiness been audited for the specific workflow you want to scale, not for the data platform in general?",
      help:
        "First part of the three-part diagnostic: audit data readiness at the workflow level, not " +
        "the platform level. Gartner projects that 60% of AI projects without AI-ready data will " +
        "be abandoned through 2026.",
      levels: [
        "No audit; the data is assumed to be fine because the pilot worked.",
        "A general data-platform assessment exists, but nothing for this workflow.",
        "The workflow's main data sources were reviewed informally.",
        "A written workflow-level audit covers each source's availability, quality, lineage, access rights and gaps, with owners for the fixes.",
        "The audit is repeated before each scaling step, and its findings are tracked to closure.",
      ],
      allowNotApplicable: false,
      critical: true,
      weight: 1.5,
      audience: ["business", "technical", "data"],
    },
    {
      id: "data.governance_practices",
      text: "Are data management practices defined and applied for the data AI uses (dataset owners, quality rules, lineage, retention, permitted use)?",
      help:
        "63% of organisations lack proper data management practices for AI or are not sure " +
        'whether they have them. If you are not sure, answer "don\'t know": that is the finding.',
      levels: [
        "No practices apply to the data AI uses.",
        "Practices exist for reporting data but have not been applied to AI.",
        "Policies are written but applied inconsistently.",
        "Practices are applied to every dataset AI uses in production, each with a named data owner.",
        "Practices are applied, checked automatically where possible, and audited.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1.5,
      audience: ["executive", "technical", "data"],
    },
    {
      id: "data.domain_data",
      text: "Is there enough labelled, domain-specific data (cases, outcomes, expert judgements) to adapt and evaluate the AI for this workflow?",
      help:
        "Insufficient domain-specific training data is one of the five structural gaps. A " +
        "general-purpose model does not know your products, your customers or your exceptions.",
      levels: [
        "No domain data; the model is used as it comes.",
        "Historical records exist but are unlabelled and scattered.",
        "A labelled set covers the common cases, not the rare or high-risk ones.",
        "A labelled domain set covers common and high-risk cases, with labelling guidelines and expert review.",
        "Labelling is continuous: production cases and corrections flow back into the data set.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical", "data"],
    },
    {
      id: "data.quality_checks",
      text: "Are the quality and freshness of the data feeding the AI checked before it is used?",
      help:
        "Bad data in means wrong outputs at scale. Checks on every load stop a broken feed " +
        "before it becomes an incident.",
      levels: [
        "No checks.",
        "Problems are found when the outputs look wrong.",
        "Manual checks on load, some of the time.",
        "Automated checks (completeness, freshness, schema, ranges) run on every load and block bad data.",
        "Checks are owned, tuned and reported; data incidents get root-cause reviews.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["technical", "data"],
    },
    {
      id: "data.permitted_use",
      text: "Is it clear which data the AI may use (consent, contracts, regulation), and is that enforced?",
      help:
        "A pilot on an extract can ignore permissions; production cannot. Unclear permitted use " +
        "is a common reason for a late stop by legal or the regulator.",
      levels: [
        "Not considered.",
        "Assumed to be fine, without review.",
        "Reviewed once for the pilot, not for use at scale.",
        "Permitted uses are documented per source, reviewed by legal or privacy, and enforced by access controls.",
        "Documented, enforced and audited; new uses go through a quick, standard review.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "data"],
    },
    {
      id: "data.leadership_view",
      text: "Do leaders know which data gaps stand between the current pilots and production?",
      help:
        "Data is the recurring blind spot: 63% of organisations lack data management practices " +
        "for AI or are not sure whether they have them. Leaders cannot fund what they cannot see.",
      levels: [
        "No; data is seen as an IT matter.",
        "Leaders hear about data problems only when a project is late.",
        'Known in general terms ("our data is messy").',
        "Leaders see a short list of workflow-level data gaps, each with an owner and a date.",
        "Data gaps are funded and tracked like any other business risk.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business"],
    },
  ],
};
