/**
 * What moved a customer's health: the latest snapshot against the newest one
 * at least a week older (snapshots are daily at most, so that is "a week
 * before" whatever days were skipped). Reasons compare by their text, which
 * carries the signal's value: "usage down 40 %" becoming "usage down 55 %"
 * reads as one reason gone and one added, which is what changed.
 */
import type { HealthSnapshot } from '../../lib/api-types.js';

const WEEK_MS = 7 * 86_400_000;

export type HealthChanges = {
  before: HealthSnapshot;
  added: HealthSnapshot['reasons'];
  gone: HealthSnapshot['reasons'];
};

/** Snapshots newest first, as the API gives them; undefined without one a week before the latest. */
export function computeHealthChanges(
  snapshots: readonly HealthSnapshot[],
): HealthChanges | undefined {
  const [latest] = snapshots;
  if (latest === undefined) return undefined;
  const weekBefore = Date.parse(latest.as_of) - WEEK_MS;
  const before = snapshots.find((snapshot) => Date.parse(snapshot.as_of) <= weekBefore);
  if (before === undefined) return undefined;
  const textsOf = (snapshot: HealthSnapshot) => new Set(snapshot.reasons.map((r) => r.reason));
  const latestTexts = textsOf(latest);
  const beforeTexts = textsOf(before);
  return {
    before,
    added: latest.reasons.filter((reason) => !beforeTexts.has(reason.reason)),
    gone: before.reasons.filter((reason) => !latestTexts.has(reason.reason)),
  };
}
