import type { ScoringRules } from "../framework";
import { percent } from "./numbers";
import type { Confidence } from "./types";

export type ConfidenceFacts = {
  respondents: number;
  coverage: number;
  blindSpotShare: number;
  agreement: number | null;
  /** 2027.2 on: reasons that hold confidence below high whatever the other figures say. */
  heldBelowHigh?: readonly string[];
};

function respondentsText(n: number): string {
  return n === 1 ? "1 respondent" : `${n} respondents`;
}

/** How far the result can be trusted, from how many answered, how fully, how surely and how alike. */
export function assessConfidence(
  rules: ScoringRules["confidence"],
  facts: ConfidenceFacts,
): { level: Confidence; reason: string } {
  const { respondents, coverage, blindSpotShare, agreement } = facts;
  const low: string[] = [];
  if (respondents < rules.low.belowRespondents)
    low.push(`only ${respondentsText(respondents)} (fewer than ${rules.low.belowRespondents})`);
  if (coverage < rules.low.belowCoverage)
    low.push(`only ${percent(coverage)} of the expected answers were given`);
  if (blindSpotShare > rules.low.aboveBlindSpotShare)
    low.push(`${percent(blindSpotShare)} of the answers are "don't know"`);
  if (agreement !== null && agreement < rules.low.belowAgreement)
    low.push(`respondents disagree strongly (agreement ${agreement})`);
  if (low.length > 0) return { level: "low", reason: `Low: ${low.join("; ")}.` };

  const short: string[] = [];
  if (respondents < rules.high.minRespondents)
    short.push(`${respondentsText(respondents)} (high needs ${rules.high.minRespondents})`);
  if (coverage < rules.high.minCoverage)
    short.push(
      `${percent(coverage)} of expected answers given (high needs ${percent(rules.high.minCoverage)})`,
    );
  if (blindSpotShare > rules.high.maxBlindSpotShare)
    short.push(
      `${percent(blindSpotShare)} "don't know" (high needs at most ${percent(rules.high.maxBlindSpotShare)})`,
    );
  if (agreement === null || agreement < rules.high.minAgreement)
    short.push(
      agreement === null
        ? "agreement cannot be measured"
        : `agreement ${agreement} (high needs ${rules.high.minAgreement})`,
    );
  short.push(...(facts.heldBelowHigh ?? []));
  if (short.length > 0) return { level: "medium", reason: `Medium: ${short.join("; ")}.` };

  return {
    level: "high",
    reason:
      `High: ${respondentsText(respondents)}, ${percent(coverage)} of expected answers given, ` +
      `${percent(blindSpotShare)} "don't know", agreement ${agreement}.`,
  };
}
