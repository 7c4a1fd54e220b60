/** Goal periods as date windows [start, end), and the grain whose single bucket they are. */
import type { Grain } from '../metrics/periods.js';

export type GoalWindow = { readonly start: string; readonly end: string };

const DAY_MS = 86_400_000;

export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
}

export function addDaysToDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The grain whose one bucket is exactly this window (a month, a quarter, …),
 * so a rate is computed over the goal's own period; day grain otherwise.
 */
export function detectGrain(window: GoalWindow): Grain {
  const start = new Date(`${window.start}T00:00:00Z`);
  const months =
    (Number(window.end.slice(0, 4)) - start.getUTCFullYear()) * 12 +
    Number(window.end.slice(5, 7)) -
    (start.getUTCMonth() + 1);
  const isMonthStart = window.start.slice(8) === '01' && window.end.slice(8) === '01';
  if (isMonthStart && months === 12 && window.start.slice(5, 7) === '01') return 'year';
  if (isMonthStart && months === 3 && start.getUTCMonth() % 3 === 0) return 'quarter';
  if (isMonthStart && months === 1) return 'month';
  if (daysBetween(window.start, window.end) === 7 && start.getUTCDay() === 1) return 'week';
  return 'day';
}
