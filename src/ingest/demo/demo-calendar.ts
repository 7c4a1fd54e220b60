/**
 * Calendar arithmetic and canonical text for the demo generator, on epoch
 * milliseconds in UTC. Times stay numbers, not Date objects, because the
 * generator makes tens of millions of them and formats only those it emits.
 */
import type { Random } from '../../domain/random.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** An average Gregorian month, for durations that need not land on a calendar day. */
export const MONTH_MS = 30.436875 * DAY_MS;

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

/** Same day of month and time of day, `months` later; the 31st becomes the month's last day. */
export function addMonths(ms: number, months: number): number {
  const day = Math.floor(ms / DAY_MS);
  const { year, month, dayOfMonth } = toCivil(day);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const lastDay = daysInMonth(targetYear, targetMonth);
  const targetDay = fromCivil(targetYear, targetMonth, Math.min(dayOfMonth, lastDay));
  return targetDay * DAY_MS + (ms - day * DAY_MS);
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function startOfMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export function startOfQuarter(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - (date.getUTCMonth() % 3), 1);
}

/** 0 for Monday … 6 for Sunday (ISO), as the week KPIs count. */
export function dayOfWeek(ms: number): number {
  // 1970-01-01 was a Thursday, ISO day 3 counting from 0.
  return (Math.floor(ms / DAY_MS) + 3) % 7;
}

/** Midnight UTC of the ISO week's Monday. */
export function mondayOf(ms: number): number {
  return startOfDay(ms) - dayOfWeek(ms) * DAY_MS;
}

export function isWorkingDay(ms: number): boolean {
  return dayOfWeek(ms) < 5;
}

/** The day itself on Monday to Friday, else the following Monday. */
export function toWorkingDay(ms: number): number {
  const weekday = dayOfWeek(ms);
  return weekday < 5 ? ms : ms + (7 - weekday) * DAY_MS;
}

/**
 * A moment in a rep's working hours (08:30–17:30 local) on the working day of
 * `ms`, or the next one if that moment has passed: never before `ms`, so a
 * follow-up never precedes what it follows. About one in thirty stays on a
 * weekend, since some people do work then.
 */
export function pickBusinessTime(random: Random, ms: number, utcOffsetH: number): number {
  const isWeekendWork = random.bernoulli(0.03);
  const offsetMs = (random.uniform(8.5, 17.5) - utcOffsetH) * HOUR_MS;
  for (let day = startOfDay(ms); ; day += DAY_MS) {
    const atMs = Math.ceil(((isWeekendWork ? day : toWorkingDay(day)) + offsetMs) / 1000) * 1000;
    if (atMs >= ms) return atMs;
  }
}

/** `YYYY-MM-DD HH:MM:SS`, the canonical timestamp text (UTC). */
export function formatTimestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds - hours * 3600) / 60);
  return `${formatDayNumber(day)} ${pad2(hours)}:${pad2(minutes)}:${pad2(seconds % 60)}`;
}

/** `YYYY-MM-DD`, the canonical date text. */
export function formatDate(ms: number): string {
  return formatDayNumber(Math.floor(ms / DAY_MS));
}

// Formatting dominates the generator's run time, and Date.prototype.toISOString
// allocates a Date per call: civil-date arithmetic on the day number is several times faster.
function formatDayNumber(day: number): string {
  const { year, month, dayOfMonth } = toCivil(day);
  return `${year}-${pad2(month)}-${pad2(dayOfMonth)}`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms": civil_from_days and
// days_from_civil for the proleptic Gregorian calendar, day 0 = 1970-01-01.
function toCivil(day: number): { year: number; month: number; dayOfMonth: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth };
}

function fromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear =
    Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Money in minor units (cents) as canonical decimal text, e.g. 4990 → `49.90`. */
export function formatCents(cents: number): string {
  const whole = Math.floor(cents / 100);
  const fraction = cents - whole * 100;
  return `${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}
