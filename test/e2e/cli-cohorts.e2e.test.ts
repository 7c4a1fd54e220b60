import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-store.js';

const CANONICAL = join(import.meta.dirname, '../fixtures/canonical');

/** `retain <command> --db <the fixture> --as-of 2024-06-30 <args>`. */
type Retain = (command: string, ...args: string[]) => Promise<CliResult>;

/**
 * The canonical fixture, as of 30 June 2024: cus_1 (smb) acquired 15 January
 * at EUR 500 × 1.0843 = 542.15 MRR, 650 × 1.0843 = 704.795 from April, still
 * active (167 days); cus_2 (mid_market) acquired when its trial ended on 24
 * February at 49.90, gone on 10 June (107 days).
 */
async function withCanonicalDb(work: (retain: Retain) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const db = join(dir, 'retain.duckdb');
    expect((await runCli(['import', 'auto', CANONICAL, '--db', db])).status).toBe(0);
    await work((command, ...args) =>
      runCli([command, '--db', db, '--as-of', '2024-06-30', ...args]),
    );
  });
}

describe('retain cohorts and survival (end to end)', () => {
  it('prints the cohort matrix as CSV, and one matrix per segment as a right-aligned table', async () => {
    await withCanonicalDb(async (retain) => {
      const csv = await retain('cohorts', '--from', '2024-01-01', '--format', 'csv');
      expect(csv.stderr).toBe('');
      expect(csv.status).toBe(0);
      // January to June: cus_1 active at every month end; cus_2 from February until June.
      expect(csv.stdout).toBe(
        [
          'cohort,customers,+0,+1,+2,+3,+4,+5',
          '2024-01-01,1,1,1,1,1,1,1',
          '2024-02-01,1,1,1,1,1,0,',
          '',
        ].join('\n'),
      );
      const bySegment = await retain(
        'cohorts',
        '--from',
        '2024-01-01',
        '--by',
        'segment',
        '--basis',
        'revenue',
        '--format',
        'table',
      );
      expect(bySegment.status).toBe(0);
      // smb's revenue is 704.795 / 542.15 = 650 / 500 = 130 % from April (the upgrade).
      expect(bySegment.stdout).toBe(
        [
          'segment = mid_market',
          'cohort      customers  base_mrr      +0      +1      +2      +3    +4',
          '2024-02-01          1        50  100.0%  100.0%  100.0%  100.0%  0.0%',
          '',
          'segment = smb',
          'cohort      customers  base_mrr      +0      +1      +2      +3      +4      +5',
          '2024-01-01          1       542  100.0%  100.0%  100.0%  130.0%  130.0%  130.0%',
          '',
        ].join('\n'),
      );
      const json = await retain(
        'cohorts',
        '--from',
        '2024-01-01',
        '--by',
        'segment',
        '--format',
        'json',
      );
      expect(json.status).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual({
        grain: 'month',
        basis: 'logos',
        by: 'segment',
        cohorts: [
          {
            segment: 'mid_market',
            cohort_start: '2024-02-01',
            customers: 1,
            base_mrr: 49.9,
            retention: [1, 1, 1, 1, 0],
          },
          {
            segment: 'smb',
            cohort_start: '2024-01-01',
            customers: 1,
            base_mrr: 542.15,
            retention: [1, 1, 1, 1, 1, 1],
          },
        ],
      });
    });
  });

  it('defaults to the 12 periods of the grain ending at --as-of, and refuses an unknown --by column', async () => {
    await withCanonicalDb(async (retain) => {
      // Quarters from Q3 2021 to Q2 2024: both customers fall in Q1 2024, two quarters from the end.
      const quarters = await retain('cohorts', '--grain', 'quarter', '--format', 'csv');
      expect(quarters.status).toBe(0);
      expect(quarters.stdout).toBe('cohort,customers,+0,+1\n2024-01-01,2,1,0.5\n');
      const unknown = await retain('cohorts', '--by', 'colour');
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toBe(
        'retain: "colour" is not a column results can be cut by.\n' +
          '  Use one of: segment, region, industry, acquisition_channel, owner_rep_id, team, plan, contract_type.\n',
      );
    });
  });

  it('prints survival in snake_case JSON with the unit in the names, and has no --grain to ignore', async () => {
    await withCanonicalDb(async (retain) => {
      const survival = await retain('survival', '--format', 'json');
      expect(survival.status).toBe(0);
      // cus_2 leaves after 107 days with both at risk: S = 1/2, the median. V = 1/2, σ = 0.707107 / 0.693147.
      const report = JSON.parse(survival.stdout) as {
        by: null;
        curves: { points: { lower_95: number; upper_95: number }[] }[];
      };
      expect(report).toMatchObject({
        by: null,
        curves: [
          {
            segment: null,
            customers: 2,
            events: 1,
            censored: 1,
            median_days: 107,
            median_lower_days: 107,
            median_upper_days: null,
            points: [{ days: 107, at_risk: 2, events: 1, survival: 0.5 }],
          },
        ],
      });
      expect(report.curves[0]?.points[0]?.lower_95).toBeCloseTo(0.005983, 6);
      expect(report.curves[0]?.points[0]?.upper_95).toBeCloseTo(0.91041, 5);

      const bySegment = await retain('survival', '--by', 'segment', '--format', 'csv');
      expect(bySegment.status).toBe(0);
      // smb (cus_1) has no event, so no row: only mid_market's, where cus_2 is alone at risk.
      expect(bySegment.stdout).toBe(
        'segment,days,at_risk,events,survival,lower_95,upper_95\nmid_market,107,1,1,0,0,0\n',
      );

      // The table reads the curve at each month end (30.44 days): cus_2's 107 days end in month 4.
      const table = await retain('survival', '--format', 'table');
      expect(table.stdout).toBe(
        [
          '2 customers, 1 ended, 1 still active (censored)',
          'median lifetime: 3.5 months (95 % band: 3.5 months to not reached)',
          '',
          'month  survival  lower_95  upper_95  ended',
          '    1    100.0%    100.0%    100.0%      0',
          '    2    100.0%    100.0%    100.0%      0',
          '    3    100.0%    100.0%    100.0%      0',
          '    4     50.0%      0.6%     91.0%      1',
          '',
        ].join('\n'),
      );

      const grain = await retain('survival', '--grain', 'month');
      expect(grain.status).toBe(2);
      expect(grain.stderr).toContain("error: unknown option '--grain'");
    });
  });
});
