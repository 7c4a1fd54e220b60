import { describe, expect, it } from 'vitest';
import { withTempStore } from '../../test/helpers/temp-store.js';
import { RetainError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { parseAsOf, parseMetricRequest, type MetricRequest } from './parse-metric-request.js';

const AS_OF = new Date('2026-12-06T09:00:00Z');

async function refusalOf(store: Store, request: Omit<MetricRequest, 'asOf'>) {
  try {
    await parseMetricRequest(store, { asOf: AS_OF, ...request });
  } catch (error) {
    if (error instanceof RetainError) return { message: error.message, hint: error.hint };
    throw error;
  }
  throw new Error('the request was accepted');
}

const rangeOf = (query: Awaited<ReturnType<typeof parseMetricRequest>>) =>
  query.periods.map((period) => `${period.startDate}..${period.endDate}`);

describe('parseMetricRequest', () => {
  it('ignores the empty item a trailing comma leaves (--metric win_rate,)', async () => {
    await withTempStore(async (store) => {
      const query = await parseMetricRequest(store, { asOf: AS_OF, metrics: ['win_rate', ''] });
      expect(query.kpis.map((kpi) => kpi.id)).toEqual(['win_rate']);
    });
  });

  it('refuses a --metric that names no KPI rather than compute all of them', async () => {
    await withTempStore(async (store) => {
      expect(await refusalOf(store, { metrics: [' ', ''] })).toEqual({
        message: '--metric names no KPI.',
        hint: 'Give KPI ids separated by commas, e.g. --metric win_rate,mrr (retain metrics --list shows them), or leave --metric out for all.',
      });
    });
  });

  it('reads --period as the one period of the grain holding that day', async () => {
    await withTempStore(async (store) => {
      const month = await parseMetricRequest(store, { asOf: AS_OF, period: '2026-10-10' });
      expect(rangeOf(month)).toEqual(['2026-10-01..2026-11-01']);
      const week = await parseMetricRequest(store, {
        asOf: AS_OF,
        period: '2026-10-10',
        grain: 'week',
      });
      // 10 October 2026 is a Saturday; its ISO week starts on Monday the 5th.
      expect(rangeOf(week)).toEqual(['2026-10-05..2026-10-12']);
    });
  });

  it('names --period and the fix when the period is not a date (2026-02-30, 2026-10-xx)', async () => {
    await withTempStore(async (store) => {
      for (const text of ['2026-02-30', '2026-10-xx']) {
        expect(await refusalOf(store, { period: text })).toEqual({
          message: `--period ${text} is not a date.`,
          hint: 'Write dates as YYYY-MM-DD (or YYYY-MM for the first of a month), e.g. --period 2026-10-15.',
        });
      }
    });
  });

  it('refuses --period together with --from or --to, which would otherwise be dropped', async () => {
    await withTempStore(async (store) => {
      expect(await refusalOf(store, { period: '2026-10-10', from: '2026-01-01' })).toEqual({
        message: '--period and --from/--to both choose the period.',
        hint: 'Give --period alone: the period of --grain that holds it is the one explained.',
      });
    });
  });

  it('explains a --from after the as-of date by the default --to, not a --to the user never typed', async () => {
    await withTempStore(async (store) => {
      expect(await refusalOf(store, { from: '2027-01-01' })).toEqual({
        message:
          '--from 2027-01-01 is after the as-of date 2026-12-06, where the range ends when --to is not given.',
        hint: 'Give a --to after --from (it is exclusive), or an --as-of on or after --from (the as-of date defaults to today).',
      });
      // A --from later in the as-of date's own month is still that month.
      const query = await parseMetricRequest(store, { asOf: AS_OF, from: '2026-12-20' });
      expect(rangeOf(query)).toEqual(['2026-12-01..2027-01-01']);
    });
  });

  it('names --tz and an IANA example when the zone is unknown', async () => {
    await withTempStore(async (store) => {
      expect(await refusalOf(store, { timeZone: 'Mars/Olympus' })).toEqual({
        message: '--tz Mars/Olympus is not a time zone.',
        hint: 'Give an IANA time zone name, e.g. --tz Europe/Berlin, --tz America/New_York or --tz UTC.',
      });
    });
  });
});

describe('parseAsOf', () => {
  it('reads a date-only as-of as local midnight in the reporting zone, like a period boundary', () => {
    expect(parseAsOf('2026-12-01', 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // Los Angeles is 8 hours behind UTC in December; Berlin 1 hour ahead.
    expect(parseAsOf('2026-12-01', 'America/Los_Angeles').toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
    expect(parseAsOf('2026-12-01', 'Europe/Berlin').toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it('reports through the period holding the as-of date in that zone, not the month before', async () => {
    await withTempStore(async (store) => {
      for (const timeZone of ['America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati']) {
        const query = await parseMetricRequest(store, {
          asOf: parseAsOf('2026-12-01', timeZone),
          timeZone,
        });
        expect(rangeOf(query).at(-1), timeZone).toBe('2026-12-01..2027-01-01');
        expect(query.periods).toHaveLength(12);
      }
    });
  });

  it('refuses an impossible as-of date, naming --as-of', () => {
    expect(() => parseAsOf('2026-13-01', 'UTC')).toThrow('--as-of 2026-13-01 is not a date.');
  });
});
