import type { FrameworkContent } from "../../schema";
import { data } from "../2027.1/data";
import { integration } from "./integration";
import { leadership } from "./leadership";
import { monitoring } from "./monitoring";
import { outputQuality } from "./output-quality";
import { ownership } from "./ownership";
import { recommendations } from "./recommendations";
import { withObservers } from "./observers";
import { diagnostic, gates, rules, sequence, stages } from "./rules";
import { workflowRedesign } from "../2027.1/workflow-redesign";

// 2027.2 imports what it keeps of 2027.1 (the workflow redesign dimension) and holds only what
// differs: the rules, recommendations with a definition of done (four more of them), the
// observers of technical questions, and the dimensions whose texts or level anchors it corrects
// (figures as the article gives them; anchors that held two states split; the monitoring
// diagnostic question answerable before go-live). Questions whose meaning changed are mapped as
// changed, so comparisons with 2027.1 rounds do not claim like for like.
// A content change for 2027.2 copies the one file it changes into this folder first.
export const framework2027_2: FrameworkContent = {
  version: "2027.2",
  name: "GapMap AI production readiness framework",
  // The five structural gaps in the article's order, then the two enablers. (The chain of
  // failure starts earlier, with outdated process design: workflow redesign.)
  // Technical questions name the roles that can observe them (rule 8, observers.ts).
  dimensions: [
    integration,
    outputQuality,
    monitoring,
    ownership,
    data,
    workflowRedesign,
    leadership,
  ].map(withObservers),
  diagnostic,
  stages,
  gates,
  sequence,
  recommendations,
  rules,
  questionIdMapping: {
    fromVersion: "2027.1",
    // 2027.2 asks the same questions; those below changed their meaning (text or level anchors).
    renamed: {},
    retired: [],
    changed: {
      "output_quality.human_review": "output_quality.human_review",
      "output_quality.leadership_confidence": "output_quality.leadership_confidence",
      "ownership.wrong_output_owner": "ownership.wrong_output_owner",
      "ownership.business_owner": "ownership.business_owner",
      "ownership.run_team": "ownership.run_team",
      "monitoring.output_quality_tracking": "monitoring.output_quality_tracking",
    },
  },
};
