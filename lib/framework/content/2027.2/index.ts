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

export const framework2027_2: FrameworkContent = {
  version: "2027.2",
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
    fromVersion: "2027.1",
    // 2027.2 changes how answers are judged (the rules section), not which questions are asked.
    renamed: {},
    retired: [],
  },
};
