import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-store.js';

const CANONICAL = join(import.meta.dirname, '../fixtures/canonical');

describe('retain metrics (end to end)', () => {
  it('prints results as DESIGN.md specifies in JSON, and explains one number', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      expect((await runCli(['import', 'auto', CANONICAL, '--db', db])).status).toBe(0);
      const common = [
        '--db',
        db,
        '--as-of',
        '2024-06-30',
        '--from',
        '2024-06-01',
        '--to',
        '2024-07-01',
      ];
      const json = await runCli([
        'metrics',
        '--metric',
        'customer_churn_rate,mrr',
        ...common,
        '--format',
        'json',
      ]);
      expect(json.status).toBe(0);
      // June 2024: cus_1 (EUR 650 at 1.0843 from April) and cus_2 (ended 10 June, voluntary).
      expect(JSON.parse(json.stdout)).toEqual([
        {
          metric: 'customer_churn_rate',
          period_start: '2024-06-01',
          period_end: '2024-07-01',
          value: 0.5,
          numerator: 1,
          denominator: 2,
          unit: 'ratio',
          segment: null,
        },
        {
          metric: 'mrr',
          period_start: '2024-06-01',
          period_end: '2024-07-01',
          value: 704.795,
          numerator: null,
          denominator: null,
          unit: 'currency',
          segment: null,
        },
      ]);
      const explain = await runCli([
        'metrics',
        '--explain',
        'customer_churn_rate',
        '--period',
        '2024-06-15',
        ...common.slice(0, 4),
        '--format',
        'json',
      ]);
      expect(explain.status).toBe(0);
      // cus_2 churned: in the numerator, so listed first.
      expect(JSON.parse(explain.stdout)).toMatchObject({
        rows: [
          { subject: 'customer', id: 'cus_2', numerator: 1, denominator: 1 },
          { subject: 'customer', id: 'cus_1', numerator: 0, denominator: 1 },
        ],
      });
      const list = await runCli(['metrics', '--list', '--format', 'json']);
      const catalogue = JSON.parse(list.stdout) as {
        kpis: { id: string; cut_by: string[] | null }[];
        families: Record<string, string[]>;
      };
      expect(catalogue.kpis).toHaveLength(47);
      expect(catalogue.kpis.find((kpi) => kpi.id === 'win_rate')?.cut_by).toEqual([
        'owner_rep_id',
        'team',
      ]);
      expect(catalogue.kpis.find((kpi) => kpi.id === 'mrr')?.cut_by).toBeNull();
      expect(Object.keys(catalogue.families)).toEqual(['mrr_movements', 'activities_per_rep']);
      const table = await runCli(['metrics', '--list', '--format', 'table']);
      expect(table.stdout).toContain(
        'mrr_movements: mrr_new, mrr_expansion, mrr_contraction, mrr_churned, mrr_reactivation',
      );
      const unknown = await runCli(['metrics', '--metric', 'happiness', '--db', db]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('retain: "happiness" is not a KPI Retain computes.');
    });
  });
});

/**
 * The canonical fixture, imported once: cus_1 (EUR 500 from 15 January 2024,
 * 650 from April, at 1.0843) and cus_2 (USD 49.90, paying from the end of its
 * trial on 24 February, gone on 10 June); 6,500 of spend in January 2024;
 * deal_1 won in January, deal_2 open from February with no customer.
 */
describe('retain metrics --explain and its options (end to end)', () => {
  let dir = '';
  const metrics = (...args: string[]) =>
    runCli(['metrics', '--db', `${dir}/retain.duckdb`, ...args]);
  const explain = (id: string, period: string, format: string, ...more: string[]) =>
    metrics('--explain', id, '--period', period, '--format', format, ...more);
  const expectRefusal = (result: CliResult, message: string, hint: string) => {
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`retain: ${message}\n  ${hint}\n`);
    expect(result.stdout).toBe('');
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'retain-explain-'));
    expect(
      (await runCli(['import', 'auto', CANONICAL, '--db', `${dir}/retain.duckdb`])).status,
    ).toBe(0);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the churned customer first under a count of each side, in a table', async () => {
    const table = await explain('customer_churn_rate', '2024-06-15', 'table');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('2024-06-01 to 2024-07-01: 50.00% (numerator 1, denominator 2)');
    expect(table.stdout).toContain(
      [
        'numerator: 1 customer; denominator: 2 customers',
        'subject   id     numerator  denominator',
        'customer  cus_2          1            1',
        'customer  cus_1          0            1',
      ].join('\n'),
    );
  });

  it('gives the rows, not prose, in CSV', async () => {
    const csv = await explain('customer_churn_rate', '2024-06-15', 'csv');
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(
      [
        'metric,component,segment,subject,id,numerator,denominator',
        'customer_churn_rate,,,customer,cus_2,1,1',
        'customer_churn_rate,,,customer,cus_1,0,1',
        '',
      ].join('\n'),
    );
  });

  it('prints the documented JSON shape, without the SQL of the definition', async () => {
    const json = await explain('customer_churn_rate', '2024-06-15', 'json');
    expect(json.status).toBe(0);
    const explanation = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(explanation)).toEqual(['kpi', 'results', 'rows', 'components', 'inputs']);
    expect(Object.keys(explanation.kpi as object)).toEqual([
      'id',
      'title',
      'unit',
      'direction',
      'description',
    ]);
    expect(explanation).toMatchObject({
      kpi: { id: 'customer_churn_rate', unit: 'ratio', direction: 'lower_is_better' },
      results: [
        {
          metric: 'customer_churn_rate',
          period_start: '2024-06-01',
          period_end: '2024-07-01',
          value: 0.5,
          numerator: 1,
          denominator: 2,
          unit: 'ratio',
          segment: null,
        },
      ],
      components: [],
      inputs: null,
    });
  });

  it('explains each member of a family, labelled, with its own rows', async () => {
    const table = await explain('mrr_movements', '2024-06-15', 'table');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain(
      'mrr_movements is a family of 5 KPIs, each below: mrr_new, mrr_expansion, mrr_contraction, mrr_churned, mrr_reactivation.',
    );
    for (const heading of [
      'mrr_new — New MRR',
      'mrr_churned — Churned MRR',
      'mrr_reactivation — Reactivation MRR',
    ]) {
      expect(table.stdout).toContain(heading);
    }
    const json = await explain('mrr_movements', '2024-06-15', 'json');
    const family = JSON.parse(json.stdout) as {
      family: string;
      members: {
        kpi: { id: string };
        results: { value: number }[];
        rows: { id: string; numerator: number }[];
      }[];
    };
    // June: cus_2's 49.90 churned; nothing else moved.
    expect(family.family).toBe('mrr_movements');
    expect(
      family.members.map((member) => [
        member.kpi.id,
        member.results[0]?.value,
        member.rows.map((row) => [row.id, row.numerator]),
      ]),
    ).toEqual([
      ['mrr_new', 0, []],
      ['mrr_expansion', 0, []],
      ['mrr_contraction', 0, []],
      ['mrr_churned', 49.9, [['cus_2', 49.9]]],
      ['mrr_reactivation', 0, []],
    ]);
  });

  it('lists the rows behind each base component of a composite, through nested composites', async () => {
    // January 2024: ARPA 500 × 1.0843 = 542.15 (cus_1); CAC 6,500 spend / 1 new customer.
    const csv = await explain('ltv_to_cac', '2024-01-20', 'csv');
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe(
      [
        'metric,component,segment,subject,id,numerator,denominator',
        'ltv_to_cac,clv > arpa,,customer,cus_1,542.15,1',
        'ltv_to_cac,cac,,spend,ms_1,4000,0',
        'ltv_to_cac,cac,,spend,ms_2,2500,0',
        'ltv_to_cac,cac,,customer,cus_1,,1',
        '',
      ].join('\n'),
    );
  });

  it("shows CLV's gross margin and the monthly churn rates it averaged", async () => {
    // June 2024: ARPA 650 × 1.0843 = 704.795. Churn January to June: no start
    // cohort in January (skipped), then 0/1, 0/2, 0/2, 0/2, 1/2: mean 0.1.
    const table = await explain('clv', '2024-06-15', 'table');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain(
      '2024-06-01 to 2024-07-01: 7,047.95 (numerator 704.795, denominator 0.1)',
    );
    expect(table.stdout).toContain('gross margin: 100.00%');
    expect(table.stdout).toContain(
      [
        'month        churn  churned  at start',
        '2024-01-01       —        0         0',
        '2024-02-01   0.00%        0         1',
        '2024-03-01   0.00%        0         2',
        '2024-04-01   0.00%        0         2',
        '2024-05-01   0.00%        0         2',
        '2024-06-01  50.00%        1         2',
      ].join('\n'),
    );
    expect(table.stdout).toContain('arpa — ARPA, a component of clv');
    expect(table.stdout).toContain('customer  cus_1    704.795            1');
  });

  it('heads the breakdown with the --by column, and says when a KPI cannot be cut by it', async () => {
    // deal_2 is open from February, owned by rep_1 of team North.
    const table = await explain('open_deals', '2024-03-15', 'table', '--by', 'team');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('2024-03-01 to 2024-04-01, team North: 1');
    expect(table.stdout).toContain(
      [
        'team   subject  id      numerator  denominator',
        'North  deal     deal_2          1            —',
      ].join('\n'),
    );
    const wide = await metrics(
      '--metric',
      'open_deals',
      '--by',
      'team',
      '--from',
      '2024-03-01',
      '--to',
      '2024-04-01',
      '--format',
      'table',
    );
    expect(wide.stdout.split('\n')[0]).toBe('period      team   open_deals');
    expect(wide.stdout).toContain('2024-03-01  North           1');
    // deal_2 names no customer, so no region: deal KPIs are not cut by customer columns.
    const byRegion = await explain('open_deals', '2024-03-15', 'table', '--by', 'region');
    expect(byRegion.status).toBe(0);
    expect(byRegion.stdout).toContain(
      'The KPI does not apply here (it cannot be cut by these --where/--by columns, or needs subscriptions), so no rows are listed.',
    );
    const wideByRegion = await metrics(
      '--metric',
      'open_deals,customers_active',
      '--where',
      'region=emea',
      '--from',
      '2024-03-01',
      '--to',
      '2024-04-01',
      '--format',
      'table',
    );
    expect(wideByRegion.stdout).toBe(
      'period      customers_active  open_deals\n' +
        '2024-03-01                 1           —\n' +
        '\n— not computed: open_deals cannot be cut by region. Deal, lead and activity KPIs are cut by owner_rep_id and team, CAC by acquisition_channel.\n',
    );
  });

  it('reads a date-only --as-of in the reporting zone, so the period holding it is reported', async () => {
    const json = await metrics(
      '--metric',
      'customers_active',
      '--as-of',
      '2024-06-01',
      '--tz',
      'America/Los_Angeles',
      '--format',
      'json',
    );
    expect(json.status).toBe(0);
    const results = JSON.parse(json.stdout) as { period_start: string; value: number }[];
    // Twelve months ending with June, not with May (2024-06-01 read as UTC midnight is still 31 May in Los Angeles).
    expect(results.map((result) => result.period_start)).toHaveLength(12);
    expect(results.at(-1)).toMatchObject({ period_start: '2024-06-01', value: 1 });
  });

  it('ignores the empty item of a trailing comma in --metric', async () => {
    const json = await metrics(
      '--metric',
      'customer_churn_rate,',
      '--from',
      '2024-06-01',
      '--to',
      '2024-07-01',
      '--format',
      'json',
    );
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ metric: 'customer_churn_rate', value: 0.5 }),
    ]);
  });

  it('says what is wrong with --period, and refuses it without --explain', async () => {
    for (const period of ['2024-06-xx', '2024-02-30']) {
      expectRefusal(
        await metrics('--explain', 'win_rate', '--period', period),
        `--period ${period} is not a date.`,
        'Write dates as YYYY-MM-DD (or YYYY-MM for the first of a month), e.g. --period 2026-10-15.',
      );
    }
    expectRefusal(
      await metrics('--period', '2024-06-15'),
      '--period only works with --explain.',
      'To see the rows behind one number, add --explain <id>; to compute KPIs for a range instead, use --from and --to, e.g. --from 2026-10-01 --to 2026-11-01.',
    );
  });

  it('names the option and the fix for a bad --tz, and the default --to for a late --from', async () => {
    expectRefusal(
      await metrics('--tz', 'Mars/Olympus'),
      '--tz Mars/Olympus is not a time zone.',
      'Give an IANA time zone name, e.g. --tz Europe/Berlin, --tz America/New_York or --tz UTC.',
    );
    expectRefusal(
      await metrics('--as-of', '2024-06-30', '--from', '2024-08-01'),
      '--from 2024-08-01 is after the as-of date 2024-06-30, where the range ends when --to is not given.',
      'Give a --to after --from (it is exclusive), or an --as-of on or after --from (the as-of date defaults to today).',
    );
  });

  it('warns on stderr when no row has a --where value, and still answers', async () => {
    const misspelt = await metrics(
      '--metric',
      'customers_active',
      '--where',
      'segment=SMB',
      '--where',
      'region=mars',
      '--as-of',
      '2024-06-30',
      '--format',
      'csv',
    );
    expect(misspelt.status).toBe(0);
    expect(misspelt.stderr).toBe(
      'retain: warning: no row has segment = "SMB", so every result is empty.\n' +
        '  Values match exactly: did you mean segment=smb?\n' +
        'retain: warning: no row has region = "mars", so every result is empty.\n' +
        '  Known values: emea, north_america.\n',
    );
    const known = await metrics('--metric', 'customers_active', '--where', 'segment=smb');
    expect(known.stderr).toBe('');
  });
});
