import type { z } from "zod";
import type { FrameworkContent, questionSchema } from "../schema";
import { framework2027_1 } from "./2027.1";

type QuestionContent = z.input<typeof questionSchema>;

// 2026.4 is the version before 2027.1. It is written as the three edits 2027.1 made to it, so the
// shared content cannot drift apart; 2027.1's questionIdMapping records the same edits.
const addedIn2027_1 = "workflow_redesign.exception_paths";

const alerting: QuestionContent = {
  id: "monitoring.alerting",
  text: "Are there alerts on the AI's behaviour in production, and does someone act on them?",
  help: "Alerts that nobody owns are noise; owned alerts are early warnings.",
  levels: [
    "No alerts.",
    "Alerts on system errors only.",
    "Alerts exist but go to a shared inbox that nobody watches.",
    "Alerts go to a named on-call person with a runbook.",
    "Alerts are tuned, reviewed for false alarms, and every alert has a recorded outcome.",
  ],
  allowNotApplicable: false,
  critical: false,
  weight: 1,
  audience: ["technical", "data"],
};

const aiBudget: QuestionContent = {
  id: "leadership.ai_budget",
  text: "Is there a dedicated budget for AI initiatives, set by the leadership team?",
  help: "A budget shows that leadership has made AI a priority.",
  levels: [
    "No budget; AI work is funded from spare money.",
    "Budget is found project by project.",
    "A central AI budget exists for pilots.",
    "A multi-year AI budget is set by the leadership team.",
    "The AI budget is allocated by measured value across the portfolio.",
  ],
  allowNotApplicable: false,
  critical: false,
  weight: 1,
  audience: ["executive"],
};

const { name, diagnostic, stages, gates, sequence, rules } = framework2027_1;

export const framework2026_4: FrameworkContent = {
  version: "2026.4",
  name,
  diagnostic,
  stages,
  gates,
  sequence,
  rules,
  dimensions: framework2027_1.dimensions.map((d) => {
    const questions = d.questions
      .filter((q) => q.id !== addedIn2027_1)
      .map((q) => (q.id === "monitoring.drift_alerts" ? alerting : q));
    if (d.id === "leadership") questions.push(aiBudget);
    return { ...d, questions };
  }),
  recommendations: framework2027_1.recommendations.flatMap((r) => {
    if (r.appliesTo.kind !== "question") return [r];
    if (r.appliesTo.questionId === addedIn2027_1) return [];
    if (r.appliesTo.questionId !== "monitoring.drift_alerts") return [r];
    return [{ ...r, appliesTo: { ...r.appliesTo, questionId: "monitoring.alerting" } }];
  }),
};
