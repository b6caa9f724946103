import type { z } from "zod";
import type { dimensionSchema } from "../../schema";

export const workflowRedesign: z.input<typeof dimensionSchema> = {
  id: "workflow_redesign",
  name: "Workflow redesign before deployment",
  kind: "enabler",
  description:
    "Whether the organisation redesigns the workflow around the AI before deploying it, instead of " +
    "bolting AI onto a process designed for a different era. AI high performers are 2.8 times more " +
    "likely to have fundamentally redesigned their workflows: 55% of scaling leaders did so, " +
    "against 20% of their peers (McKinsey, State of AI). It is the first step of the sequence that " +
    "matters more than the technology stack.",
  weight: 1.25,
  questions: [
    {
      id: "workflow_redesign.redesigned_before_deployment",
      text: "Was the workflow redesigned around the AI before deployment, or was the AI added to the existing process?",
      help:
        "AI high performers are 2.8 times more likely to have fundamentally redesigned their " +
        "workflows (55% vs 20%, McKinsey, State of AI). Outdated process design is where the " +
        "chain of failure starts.",
      levels: [
        "The AI was bolted onto the existing process unchanged.",
        "Minor tweaks were made, such as an extra step to check the AI's output.",
        "Some steps changed, but roles, hand-offs and controls are as before.",
        "The workflow was redesigned end to end before deployment: steps removed, roles and hand-offs changed, controls rewritten.",
        "Redesign is how every AI initiative starts, and results are measured against the old process.",
      ],
      allowNotApplicable: false,
      critical: true,
      weight: 1.5,
      audience: ["executive", "business", "technical"],
    },
    {
      id: "workflow_redesign.process_mapped",
      text: "Was the current workflow mapped (steps, hand-offs, decisions, exceptions, volumes) before the AI was designed into it?",
      help:
        "You cannot redesign what you have not seen. Pilots that start from a technology idea " +
        "instead of a process map automate the wrong steps.",
      levels: [
        "No map; the pilot started from a technology idea.",
        "A high-level diagram exists.",
        "The main path is mapped, without exceptions or volumes.",
        "Mapped with exceptions, volumes, hand-offs and pain points, and checked by the people who do the work.",
        "Maps are kept current and reused; the redesigned workflow is mapped and measured too.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical", "data"],
    },
    {
      id: "workflow_redesign.frontline_involved",
      text: "Were the people who do the work involved in redesigning it?",
      help:
        "The people in the workflow know its exceptions and workarounds. A redesign they did not " +
        "shape tends to be worked around rather than used.",
      levels: [
        "No; they were told about it at launch.",
        "They were informed and asked for feedback after the design was fixed.",
        "A few representatives were consulted during design.",
        "Front-line staff co-designed the workflow and tested it before go-live.",
        "Front-line staff co-own the workflow and propose improvements that are acted on.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business"],
    },
    {
      id: "workflow_redesign.exception_paths",
      text: "Does the redesigned workflow say what happens to the cases the AI cannot handle (low confidence, out of scope, disputed)?",
      help:
        "At volume, the rare cases are no longer rare. Without a route and an owner for them, " +
        "they fall through the cracks or stall the whole workflow.",
      levels: [
        "No; such cases fall through the cracks.",
        "People are expected to notice and handle them.",
        "An exception path exists for some kinds of case.",
        "Every kind of exception has a route, an owner and a service level.",
        "Exception volumes are tracked and used to improve both the workflow and the AI.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["business", "technical"],
    },
    {
      id: "workflow_redesign.roles_and_targets",
      text: "Have roles, targets and training changed to match the redesigned workflow?",
      help:
        "If people are measured as before, they will work as before. Redesign includes what " +
        "people stop doing.",
      levels: [
        "No change; people are measured as before.",
        "A training session on the tool.",
        "Training on the new workflow, but roles and targets are unchanged.",
        "Roles, targets and training reflect the new workflow, including what people stop doing.",
        "They were reviewed after launch with the people affected, and career paths account for the new work.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business"],
    },
    {
      id: "workflow_redesign.value_measured",
      text: "Is the redesigned workflow measured against the old one (time, cost, quality, risk)?",
      help:
        "A baseline taken before the change is what turns a redesign from a belief into evidence " +
        "leaders can act on.",
      levels: [
        "No baseline was taken.",
        "Anecdotes only.",
        "A baseline exists, but results are not measured the same way.",
        "Before-and-after figures are measured the same way and reported.",
        "Measured continuously; the results decide where to redesign next.",
      ],
      allowNotApplicable: false,
      critical: false,
      weight: 1,
      audience: ["executive", "business", "data"],
    },
  ],
};
