/** Calendar arithmetic for follow-up due dates, on UTC dates (`YYYY-MM-DD`). */

/** The date `count` working days (Monday to Friday) after `date`; a weekend start counts from Monday. */
export function addWorkingDays(date: string, count: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}
