/**
 * Per-rep figures over the whole range from a breakdown by owner_rep_id.
 * Rates are not averaged across periods: their numerators and denominators
 * are summed (deals won over deals closed; activities over rep working days),
 * which gives the rate of the range itself.
 */
import type { MetricResult } from '../../lib/api-types.js';

export type LeaderboardRow = {
  rep: string;
  wonRevenue: number;
  won: number;
  closed: number;
  winRate: number | null;
};

type Totals = { value: number; numerator: number; denominator: number };

function sumByRep(results: readonly MetricResult[], metric: string): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  for (const result of results) {
    if (result.metric !== metric || result.segment === null) continue;
    const entry = totals.get(result.segment) ?? { value: 0, numerator: 0, denominator: 0 };
    entry.value += result.value ?? 0;
    entry.numerator += result.numerator ?? 0;
    entry.denominator += result.denominator ?? 0;
    totals.set(result.segment, entry);
  }
  return totals;
}

const ratioOf = (totals: Totals | undefined) =>
  totals === undefined || totals.denominator === 0 ? null : totals.numerator / totals.denominator;

export const LEADERBOARD_METRICS = ['won_revenue', 'win_rate'];

/** Reps with a closed deal or won revenue in the range, most won revenue first. */
export function buildLeaderboard(results: readonly MetricResult[]): LeaderboardRow[] {
  const revenue = sumByRep(results, 'won_revenue');
  const winRate = sumByRep(results, 'win_rate');
  const reps = new Set([...revenue.keys(), ...winRate.keys()]);
  return [...reps]
    .map((rep) => {
      const rate = winRate.get(rep);
      return {
        rep,
        wonRevenue: revenue.get(rep)?.value ?? 0,
        won: rate?.numerator ?? 0,
        closed: rate?.denominator ?? 0,
        winRate: ratioOf(rate),
      };
    })
    .filter((row) => row.closed > 0 || row.wonRevenue > 0)
    .sort((a, b) => b.wonRevenue - a.wonRevenue || a.rep.localeCompare(b.rep));
}

export const ACTIVITY_METRICS = [
  'calls_per_rep_per_day',
  'demos_per_rep_per_day',
  'calls_per_rep_per_week',
  'demos_per_rep_per_week',
];

export type RepActivityRow = {
  rep: string;
  callsPerDay: number | null;
  demosPerDay: number | null;
  callsPerWeek: number | null;
  demosPerWeek: number | null;
};

/** Reps with any call or demo in the range, in rep order. */
export function buildRepActivity(results: readonly MetricResult[]): RepActivityRow[] {
  const callsPerDay = sumByRep(results, 'calls_per_rep_per_day');
  const demosPerDay = sumByRep(results, 'demos_per_rep_per_day');
  const callsPerWeek = sumByRep(results, 'calls_per_rep_per_week');
  const demosPerWeek = sumByRep(results, 'demos_per_rep_per_week');
  return [...new Set([...callsPerDay.keys(), ...demosPerDay.keys()])]
    .filter(
      (rep) => (callsPerDay.get(rep)?.numerator ?? 0) + (demosPerDay.get(rep)?.numerator ?? 0) > 0,
    )
    .sort()
    .map((rep) => ({
      rep,
      callsPerDay: ratioOf(callsPerDay.get(rep)),
      demosPerDay: ratioOf(demosPerDay.get(rep)),
      callsPerWeek: ratioOf(callsPerWeek.get(rep)),
      demosPerWeek: ratioOf(demosPerWeek.get(rep)),
    }));
}
