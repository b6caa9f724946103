import type { z } from "zod";
import type { dimensionSchema } from "../../schema";

export const monitoring: z.input<typeof dimensionSchema> = {
  id: "monitoring",
  name: "Monitoring in production",
  kind: "gap",
  description:
    "Whether the organisation can see what its AI does in production: the quality of outputs, " +
    "drift, incidents, usage and cost, with someone watching and able to act. The article's " +
    "diagnostic is explicit: build monitoring before going live, not after. Organisations that " +
    "deploy successfully built monitoring from day one.",
  weight: 1,
  questions: [
    {
      id: "monitoring.before_go_live",
      text: "For the workflow you plan to scale, is monitoring of the AI built and tested before go-live, not after?",
      help:
        "Third part of the three-part diagnostic: build monitoring before going live, not after. " +
        "Successful organisations built monitoring from day one.",
      levels: [
        "No monitoring is planned; it will be added if problems appear.",
        "Monitoring is on the backlog for after launch.",
        "Uptime and error logs exist, but nothing watches the quality of the outputs.",
        "Monitoring of output quality, drift and usage is built, tested and on a dashboard before go-live, with alert thresholds agreed.",
        "No workflow goes live without signed-off monitoring; it is on the release checklist and audited.",
      ],
      allowNotApplicable: false,
      critical: true,
      weight: 1.5,
      audience: ["executive", "technical", "data"],
    },
    {
      id: "monitoring.output_quality_tracking",
      text: "For the workflow you plan to scale, is the measurement of output quality in production (sampled review, user flags, ground truth when it arrives) built and ready to run from its first day live?",
      help:
        "Uptime says the system runs; only output quality says it works. Answer for the workflow " +
        "even if it is not live yet: what matters is whether the measurement exists before go-live. " +
        "Without it, the first sign of trouble is a customer complaint or a regulator's letter.",
      levels: [
        "Nothing is planned; problems would be heard about from customers.",
        "It is planned to look at a few outputs after launch, when someone has time.",
        "Sampling by hand every month or quarter is planned, but nothing is built.",
        "Weekly or more frequent sampling, scored against the acceptance criteria with the trend reported, is built and tested before go-live.",
        "Automatic measurement by segment, with ground truth joined back as it arrives, is built and tested before go-live; the owner gets reports without asking.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1.5,
      audience: ["business", "technical", "data"],
    },
    {
      id: "monitoring.drift_alerts",
      text: "Do alerts fire when the inputs or outputs drift away from what the AI was tested on, and does a named person act on them?",
      help:
        "Real operations change: new products, new customers, new data. Drift alerts that nobody " +
        "owns are noise; owned alerts are early warnings.",
      levels: [
        "No alerts.",
        "Alerts on system errors only, not on inputs or outputs.",
        "Drift alerts exist but go to a shared inbox that nobody watches.",
        "Drift alerts on inputs and outputs go to a named on-call person with a runbook.",
        "Alerts are tuned, reviewed for false alarms, and every alert has a recorded outcome.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["technical", "data"],
    },
    {
      id: "monitoring.incident_response",
      text: "If the AI produced wrong outputs at scale, how fast could you detect it, stop it and correct the affected cases?",
      help:
        "The question is not whether it will happen but whether you would know and could undo " +
        "it. Switching off is not enough if you cannot find the cases already affected.",
      levels: [
        "We would not know until a customer or regulator told us.",
        "We could switch it off, but could not find the affected cases.",
        "We could switch it off and find the affected cases, with days of effort.",
        "A documented incident process detects, stops and traces affected cases within hours, and it has been rehearsed.",
        "It is rehearsed regularly; incidents have post-mortems whose actions are tracked to closure.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical"],
    },
    {
      id: "monitoring.usage_and_cost",
      text: "Are usage, adoption and cost per transaction tracked for each AI workflow in production?",
      help:
        "Scaling decisions need figures: is it used, by whom, and what does each transaction " +
        "cost? Vendor invoices alone cannot answer that.",
      levels: [
        "No figures.",
        "Total vendor invoices only.",
        "Usage is known for some workflows, but not cost per transaction or adoption.",
        "Usage, adoption and cost per transaction are reported monthly for each workflow.",
        "These figures drive decisions to scale, fix or retire each workflow.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business", "technical"],
    },
    {
      id: "monitoring.leadership_visibility",
      text: "Do leaders see how AI performs in production without having to ask for a special report?",
      help:
        "Leadership confidence is the last link in the chain of failure. A current, trusted view " +
        "of quality and incidents keeps one bad anecdote from deciding the programme's fate.",
      levels: [
        "No; leaders hear about AI only in project updates or when something goes wrong.",
        "A slide appears in a quarterly review.",
        "A dashboard exists but is out of date or not trusted.",
        "A current dashboard of quality, incidents, usage and value per workflow is reviewed in a regular leadership meeting.",
        "The dashboard is part of the operating rhythm, and the decisions taken from it are recorded.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business"],
    },
  ],
};
