import type { FrameworkContent } from "../../schema";
import { data } from "./data";
import { integration } from "./integration";
import { leadership } from "./leadership";
import { monitoring } from "./monitoring";
import { outputQuality } from "./output-quality";
import { ownership } from "./ownership";
import { recommendations } from "./recommendations";
import { diagnostic, gates, rules, sequence, stages } from "./rules";
import { workflowRedesign } from "./workflow-redesign";

export const framework2027_1: FrameworkContent = {
  version: "2027.1",
  name: "GapMap AI production readiness framework",
  // Order follows the article's chain of failure for the gaps, then the two enablers.
  dimensions: [
    integration,
    outputQuality,
    monitoring,
    ownership,
    data,
    workflowRedesign,
    leadership,
  ],
  diagnostic,
  stages,
  gates,
  sequence,
  recommendations,
  rules,
  questionIdMapping: {
    fromVersion: "2026.4",
    renamed: {},
    // "alerting" read as uptime alerts; drift_alerts asks about drift and who acts on it: the
    // meaning changed, so comparisons across it are not like for like (issue 14).
    changed: { "monitoring.alerting": "monitoring.drift_alerts" },
    // Retired because a budget measures a mandate, not leaders modelling the new ways of working.
    retired: ["leadership.ai_budget"],
  },
};
