/** `--period` for plans and goals: 2027-Q1, 2027-03, 2027, or an explicit 2027-01-01..2027-04-01 (end exclusive). */
import { RetainError } from '../domain/errors.js';
import type { GoalWindow } from './goal-window.js';

export function parsePlanPeriod(text: string): GoalWindow {
  const value = text.trim().toUpperCase();
  const pad = (n: number) => String(n).padStart(2, '0');
  let match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    const startMonth = (quarter - 1) * 3 + 1;
    const end = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(startMonth + 3)}-01`;
    return { start: `${year}-${pad(startMonth)}-01`, end };
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return {
      start: `${year}-${pad(month)}-01`,
      end: month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`,
    };
  }
  match = /^(\d{4})$/.exec(value);
  if (match) return { start: `${match[1]}-01-01`, end: `${Number(match[1]) + 1}-01-01` };
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (match && (match[1] ?? '') < (match[2] ?? ''))
    return { start: match[1] ?? '', end: match[2] ?? '' };
  throw new RetainError('INVALID_ARGUMENT', `--period ${text} is not a period.`, {
    hint: 'Use 2027-Q1, 2027-03, 2027, or 2027-01-01..2027-04-01 (the end is exclusive).',
  });
}
