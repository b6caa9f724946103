import type { z } from "zod";
import type { dimensionSchema, RespondentRole } from "../../schema";

type DimensionContent = z.input<typeof dimensionSchema>;

// 2027.2: questions about technical facts, and the roles that can observe them directly. Where
// they rated a practice, other roles' "don't know" is a visibility gap (a finding for leadership),
// not the practice's absence: three executives not knowing whether monitoring exists say nothing
// about monitoring that technical respondents rate at level 4 (rule 8 of issue 14).
const observers: Record<string, RespondentRole[]> = {
  "integration.systems_of_record": ["technical"],
  "integration.production_data_access": ["technical", "data"],
  "integration.legacy_constraints": ["technical"],
  "integration.fallback": ["technical", "business"],
  "integration.time_to_production": ["technical"],
  "integration.paved_path": ["technical", "data"],
  "output_quality.evaluation_at_volume": ["technical", "data"],
  "output_quality.consistency": ["technical"],
  "monitoring.before_go_live": ["technical", "data"],
  "monitoring.output_quality_tracking": ["technical", "data"],
  "monitoring.drift_alerts": ["technical", "data"],
  "monitoring.incident_response": ["technical"],
  "monitoring.usage_and_cost": ["technical"],
  "data.governance_practices": ["technical", "data"],
  "data.domain_data": ["technical", "data"],
  "data.quality_checks": ["technical", "data"],
  "data.permitted_use": ["data"],
};

/** The dimension with each technical question's observers. */
export function withObservers(dimension: DimensionContent): DimensionContent {
  return {
    ...dimension,
    questions: dimension.questions.map((q) => {
      const roles = observers[q.id];
      return roles ? { ...q, observers: roles } : q;
    }),
  };
}

export const observedQuestionIds = Object.keys(observers);
