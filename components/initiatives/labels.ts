import type { InitiativeStatus, PartStatus } from "@/lib/initiatives/schema";

export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, string> = {
  idea: "Idea",
  pilot: "Pilot",
  production: "Production",
  scaled: "Scaled",
  retired: "Retired",
};

export const PART_STATUS_LABELS: Record<PartStatus, string> = {
  met: "Met",
  partial: "Partial",
  unmet: "Not met",
};
