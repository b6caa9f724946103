// A round focused on one initiative names its workflow wherever a question says "the workflow",
// so a respondent answers about that workflow and not the organisation's AI work in general.

const THE_WORKFLOW = /\b([Tt])he workflow\b/;

/** The first "the workflow" of a text, followed by the workflow's name in quotes. */
export function nameTheWorkflow(text: string, workflow: string): string {
  return text.replace(THE_WORKFLOW, (match) => `${match} “${workflow}”`);
}

/** What the questionnaire calls the focus: its workflow, or else the initiative's name. */
export function focusLabel(initiative: { name: string; workflow: string | null }): string {
  return initiative.workflow?.trim() || initiative.name;
}
