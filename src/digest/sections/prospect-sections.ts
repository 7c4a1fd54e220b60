/**
 * Lost prospects (deals lost in the week before the digest, with reason,
 * competitor and amount, and the reasons and competitors tallied) and hot
 * prospects (open deals ranked by how much and how soon they are likely to
 * bring, plus the stalled ones nobody has touched for two weeks).
 */
import { daysBetween } from '../digest-dates.js';
import type { Digest, DigestDeal, HotDeal, LostDeal, LostTally } from '../digest.js';
import { STALL_DAYS, type DealRow } from './read-digest-deals.js';

export const PROSPECTS_SHOWN = 10;
/** The closeness weight halves for every this many days until the expected close. */
const CLOSE_HALF_LIFE_DAYS = 30;
/** A deal without an expected close date is weighted as if it closed this far out. */
const UNKNOWN_CLOSE_DAYS = 90;
/** Each activity in the last two weeks adds 10 % to the score, up to five of them. */
const ACTIVITY_BONUS = 0.1;
const ACTIVITY_BONUS_CAP = 5;

export function buildLostProspects(deals: readonly DealRow[]): Digest['lost_prospects'] {
  const lost = deals
    .filter((deal) => deal.status === 'lost' && deal.closed_at !== null)
    .map((deal): LostDeal => ({
      ...toDigestDeal(deal),
      closed_at: deal.closed_at ?? '',
      lost_reason: deal.lost_reason,
      competitor: deal.competitor,
    }))
    .sort((a, b) => b.amount - a.amount || a.id.localeCompare(b.id));
  return {
    deals: lost,
    reasons: tally(lost, (deal) => deal.lost_reason ?? 'no reason given'),
    competitors: tally(lost, (deal) => deal.competitor ?? 'no competitor named'),
  };
}

export function buildHotProspects(
  deals: readonly DealRow[],
  date: string,
): Digest['hot_prospects'] {
  const open = deals.filter((deal) => deal.status === 'open');
  const isStalled = (deal: DealRow) =>
    daysBetween((deal.last_activity_at ?? deal.created_at).slice(0, 10), date) > STALL_DAYS;
  const hot = open
    .filter((deal) => !isStalled(deal))
    .map((deal) => scoreDeal(deal, date))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, PROSPECTS_SHOWN);
  const stalled = open
    .filter(isStalled)
    .map(toDigestDeal)
    .sort((a, b) => b.amount - a.amount || a.id.localeCompare(b.id))
    .slice(0, PROSPECTS_SHOWN);
  return { hot, stalled };
}

/**
 * Expected value (amount × the stage's win probability), discounted by how
 * far off the close is and raised by recent activity: a big deal at a late
 * stage closing this month with calls this week ranks first.
 */
export function scoreDeal(deal: DealRow, date: string): HotDeal {
  const daysToClose = deal.expected_close_at
    ? daysBetween(date, deal.expected_close_at.slice(0, 10))
    : null;
  // An overdue close date is as close as it gets.
  const closeness = 0.5 ** (Math.max(0, daysToClose ?? UNKNOWN_CLOSE_DAYS) / CLOSE_HALF_LIFE_DAYS);
  const activity = 1 + ACTIVITY_BONUS * Math.min(deal.recent_activities, ACTIVITY_BONUS_CAP);
  return {
    ...toDigestDeal(deal),
    score: deal.amount * deal.win_probability * closeness * activity,
    days_to_close: daysToClose,
  };
}

function toDigestDeal(deal: DealRow): DigestDeal {
  return {
    id: deal.id,
    name: deal.name,
    owner_rep_id: deal.owner_rep_id,
    owner_name: deal.owner_name,
    customer_id: deal.customer_id,
    stage: deal.stage,
    amount: deal.amount,
    win_probability: deal.win_probability,
    expected_close_at: deal.expected_close_at,
    last_activity_at: deal.last_activity_at,
    recent_activities: deal.recent_activities,
  };
}

function tally(deals: readonly LostDeal[], keyOf: (deal: LostDeal) => string): LostTally[] {
  const tallies = new Map<string, LostTally>();
  for (const deal of deals) {
    const key = keyOf(deal);
    const entry = tallies.get(key) ?? { key, deals: 0, amount: 0 };
    entry.deals += 1;
    entry.amount += deal.amount;
    tallies.set(key, entry);
  }
  return [...tallies.values()].sort(
    (a, b) => b.deals - a.deals || b.amount - a.amount || a.key.localeCompare(b.key),
  );
}
