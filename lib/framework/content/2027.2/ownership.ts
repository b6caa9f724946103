import type { z } from "zod";
import type { dimensionSchema } from "../../schema";

export const ownership: z.input<typeof dimensionSchema> = {
  id: "ownership",
  name: "Ownership of AI initiatives",
  kind: "gap",
  description:
    "Whether each AI initiative has a business owner who answers for its results, written decision " +
    "rights, a team and a budget to run it after the pilot, and a named person accountable when " +
    "the model is wrong at scale. The three-part diagnostic asks it plainly: who is accountable if " +
    "the deployed model produces a wrong output at scale? Organisations that deploy successfully " +
    "established clear ownership before they scaled.",
  weight: 1,
  questions: [
    {
      id: "ownership.wrong_output_owner",
      text: "Is a named person accountable if the deployed model produces a wrong output at scale?",
      help:
        'Second part of the three-part diagnostic. If the answer is "IT", "the vendor" or ' +
        '"the team", nobody is accountable, and nobody can decide to stop the AI.',
      levels: [
        "Nobody; the question has not been asked.",
        "A team (IT, the vendor, the data team) is assumed or named to be responsible, but no person.",
        "A named person is accountable, but has no written right to switch the AI off.",
        "The named person has the written right to switch the AI off.",
        "The named owner also has a deputy and written decision rights, and has handled an incident in this workflow as written.",
      ],
      allowNotApplicable: false,
      critical: true,
      weight: 1.5,
      audience: ["executive", "business", "technical", "data"],
    },
    {
      id: "ownership.business_owner",
      text: "Does each AI initiative have a business owner who owns its outcome, not only a technical lead?",
      help:
        "Initiatives owned by IT or an innovation team stay pilots: the business that runs the " +
        "workflow must want the result enough to change how it works.",
      levels: [
        "Initiatives are owned by IT or an innovation team; the business is a stakeholder.",
        "A business sponsor signed off the funding but is not involved since.",
        "A business owner is named but has no time or targets for the initiative.",
        "A business owner runs the workflow the AI changes and has the initiative's results in their own objectives.",
        "The owner reports the workflow's AI results alongside their other results, and ownership has survived a change of people.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1.5,
      audience: ["executive", "business"],
    },
    {
      id: "ownership.decision_rights",
      text: "Is it written down who decides to launch, change, pause and retire each AI workflow?",
      help:
        "Unclear decision rights turn every incident into an argument. A one-page table settles " +
        "it before it matters.",
      levels: [
        "No.",
        "Decided case by case, by whoever escalates loudest.",
        "Partly written: launch is covered, but change, pause and retirement are not.",
        "A decision-rights table (launch, change, pause, retire) exists for each workflow and is followed.",
        "It is followed, reviewed every year and audited; exceptions are recorded.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "technical"],
    },
    {
      id: "ownership.run_team",
      text: "When a pilot goes into production, who runs it day to day?",
      help:
        "Pilots are built by project teams that move on. Without a receiving team with skills and " +
        "budget, production AI is an orphan.",
      levels: [
        "Nobody is assigned: the pilot team keeps it going alongside new work when it can.",
        "It is handed to IT operations without documentation or budget.",
        "A handover happens, but the receiving team lacks the skills or budget to run it.",
        "A receiving team with budget, skills and a runbook takes over through a defined handover.",
        "Run teams are involved from the start of a pilot; handover is a checklist, not a negotiation.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical", "data"],
    },
    {
      id: "ownership.production_funding",
      text: "Is funding committed for running and improving AI in production, not only for pilots?",
      help:
        "54% of organisations expect meaningful production scale within three to six months " +
        "(Deloitte, State of AI 2026); without a run budget, that scale has no one to pay for it.",
      levels: [
        "Only pilot budgets exist.",
        "Production costs are found ad hoc from other budgets.",
        "Funding exists for the first year of production only.",
        "Run and improvement costs are in the owning unit's budget for each production workflow.",
        "Funding follows measured value: workflows that perform get more, and those that do not are retired.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive"],
    },
    {
      id: "ownership.vendor_accountability",
      text: "Do contracts with AI vendors say who is responsible for errors, model changes and the use of your data?",
      help:
        "A vendor's silent model update can change your outputs overnight. Answer not applicable " +
        "if no external AI vendor or model provider is involved.",
      levels: [
        "No; standard software terms only.",
        "Gaps in the contracts are known but not yet addressed.",
        "Some contracts cover it; model updates and data use remain unclear.",
        "Contracts state responsibility for errors, advance notice of model changes and permitted data use.",
        "Those terms are monitored, and vendor changes are tested before they reach production.",
      ],
      allowNotApplicable: true,
      critical: false,
      weight: 1,
      audience: ["executive", "technical"],
    },
  ],
};
