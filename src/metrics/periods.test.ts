import { describe, expect, it } from 'vitest';
import { RetainError } from '../domain/errors.js';
import { buildPeriodSeries, floorToGrain, parseLocalDate, toUtcMidnight } from './periods.js';

const date = (text: string) => {
  const parsed = parseLocalDate(text);
  if (!parsed) throw new Error(text);
  return parsed;
};

describe('periods', () => {
  it('starts ISO weeks on Monday and quarters in January, April, July and October', () => {
    expect(floorToGrain(date('2024-03-03'), 'week')).toEqual(date('2024-02-26'));
    expect(floorToGrain(date('2024-03-04'), 'week')).toEqual(date('2024-03-04'));
    expect(floorToGrain(date('2024-05-17'), 'quarter')).toEqual(date('2024-04-01'));
    expect(floorToGrain(date('2024-12-31'), 'year')).toEqual(date('2024-01-01'));
  });

  it('floors --from to its bucket and stops before --to', () => {
    const periods = buildPeriodSeries(date('2024-02-15'), date('2024-05-01'), 'month', 'UTC');
    expect(periods.map((period) => [period.startDate, period.endDate])).toEqual([
      ['2024-02-01', '2024-03-01'],
      ['2024-03-01', '2024-04-01'],
      ['2024-04-01', '2024-05-01'],
    ]);
    expect(periods[0]).toMatchObject({ startUtc: '2024-02-01 00:00:00', workingDays: 21 });
  });

  it('puts local midnight at the right UTC instant on both sides of a daylight-saving change', () => {
    expect(toUtcMidnight(date('2024-03-31'), 'Europe/Berlin').toISOString()).toBe(
      '2024-03-30T23:00:00.000Z',
    );
    expect(toUtcMidnight(date('2024-04-01'), 'Europe/Berlin').toISOString()).toBe(
      '2024-03-31T22:00:00.000Z',
    );
    expect(toUtcMidnight(date('2024-11-04'), 'America/New_York').toISOString()).toBe(
      '2024-11-04T05:00:00.000Z',
    );
    expect(toUtcMidnight(date('2024-07-01'), 'Asia/Kolkata').toISOString()).toBe(
      '2024-06-30T18:30:00.000Z',
    );
  });

  it('starts a day whose midnight the clocks skip at the jump, not an hour before it', () => {
    // Santiago: 23:59:59 −04 on 5 September 2026 is followed by 01:00 −03 on the 6th (04:00 UTC).
    expect(toUtcMidnight(date('2026-09-06'), 'America/Santiago').toISOString()).toBe(
      '2026-09-06T04:00:00.000Z',
    );
    // Havana: 23:59:59 −05 on 7 March 2026, then 01:00 −04 on the 8th (05:00 UTC).
    expect(toUtcMidnight(date('2026-03-08'), 'America/Havana').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    // The day before keeps its ordinary midnight.
    expect(toUtcMidnight(date('2026-09-05'), 'America/Santiago').toISOString()).toBe(
      '2026-09-05T04:00:00.000Z',
    );
  });

  it('refuses an empty range', () => {
    expect(() => buildPeriodSeries(date('2024-03-01'), date('2024-03-01'), 'month', 'UTC')).toThrow(
      RetainError,
    );
  });
});
