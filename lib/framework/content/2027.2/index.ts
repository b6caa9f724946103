import type { FrameworkContent } from "../../schema";
import { data } from "../2027.1/data";
import { integration } from "../2027.1/integration";
import { leadership } from "../2027.1/leadership";
import { monitoring } from "../2027.1/monitoring";
import { outputQuality } from "../2027.1/output-quality";
import { ownership } from "../2027.1/ownership";
import { recommendations } from "./recommendations";
import { withObservers } from "./observers";
import { diagnostic, gates, rules, sequence, stages } from "./rules";
import { workflowRedesign } from "../2027.1/workflow-redesign";

// 2027.2 asks the same questions as 2027.1 (imported, not copied, so the difference between the
// versions is only what this folder holds: the rules, and recommendations with a definition of
// done, four more of them).
// A content change for 2027.2 copies the one file it changes into this folder first.
export const framework2027_2: FrameworkContent = {
  version: "2027.2",
  name: "GapMap AI production readiness framework",
  // Order follows the article's chain of failure for the gaps, then the two enablers.
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
    // 2027.2 changes how answers are judged (the rules section), not which questions are asked.
    renamed: {},
    retired: [],
  },
};
