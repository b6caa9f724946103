import type { z } from "zod";
import type { dimensionSchema } from "../../schema";

export const integration: z.input<typeof dimensionSchema> = {
  id: "integration",
  name: "Integration with legacy systems",
  kind: "gap",
  description:
    "Whether AI outputs reach the systems of record where the work actually happens, on live data, " +
    "at production volume. A pilot that works in a controlled environment collapses when it touches " +
    "real operations: the chain of failure starts with outdated process design, which creates " +
    "integration friction, which creates inconsistent outputs and ends with lost leadership " +
    "confidence. Only 25% " +
    "of organisations have converted 40% or more of their AI pilots into production (Deloitte, " +
    "State of AI 2026).",
  weight: 1,
  questions: [
    {
      id: "integration.systems_of_record",
      text: "How do the AI's outputs reach the systems of record (ERP, CRM, core platforms) that the workflow runs on?",
      help:
        "Output that stays in a separate tool is a demo, not production. Integration friction, " +
        "created by outdated process design, is what leads to inconsistent outputs.",
      levels: [
        "Outputs live in a separate tool or demo; nobody in operations sees them in their own systems.",
        "People copy outputs by hand (copy-paste, spreadsheets, email) into the system of record.",
        "A one-off script or batch export moves outputs; it breaks when a schema changes and someone notices days later.",
        "A supported integration (API, events or a connector) writes outputs into the system of record, with error handling and retries.",
        "Integrations are versioned, tested against the real schemas on every change and owned by a team; a new workflow reuses them in weeks.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1.5,
      audience: ["business", "technical"],
    },
    {
      id: "integration.production_data_access",
      text: "Can the AI use live production data under the same access controls as the workflow, rather than an extract?",
      help:
        "Pilots often run on a one-time extract. Scaling needs governed, live access, or the model " +
        "meets data in production it has never seen.",
      levels: [
        "The pilot ran on a one-time extract or synthetic data; there is no path to live data.",
        "Access to live data is requested case by case and takes months of approvals.",
        "A read-only feed exists for some sources, but it lags by days or bypasses the usual access controls.",
        "The AI reads live data through governed interfaces, with the same permissions as the people in the workflow.",
        "Live, governed access is a standard platform service; new sources are onboarded through a documented, repeatable process.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["technical", "data"],
    },
    {
      id: "integration.legacy_constraints",
      text: "Have the constraints of the legacy systems (batch windows, rate limits, formats, change freezes) been mapped and tested for the workflow you want to scale?",
      help:
        "Constraints nobody wrote down surface at go-live as outages and delays. Map them for " +
        "every system the workflow touches, at the volume you expect.",
      levels: [
        "Not looked at; the pilot avoided the legacy systems entirely.",
        "Known informally by one or two people and discovered when something breaks.",
        "Listed for the main system, but not tested at production volume.",
        "Mapped for every system in the workflow and tested at expected volume, with workarounds agreed with the system owners.",
        "Mapped, tested and revisited with each release; system owners plan their roadmaps with the AI workload in mind.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["technical"],
    },
    {
      id: "integration.fallback",
      text: "When the AI or one of its integrations fails, what happens to the work?",
      help:
        "A production workflow needs a way to keep running when the AI does not. Without one, the " +
        "first outage becomes the reason to switch the AI off for good.",
      levels: [
        "Work stops or silently goes wrong; nobody has planned for it.",
        "People improvise and someone emails IT.",
        "A manual fallback exists on paper but has never been tried.",
        "A tested fallback (manual or rules-based) takes over, and the people doing the work know how to switch to it.",
        "Failover is automatic and rehearsed; every use of it is reported and feeds the integration backlog.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical"],
    },
    {
      id: "integration.time_to_production",
      text: "How long does it take to move a working pilot onto production infrastructure?",
      help:
        "Only 25% of organisations have converted 40% or more of their pilots into production " +
        "(Deloitte, State of AI 2026). A long, unknown path is where pilots go to die.",
      levels: [
        "No pilot has made it yet, and nobody knows what it would take.",
        "More than a year, or each pilot is rebuilt from scratch by a different team.",
        "Six to twelve months, mostly spent waiting for security, infrastructure and integration work.",
        "One to six months, through a known path (environments, security review, deployment) that pilots are designed for from the start.",
        "Weeks: pilots are built on the production platform, so going live is a release, not a project.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business", "technical"],
    },
    {
      id: "integration.paved_path",
      text: "Is there one standard way (platform, integration patterns, security review) to take AI into the business systems, or does each pilot invent its own?",
      help:
        "Every pilot that invents its own plumbing multiplies the integration work of scaling. A " +
        "shared path turns the second and third deployment into repeats rather than projects.",
      levels: [
        "Each pilot chose its own tools and vendors; nothing is shared.",
        "Some shared tools exist, but pilots still build their own integrations.",
        "A standard is written down but followed by a minority of initiatives.",
        "Most initiatives use a shared platform, integration patterns and a standard security review.",
        "All production AI uses the shared path, which is improved from the lessons of each deployment.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "technical", "data"],
    },
  ],
};
