/**
 * Periods: whole calendar buckets (day, ISO week from Monday, month, quarter,
 * year) in the reporting time zone, as half-open UTC instants [start, end).
 * A boundary is local midnight, so a period in Europe/Berlin starts an hour
 * or two before the UTC one; the store keeps UTC, and comparing UTC instants
 * with these boundaries puts each event in the right local period.
 */
import { RetainError } from '../domain/errors.js';

export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

/** A local calendar date, free of any zone. */
export type LocalDate = { year: number; month: number; day: number };

export type Period = {
  /** Local dates of the bucket: `end` is the first day of the next bucket. */
  readonly startDate: string;
  readonly endDate: string;
  /** UTC instants of local midnight at those dates, as `YYYY-MM-DD HH:MM:SS`. */
  readonly startUtc: string;
  readonly endUtc: string;
  /** Monday-to-Friday days in the bucket, for per-working-day rates. */
  readonly workingDays: number;
};

export function parseGrain(value: string): Grain {
  if ((GRAINS as readonly string[]).includes(value)) return value as Grain;
  throw new RetainError('INVALID_ARGUMENT', `--grain ${value} is not a period grain.`, {
    hint: `Use one of: ${GRAINS.join(', ')}.`,
  });
}

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch (error) {
    throw new RetainError('INVALID_ARGUMENT', `--tz ${timeZone} is not a time zone.`, {
      hint: 'Give an IANA time zone name, e.g. --tz Europe/Berlin, --tz America/New_York or --tz UTC.',
      cause: error,
    });
  }
}

export function parseLocalDate(text: string): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3] ?? '1') };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day
    ? date
    : undefined;
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** The local date of instant `at` in `timeZone`. */
export function toLocalDate(at: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The first day of the bucket that holds `date`. */
export function floorToGrain(date: LocalDate, grain: Grain): LocalDate {
  switch (grain) {
    case 'day':
      return date;
    case 'week': {
      const weekday = (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
      return addDays(date, -weekday);
    }
    case 'month':
      return { ...date, day: 1 };
    case 'quarter':
      return { year: date.year, month: date.month - ((date.month - 1) % 3), day: 1 };
    case 'year':
      return { year: date.year, month: 1, day: 1 };
  }
}

/** The first day of the bucket `count` buckets after the one starting at `start`. */
export function addBuckets(start: LocalDate, grain: Grain, count: number): LocalDate {
  switch (grain) {
    case 'day':
      return addDays(start, count);
    case 'week':
      return addDays(start, 7 * count);
    case 'month':
      return addMonths(start, count);
    case 'quarter':
      return addMonths(start, 3 * count);
    case 'year':
      return addMonths(start, 12 * count);
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: date.day };
}

/** The UTC instant of local midnight starting `date` in `timeZone`. */
export function toUtcMidnight(date: LocalDate, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  // Two rounds settle the offset even when midnight sits next to a DST change.
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  const second = guess - offsetMinutes(new Date(first), timeZone) * 60_000;
  // Where clocks jump over midnight (Santiago, Havana), the second round lands
  // on the evening before; the day starts at the jump, which the first found.
  const localSecond = second + offsetMinutes(new Date(second), timeZone) * 60_000;
  return new Date(localSecond < guess ? first : second);
}

function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

export function toSqlTimestamp(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

/** Monday-to-Friday days in [start, end). */
export function countWorkingDays(start: LocalDate, end: LocalDate): number {
  let count = 0;
  for (let day = start; formatLocalDate(day) < formatLocalDate(end); day = addDays(day, 1)) {
    const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

export function buildPeriod(start: LocalDate, grain: Grain, timeZone: string): Period {
  const end = addBuckets(start, grain, 1);
  return {
    startDate: formatLocalDate(start),
    endDate: formatLocalDate(end),
    startUtc: toSqlTimestamp(toUtcMidnight(start, timeZone)),
    endUtc: toSqlTimestamp(toUtcMidnight(end, timeZone)),
    workingDays: countWorkingDays(start, end),
  };
}

/**
 * The buckets from the one holding `from` up to `to`, exclusive: every bucket
 * that starts before `to` (`--from 2024-03-01 --to 2024-04-01` is March).
 */
export function buildPeriodSeries(
  from: LocalDate,
  to: LocalDate,
  grain: Grain,
  timeZone: string,
): Period[] {
  const first = floorToGrain(from, grain);
  if (formatLocalDate(first) >= formatLocalDate(to)) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `--from ${formatLocalDate(from)} is not before --to ${formatLocalDate(to)}.`,
      {
        hint: '--to is exclusive: give a --to after --from.',
      },
    );
  }
  const periods: Period[] = [];
  for (
    let start = first;
    formatLocalDate(start) < formatLocalDate(to);
    start = addBuckets(start, grain, 1)
  ) {
    periods.push(buildPeriod(start, grain, timeZone));
    if (periods.length > 5000) {
      throw new RetainError('INVALID_ARGUMENT', 'That range holds more than 5,000 periods.', {
        hint: 'Use a coarser --grain or a shorter --from/--to range.',
      });
    }
  }
  return periods;
}
