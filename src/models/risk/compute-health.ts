/**
 * A customer's health from the rule set: 100 plus the points of every rule
 * whose band holds, clamped to 0..100, with each rule that fired as a
 * reason and its contribution, most damaging first. A signal that is not
 * known (no usage rows, no NPS answer) fires no rule: absence of evidence
 * is not counted as bad news.
 */
import type { HealthSignals } from './health-features.js';
import type { HealthRule, HealthRules, SignalName } from './health-rules.js';

export type HealthReason = { reason: string; contribution: number; rule: string };

export type HealthScore = { health: number; at_risk: boolean; reasons: HealthReason[] };

const FULL_HEALTH = 100;

export function computeHealthScore(signals: HealthSignals, rules: HealthRules): HealthScore {
  const reasons: HealthReason[] = [];
  for (const rule of rules.rules) {
    const value = signals[rule.signal];
    if (value === null || !isInBand(value, rule)) continue;
    reasons.push({
      rule: rule.id,
      reason: rule.reason.replaceAll('{value}', formatSignal(rule.signal, value)),
      contribution: rule.points,
    });
  }
  reasons.sort((a, b) => a.contribution - b.contribution || a.rule.localeCompare(b.rule));
  const total = FULL_HEALTH + reasons.reduce((sum, reason) => sum + reason.contribution, 0);
  const health = Math.min(FULL_HEALTH, Math.max(0, total));
  return { health, at_risk: health < rules.threshold, reasons };
}

function isInBand(value: number, rule: HealthRule): boolean {
  return (
    (rule.below === undefined || value < rule.below) &&
    (rule.at_most === undefined || value <= rule.at_most) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.at_least === undefined || value >= rule.at_least)
  );
}

const PERCENT_SIGNALS: ReadonlySet<SignalName> = new Set([
  'usage_trend',
  'active_user_drop',
  'seat_change_90d',
]);

/** How a signal reads inside a reason: shares as unsigned percentages, days and counts whole. */
export function formatSignal(signal: SignalName, value: number): string {
  if (PERCENT_SIGNALS.has(signal)) return `${Math.round(Math.abs(value) * 100)} %`;
  if (signal === 'probability_alive') return value.toFixed(2);
  if (signal === 'nps_change') return String(Math.abs(value));
  if (signal === 'mrr') return value.toFixed(2);
  return String(Math.round(value));
}
