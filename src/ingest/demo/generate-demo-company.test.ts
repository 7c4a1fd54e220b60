import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ENTITIES, type EntityName } from '../../domain/entities/index.js';
import type { DemoSink } from './demo-sink.js';
import {
  DEMO_ATTRIBUTE_COLUMNS,
  generateDemoCompany,
  type DemoOptions,
} from './generate-demo-company.js';

const AS_OF = new Date('2026-11-23T00:00:00Z');
const AS_OF_MS = AS_OF.getTime();
const DAY_MS = 86_400_000;
const ENTITY_BY_NAME = new Map(ENTITIES.map((entity) => [entity.name, entity]));

type Row = Record<string, string | null>;
type Company = {
  rows: Map<EntityName, Row[]>;
  attributes: Map<string, Readonly<Record<string, string>>>;
};

/** Runs the generator into a sink that keeps every row as a column → value record. */
async function collectCompany(options: DemoOptions): Promise<Company> {
  const rows = new Map<EntityName, Row[]>();
  const attributes = new Map<string, Readonly<Record<string, string>>>();
  const sink: DemoSink = {
    add(entity, values, extra) {
      const columns = ENTITY_BY_NAME.get(entity)?.columns ?? [];
      // A plain check: expect() per row would dominate the run time at 400k rows.
      if (values.length !== columns.length)
        throw new Error(`${entity}: ${values.length} values for ${columns.length} columns`);
      const row = Object.fromEntries(columns.map((column, i) => [column, values[i] ?? null]));
      const list = rows.get(entity) ?? rows.set(entity, []).get(entity)!;
      list.push(row);
      if (extra) attributes.set(`${entity}:${row.id}`, extra);
    },
    flush: () => Promise.resolve(),
  };
  await generateDemoCompany(options, sink);
  return { rows, attributes };
}

function rowsOf(company: Company, entity: EntityName): Row[] {
  return company.rows.get(entity) ?? [];
}

/** sha256 over one JSON line per sink call, flushes included. */
async function hashSinkCalls(options: DemoOptions): Promise<string> {
  const hash = createHash('sha256');
  await generateDemoCompany(options, {
    add: (entity, values, attributes) =>
      void hash.update(`${JSON.stringify([entity, values, attributes ?? null])}\n`),
    flush: () => Promise.resolve(void hash.update('flush\n')),
  });
  return hash.digest('hex');
}

function toMs(text: string): number {
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}Z`);
}

describe('generateDemoCompany determinism', () => {
  it('replays the same sink calls byte for byte for the same options, without the clock or Math.random', async () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    const options = { customers: 300, seed: 7, asOf: AS_OF };
    const first = await hashSinkCalls(options);
    const second = await hashSinkCalls(options);
    expect(second).toBe(first);
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('builds a different company from a different seed', async () => {
    const a = await hashSinkCalls({ customers: 300, seed: 7, asOf: AS_OF });
    const b = await hashSinkCalls({ customers: 300, seed: 8, asOf: AS_OF });
    expect(b).not.toBe(a);
  });
});

describe('generateDemoCompany options', () => {
  it('refuses a customer count that is not a positive whole number, before writing anything', async () => {
    const add = vi.fn();
    const attempt = generateDemoCompany(
      { customers: 0, seed: 1, asOf: AS_OF },
      { add, flush: () => Promise.resolve() },
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '--customers 0 is not a positive whole number.',
      hint: 'Use a number of customers such as 2000.',
    });
    expect(add).not.toHaveBeenCalled();
  });
});

describe('generateDemoCompany rows', () => {
  let company: Company;
  beforeAll(async () => {
    company = await collectCompany({ customers: 400, seed: 3, asOf: AS_OF });
  });

  it('emits every entity, and only rows that pass their entity schema', () => {
    for (const entity of ENTITIES) {
      const rows = rowsOf(company, entity.name);
      expect(rows.length, entity.name).toBeGreaterThan(0);
      for (const row of rows) {
        const record = Object.fromEntries(
          entity.columns.map((column) => [column, row[column] ?? '']),
        );
        const outcome = entity.rowSchema.safeParse(record);
        if (!outcome.success)
          throw new Error(`${entity.name} ${JSON.stringify(row)}: ${outcome.error.message}`);
      }
    }
  });

  it('keeps keys unique and resolves every reference to a row of the same run', () => {
    const keys = new Map<string, Set<string>>();
    for (const entity of ENTITIES) {
      const seen = new Set<string>();
      for (const row of rowsOf(company, entity.name)) {
        const key = entity.key.map((column) => row[column]).join('|');
        if (seen.has(key)) throw new Error(`${entity.name} repeats key ${key}`);
        seen.add(key);
      }
      keys.set(entity.name, seen);
    }
    for (const entity of ENTITIES) {
      for (const [column, field] of Object.entries(entity.fields)) {
        if (!field.references) continue;
        const targets = keys.get(field.references) ?? new Set();
        for (const row of rowsOf(company, entity.name)) {
          const value = row[column];
          if (value != null && !targets.has(value))
            throw new Error(`${entity.name}.${column} = ${value} resolves to nothing`);
        }
      }
    }
  });

  it('gives customers exactly the declared attribute columns, in order', () => {
    const declared = DEMO_ATTRIBUTE_COLUMNS.customers;
    for (const row of rowsOf(company, 'customers')) {
      expect(Object.keys(company.attributes.get(`customers:${row.id}`) ?? {})).toEqual(declared);
    }
    expect([...company.attributes.keys()].every((key) => key.startsWith('customers:'))).toBe(true);
  });

  it('dates nothing after asOf except expected closes and current goals', () => {
    const allowedAfter = new Set([
      'deals.expected_close_at',
      'goals.period_start',
      'goals.period_end',
    ]);
    for (const entity of ENTITIES) {
      for (const [column, field] of Object.entries(entity.fields)) {
        if (
          (field.kind !== 'timestamp' && field.kind !== 'date') ||
          allowedAfter.has(`${entity.name}.${column}`)
        )
          continue;
        for (const row of rowsOf(company, entity.name)) {
          const value = row[column];
          if (value != null && toMs(value) > AS_OF_MS)
            throw new Error(`${entity.name}.${column} = ${value} is after asOf`);
        }
      }
    }
  });

  it('ends never-converted trials at trial end with no end reason, and never invoices them', () => {
    const trialOnly = rowsOf(company, 'subscriptions').filter(
      (s) => s.trial_ends_at !== null && s.ended_at === s.trial_ends_at,
    );
    expect(trialOnly.length).toBeGreaterThan(0);
    const invoiced = new Set(rowsOf(company, 'invoices').map((invoice) => invoice.subscription_id));
    for (const sub of trialOnly) {
      expect(sub.end_reason).toBeNull();
      expect(invoiced.has(sub.id ?? '')).toBe(false);
    }
  });

  it('bills annual subscriptions twelve times their monthly MRR', () => {
    const annual = new Map(
      rowsOf(company, 'subscriptions')
        .filter((s) => s.billing_interval === 'year')
        .map((s) => [s.id, s]),
    );
    const changed = new Set(rowsOf(company, 'subscription_changes').map((c) => c.subscription_id));
    const firstInvoices = rowsOf(company, 'invoices').filter(
      (invoice) =>
        annual.has(invoice.subscription_id ?? null) &&
        !changed.has(invoice.subscription_id ?? null),
    );
    expect(firstInvoices.length).toBeGreaterThan(0);
    for (const invoice of firstInvoices) {
      const mrr = Number(annual.get(invoice.subscription_id ?? null)?.mrr);
      expect(Math.round(Number(invoice.amount) * 100)).toBe(Math.round(mrr * 100) * 12);
    }
  });
});

describe('generateDemoCompany realism at 2,000 customers', () => {
  let company: Company;
  let finalEnds: Map<string, { endMs: number; reason: string | null }>;
  let retained: Set<string>;
  let subscriptionsByCustomer: Map<string, Row[]>;
  let segmentOf: Map<string, string>;
  let acquiredAt: Map<string, number>;
  let toUsd: (amount: string, currency: string, atText: string) => number;

  beforeAll(async () => {
    company = await collectCompany({ customers: 2000, seed: 1, asOf: AS_OF });
    subscriptionsByCustomer = groupBy(rowsOf(company, 'subscriptions'), 'customer_id');
    segmentOf = new Map(rowsOf(company, 'customers').map((c) => [c.id!, c.segment!]));
    // Acquisition: the earliest paying instant (the later of start and trial end) of a paid subscription.
    acquiredAt = new Map();
    for (const [customerId, subs] of subscriptionsByCustomer) {
      const paying = subs.filter(
        (s) =>
          Number(s.mrr) > 0 && (!s.ended_at || !s.trial_ends_at || s.ended_at > s.trial_ends_at),
      );
      if (paying.length > 0) acquiredAt.set(customerId, Math.min(...paying.map(payStartMs)));
    }
    // The reporting currency at the exchange rate on or before the day, as the KPIs convert.
    const rates = new Map(
      rowsOf(company, 'fx_rates').map((r) => [
        `${r.currency}|${r.date}`,
        Number(r.rate_to_reporting),
      ]),
    );
    toUsd = (amount, currency, atText) => {
      if (currency === 'USD') return Number(amount);
      for (let ms = toMs(atText.slice(0, 10)); ; ms -= DAY_MS) {
        const rate = rates.get(`${currency}|${new Date(ms).toISOString().slice(0, 10)}`);
        if (rate !== undefined) return Number(amount) * rate;
      }
    };
    finalEnds = new Map();
    retained = new Set();
    for (const [customerId, subs] of subscriptionsByCustomer) {
      const mains = subs
        .filter((s) => s.plan !== 'analytics_addon')
        .sort((a, b) => toMs(a.started_at!) - toMs(b.started_at!));
      const last = mains[mains.length - 1];
      if (last?.ended_at && last.end_reason)
        finalEnds.set(customerId, { endMs: toMs(last.ended_at), reason: last.end_reason });
      if (subs.some((s) => s.ended_at === null && Number(s.mrr) > 0)) retained.add(customerId);
    }
  });

  it('books about one meeting per 100 outbound SDR dials (between 70 and 140)', () => {
    const sdrs = new Set(
      rowsOf(company, 'reps')
        .filter((r) => r.role === 'sdr')
        .map((r) => r.id),
    );
    const dials = rowsOf(company, 'activities').filter(
      (a) => sdrs.has(a.rep_id ?? null) && a.kind === 'call' && a.direction === 'outbound',
    );
    const meetings = dials.filter((a) => a.outcome === 'meeting_booked').length;
    expect(dials.length / meetings).toBeGreaterThan(70);
    expect(dials.length / meetings).toBeLessThan(140);
    // Month by month too, up to the last whole one: no drift as the history ends.
    for (let month = 0; month < 6; month++) {
      const startMs = Date.UTC(2026, 4 + month, 1);
      const endMs = Date.UTC(2026, 5 + month, 1);
      const inMonth = dials.filter((a) => {
        const ms = toMs(a.occurred_at!);
        return ms >= startMs && ms < endMs;
      });
      const booked = inMonth.filter((a) => a.outcome === 'meeting_booked').length;
      expect(inMonth.length / booked, new Date(startMs).toISOString()).toBeGreaterThan(75);
      expect(inMonth.length / booked, new Date(startMs).toISOString()).toBeLessThan(130);
    }
  });

  it('ends subscriptions voluntarily and delinquently, the delinquent ones after failed card_expired invoices', () => {
    const subs = rowsOf(company, 'subscriptions');
    const voluntary = subs.filter((s) => s.end_reason === 'voluntary');
    const delinquent = subs.filter((s) => s.end_reason === 'delinquent');
    expect(voluntary.length).toBeGreaterThan(200);
    expect(delinquent.length).toBeGreaterThan(40);
    expect(voluntary.every((s) => s.cancel_reason !== null)).toBe(true);
    const failedCardExpired = new Set(
      rowsOf(company, 'invoices')
        .filter((i) => i.status === 'failed' && i.failure_code === 'card_expired')
        .map((i) => i.subscription_id),
    );
    const precededByExpiredCard = delinquent.filter((s) =>
      failedCardExpired.has(s.id ?? null),
    ).length;
    expect(precededByExpiredCard / delinquent.length).toBeGreaterThan(0.5);
  });

  it('brings back about a tenth of churned customers with a new subscription', () => {
    let churned = 0;
    let reactivated = 0;
    for (const subs of subscriptionsByCustomer.values()) {
      const mains = subs.filter((s) => s.plan !== 'analytics_addon');
      if (mains.some((s) => s.end_reason !== null)) churned++;
      if (mains.some((s) => s.end_reason !== null) && mains.length > 1) reactivated++;
    }
    expect(reactivated / churned).toBeGreaterThan(0.06);
    expect(reactivated / churned).toBeLessThan(0.25);
  });

  it('bills monthly and yearly, changes plans and seats, and sells add-ons', () => {
    const subs = rowsOf(company, 'subscriptions');
    expect(subs.filter((s) => s.billing_interval === 'month').length).toBeGreaterThan(500);
    expect(subs.filter((s) => s.billing_interval === 'year').length).toBeGreaterThan(300);
    const changes = rowsOf(company, 'subscription_changes');
    expect(changes.filter((c) => c.plan !== null).length).toBeGreaterThan(20);
    expect(changes.length).toBeGreaterThan(500);
    expect(
      [...subscriptionsByCustomer.values()].filter((list) =>
        list.some((s) => s.plan === 'analytics_addon'),
      ).length,
    ).toBeGreaterThan(50);
  });

  it('churns 1–3 % of active customers a month on average, small businesses more than enterprises', () => {
    const isActiveAt = (customerId: string, ms: number): boolean =>
      (subscriptionsByCustomer.get(customerId) ?? []).some((s) => {
        const startMs = Math.max(toMs(s.started_at!), s.trial_ends_at ? toMs(s.trial_ends_at) : 0);
        return (
          startMs <= ms && ms < (s.ended_at ? toMs(s.ended_at) : Infinity) && Number(s.mrr) > 0
        );
      });
    let atStart = 0;
    let lost = 0;
    const bySegment = new Map<string, { atStart: number; lost: number }>();
    for (let month = 1; month < 24; month++) {
      const startMs = Date.UTC(2024, 10 + month, 1);
      const endMs = Date.UTC(2024, 11 + month, 1);
      for (const customerId of subscriptionsByCustomer.keys()) {
        if (!isActiveAt(customerId, startMs - 1)) continue;
        const segment = bySegment.get(segmentOf.get(customerId)!) ?? { atStart: 0, lost: 0 };
        bySegment.set(segmentOf.get(customerId)!, segment);
        atStart++;
        segment.atStart++;
        if (!isActiveAt(customerId, endMs - 1)) {
          lost++;
          segment.lost++;
        }
      }
    }
    expect(lost / atStart).toBeGreaterThan(0.01);
    expect(lost / atStart).toBeLessThan(0.03);
    const rate = (segment: string): number =>
      bySegment.get(segment)!.lost / bySegment.get(segment)!.atStart;
    expect(rate('smb')).toBeGreaterThan(rate('mid_market'));
    expect(rate('mid_market')).toBeGreaterThan(rate('enterprise'));
  });

  it("lets churners' usage fade in the weeks before they leave", () => {
    const usage = groupBy(rowsOf(company, 'usage'), 'customer_id');
    let lastWeeks = 0;
    let earlierWeeks = 0;
    for (const [customerId, end] of finalEnds) {
      const weeks = (usage.get(customerId) ?? []).map((u) => ({
        ms: toMs(u.date!),
        users: Number(u.active_users),
      }));
      const late = weeks.filter((w) => w.ms >= end.endMs - 28 * DAY_MS && w.ms < end.endMs);
      const early = weeks.filter(
        (w) => w.ms >= end.endMs - 112 * DAY_MS && w.ms < end.endMs - 56 * DAY_MS,
      );
      if (late.length === 0 || early.length === 0) continue;
      lastWeeks += mean(late.map((w) => w.users));
      earlierWeeks += mean(early.map((w) => w.users));
    }
    expect(lastWeeks).toBeLessThan(0.85 * earlierWeeks);
  });

  it("puts risk phrases in churners' transcripts more often than in retained customers'", () => {
    const risky = /too expensive|budget cut|switching to churnly|cancel|not using it much/i;
    const transcripts = rowsOf(company, 'conversations').filter((c) => c.customer_id !== null);
    const shareWithRisk = (keep: (customerId: string) => boolean): number => {
      const chosen = transcripts.filter((c) => keep(c.customer_id!));
      return chosen.filter((c) => risky.test(c.transcript ?? '')).length / chosen.length;
    };
    const churners = shareWithRisk((id) => finalEnds.get(id)?.reason === 'voluntary');
    const stayers = shareWithRisk((id) => retained.has(id));
    expect(stayers).toBeGreaterThan(0.03);
    expect(churners).toBeGreaterThan(1.4 * stayers);
    expect(
      rowsOf(company, 'conversations').some((c) => c.lead_id !== null && c.deal_id !== null),
    ).toBe(true);
  });

  it('hears from the rolling NPS survey every month, scoring +20 to +45 over the year', () => {
    const responses = rowsOf(company, 'nps_responses');
    const byMonth = groupBy(
      responses.map((r) => ({ ...r, month: r.responded_at!.slice(0, 7) })),
      'month',
    );
    for (let month = 0; month < 25; month++) {
      const key = new Date(Date.UTC(2024, 10 + month, 1)).toISOString().slice(0, 7);
      expect(byMonth.get(key)?.length ?? 0, key).toBeGreaterThan(month === 0 ? 5 : 40);
    }
    const lastYear = responses
      .filter((r) => toMs(r.responded_at!) >= Date.UTC(2025, 10, 1))
      .map((r) => Number(r.score));
    const nps =
      (100 * (lastYear.filter((s) => s >= 9).length - lastYear.filter((s) => s <= 6).length)) /
      lastYear.length;
    expect(nps).toBeGreaterThan(20);
    expect(nps).toBeLessThan(45);
  });

  it('gives churners a lower mean NPS than retained customers', () => {
    const scores = (keep: (customerId: string) => boolean): number =>
      mean(
        rowsOf(company, 'nps_responses')
          .filter((r) => keep(r.customer_id!))
          .map((r) => Number(r.score)),
      );
    expect(scores((id) => finalEnds.has(id))).toBeLessThan(scores((id) => retained.has(id)) - 0.5);
  });

  it('wins 20–30 % of closed deals from 8–15 leads per new customer', () => {
    const deals = rowsOf(company, 'deals');
    const won = deals.filter((d) => d.status === 'won').length;
    const lost = deals.filter((d) => d.status === 'lost').length;
    expect(won / (won + lost)).toBeGreaterThan(0.2);
    expect(won / (won + lost)).toBeLessThan(0.3);
    const newCustomers = deals.filter(
      (d) => d.kind === 'new_business' && d.status === 'won',
    ).length;
    const leadsPerNewCustomer = rowsOf(company, 'leads').length / newCustomers;
    expect(leadsPerNewCustomer).toBeGreaterThan(8);
    expect(leadsPerNewCustomer).toBeLessThan(15.5);
  });

  it('keeps an open pipeline expected to close over this month and the next two, covering what is left of the goal', () => {
    const open = rowsOf(company, 'deals').filter((d) => d.status === 'open');
    for (const [fromMs, untilMs] of [
      [AS_OF_MS, Date.UTC(2026, 11, 1)],
      [Date.UTC(2026, 11, 1), Date.UTC(2027, 0, 1)],
      [Date.UTC(2027, 0, 1), Date.UTC(2027, 1, 1)],
    ] as const) {
      const closing = open.filter((d) => {
        const ms = toMs(d.expected_close_at!);
        return ms >= fromMs && ms < untilMs;
      });
      expect(closing.length, new Date(fromMs).toISOString()).toBeGreaterThan(15);
    }
    expect(open.every((d) => toMs(d.expected_close_at!) >= AS_OF_MS)).toBe(true);
    // Pipeline coverage for November 2026, as the KPI computes it.
    const monthStartMs = Date.UTC(2026, 10, 1);
    const monthEndMs = Date.UTC(2026, 11, 1);
    const goal = rowsOf(company, 'goals').find(
      (g) =>
        g.metric === 'won_revenue' &&
        toMs(g.period_start!) <= monthStartMs &&
        toMs(g.period_end!) >= monthEndMs,
    )!;
    const goalForMonth =
      (Number(goal.target) * (monthEndMs - monthStartMs)) /
      (toMs(goal.period_end!) - toMs(goal.period_start!));
    const wonSoFar = sum(
      rowsOf(company, 'deals')
        .filter((d) => d.status === 'won' && toMs(d.closed_at!) >= monthStartMs)
        .map((d) => toUsd(d.amount!, d.currency!, d.closed_at!)),
    );
    const pipeline = sum(
      open
        .filter((d) => toMs(d.expected_close_at!) < monthEndMs)
        .map((d) => toUsd(d.amount!, d.currency!, d.created_at!)),
    );
    expect(goalForMonth).toBeGreaterThan(wonSoFar);
    expect(pipeline / (goalForMonth - wonSoFar)).toBeGreaterThan(1);
    expect(pipeline / (goalForMonth - wonSoFar)).toBeLessThan(6);
  });

  it('prices a believable B2B mix: $400–900 mean MRR per customer, far fewer enterprises at $3–8k', () => {
    const mrrCents = new Map<string, number>();
    const seats = new Map<string, number>();
    const changes = groupBy(rowsOf(company, 'subscription_changes'), 'subscription_id');
    for (const [customerId, subs] of subscriptionsByCustomer) {
      for (const sub of subs) {
        if (payStartMs(sub) > AS_OF_MS || sub.ended_at !== null) continue;
        const latest = (changes.get(sub.id!) ?? [])
          .filter((c) => toMs(c.effective_at!) < AS_OF_MS)
          .sort((a, b) => toMs(a.effective_at!) - toMs(b.effective_at!))
          .at(-1);
        const mrr = toUsd(latest?.mrr ?? sub.mrr!, sub.currency!, '2026-11-22');
        if (mrr <= 0) continue;
        mrrCents.set(customerId, (mrrCents.get(customerId) ?? 0) + Math.round(mrr * 100));
        if (sub.plan !== 'analytics_addon')
          seats.set(customerId, Number(latest?.seats ?? sub.seats ?? 1));
      }
    }
    const meanMrr = (keep: (segment: string) => boolean): number =>
      mean(
        [...mrrCents].filter(([id]) => keep(segmentOf.get(id)!)).map(([, cents]) => cents / 100),
      );
    expect(meanMrr(() => true)).toBeGreaterThan(400);
    expect(meanMrr(() => true)).toBeLessThan(900);
    for (const [segment, low, high] of [
      ['smb', 100, 250],
      ['mid_market', 600, 1500],
      ['enterprise', 3000, 8000],
    ] as const) {
      expect(
        meanMrr((s) => s === segment),
        segment,
      ).toBeGreaterThan(low);
      expect(
        meanMrr((s) => s === segment),
        segment,
      ).toBeLessThan(high);
    }
    const active = [...mrrCents.keys()];
    const enterprises = active.filter((id) => segmentOf.get(id) === 'enterprise').length;
    expect(enterprises / active.length).toBeLessThan(0.12);
    expect(mean([...seats.values()])).toBeGreaterThan(5);
    expect(mean([...seats.values()])).toBeLessThan(20);
  });

  it('spends by channel so CAC is $4–10k, dearer through paid search and events than organic and referral, with a 8–30 month payback', () => {
    const spend = rowsOf(company, 'marketing_spend');
    expect(new Set(spend.map((m) => m.kind))).toEqual(new Set(['marketing', 'sales']));
    // Monthly rows: each starts on the first and ends on the next first (or at asOf).
    for (const row of spend) {
      expect(row.period_start!.slice(8)).toBe('01');
      expect(toMs(row.period_end!) - toMs(row.period_start!)).toBeLessThanOrEqual(31 * DAY_MS);
    }
    const fromMs = Date.UTC(2025, 10, 1);
    const untilMs = Date.UTC(2026, 10, 1);
    const spentUsd = (channel: string | null): number =>
      sum(
        spend
          .filter(
            (m) =>
              (channel === null || m.channel === channel) &&
              toMs(m.period_start!) >= fromMs &&
              toMs(m.period_start!) < untilMs,
          )
          .map((m) => Number(m.amount)),
      );
    const customers = rowsOf(company, 'customers');
    const acquired = (channel: string | null): string[] =>
      customers
        .filter((c) => channel === null || c.acquisition_channel === channel)
        .map((c) => c.id!)
        .filter((id) => {
          const ms = acquiredAt.get(id);
          return ms !== undefined && ms >= fromMs && ms < untilMs;
        });
    const cac = (channel: string | null): number => spentUsd(channel) / acquired(channel).length;
    expect(cac(null)).toBeGreaterThan(4000);
    expect(cac(null)).toBeLessThan(10_000);
    for (const dear of ['paid_search', 'events']) {
      for (const cheap of ['organic', 'referral']) expect(cac(dear)).toBeGreaterThan(cac(cheap));
    }
    // Payback: CAC over what a new customer pays a month when it starts.
    const firstMrr = acquired(null).map((id) =>
      sum(
        (subscriptionsByCustomer.get(id) ?? [])
          .filter((s) => payStartMs(s) === acquiredAt.get(id))
          .map((s) => toUsd(s.mrr!, s.currency!, s.started_at!)),
      ),
    );
    expect(cac(null) / mean(firstMrr)).toBeGreaterThan(8);
    expect(cac(null) / mean(firstMrr)).toBeLessThan(30);
  });

  it('sets revenue goals on won_revenue near what the team wins, with churn and activity goals on known KPIs and scopes', () => {
    const goals = rowsOf(company, 'goals');
    expect(new Set(goals.map((g) => g.metric))).toEqual(
      new Set([
        'won_revenue',
        'new_customers',
        'customer_churn_rate',
        'calls_per_rep_per_day',
        'demos_per_rep_per_week',
      ]),
    );
    const reps = rowsOf(company, 'reps');
    const teams = new Set(reps.map((r) => r.team));
    const repIds = new Set(reps.map((r) => r.id));
    for (const goal of goals) {
      if (goal.scope === 'team') expect(teams.has(goal.scope_id), goal.scope_id!).toBe(true);
      if (goal.scope === 'rep') expect(repIds.has(goal.scope_id), goal.scope_id!).toBe(true);
      if (goal.scope === 'company') expect(goal.scope_id).toBeNull();
    }
    const churnGoals = goals.filter((g) => g.metric === 'customer_churn_rate');
    expect(churnGoals.length).toBeGreaterThanOrEqual(24);
    expect(churnGoals.every((g) => g.scope === 'company' && Number(g.target) === 0.01)).toBe(true);
    const sdrGoal = goals.find(
      (g) => g.metric === 'calls_per_rep_per_day' && g.scope_id === 'Sales Development',
    );
    expect(Number(sdrGoal?.target)).toBe(50);
    const revenue = goals.filter((g) => g.metric === 'won_revenue');
    expect(revenue.every((g) => g.scope === 'company')).toBe(true);
    // The current quarter has one.
    expect(
      revenue.some((g) => toMs(g.period_start!) <= AS_OF_MS && AS_OF_MS < toMs(g.period_end!)),
    ).toBe(true);
    const won = rowsOf(company, 'deals').filter((d) => d.status === 'won');
    const past = revenue.filter((g) => toMs(g.period_end!) <= AS_OF_MS);
    expect(past.length).toBeGreaterThanOrEqual(6);
    for (const goal of past) {
      const wonUsd = sum(
        won
          .filter((d) => {
            const ms = toMs(d.closed_at!);
            return ms >= toMs(goal.period_start!) && ms < toMs(goal.period_end!);
          })
          .map((d) => toUsd(d.amount!, d.currency!, d.closed_at!)),
      );
      expect(wonUsd / Number(goal.target), goal.period_start!).toBeGreaterThan(0.8);
      expect(wonUsd / Number(goal.target), goal.period_start!).toBeLessThan(1.2);
    }
  });

  it('sells one-off orders at 1.5–3 per customer, and leaves some active cards expiring in the next 3 months', () => {
    expect(rowsOf(company, 'orders').length / 2000).toBeGreaterThan(1.5);
    expect(rowsOf(company, 'orders').length / 2000).toBeLessThan(3);
    const expiringSoon = rowsOf(company, 'payment_methods').filter((p) => {
      if (p.kind !== 'card' || p.is_default !== 'true' || !retained.has(p.customer_id!))
        return false;
      const lapsesMs = Date.UTC(Number(p.exp_year), Number(p.exp_month), 1);
      return lapsesMs > AS_OF_MS && lapsesMs <= Date.UTC(2027, 2, 1);
    });
    expect(expiringSoon.length).toBeGreaterThan(10);
  });

  it('makes churn learnable but not obvious: a simple health score ranks churners with ROC AUC 0.7–0.92', () => {
    // Score customers active 90 days before asOf from what was known then; label: gone by asOf.
    const cutoffMs = AS_OF_MS - 90 * DAY_MS;
    const usage = groupBy(rowsOf(company, 'usage'), 'customer_id');
    const nps = groupBy(rowsOf(company, 'nps_responses'), 'customer_id');
    const tickets = groupBy(rowsOf(company, 'tickets'), 'customer_id');
    const scored: { score: number; churned: boolean }[] = [];
    for (const customer of rowsOf(company, 'customers')) {
      const id = customer.id!;
      const subs = subscriptionsByCustomer.get(id) ?? [];
      const isActive = (ms: number): boolean =>
        subs.some(
          (s) =>
            Math.max(toMs(s.started_at!), s.trial_ends_at ? toMs(s.trial_ends_at) : 0) <= ms &&
            ms < (s.ended_at ? toMs(s.ended_at) : Infinity),
        );
      if (!isActive(cutoffMs)) continue;
      const weeks = (usage.get(id) ?? []).filter((u) => toMs(u.date!) < cutoffMs);
      const recent = mean(
        weeks
          .filter((u) => toMs(u.date!) >= cutoffMs - 28 * DAY_MS)
          .map((u) => Number(u.active_users)),
      );
      const before = mean(
        weeks
          .filter(
            (u) =>
              toMs(u.date!) < cutoffMs - 28 * DAY_MS && toMs(u.date!) >= cutoffMs - 84 * DAY_MS,
          )
          .map((u) => Number(u.active_users)),
      );
      const trend = before > 0 && Number.isFinite(recent) ? Math.min(2, recent / before) : 1;
      const lastScore =
        (nps.get(id) ?? [])
          .filter((r) => toMs(r.responded_at!) < cutoffMs)
          .map((r) => Number(r.score))
          .pop() ?? 8;
      const complaints = (tickets.get(id) ?? []).filter(
        (t) =>
          ['complaint', 'claim', 'objection'].includes(t.kind ?? '') &&
          toMs(t.opened_at!) < cutoffMs &&
          toMs(t.opened_at!) >= cutoffMs - 90 * DAY_MS,
      ).length;
      const terms = company.attributes.get(`customers:${id}`) ?? {};
      const score =
        -2.5 * trend -
        0.3 * lastScore +
        0.5 * complaints +
        0.8 * Number(terms.contract_type === 'monthly') +
        0.5 * Number(terms.payment_method === 'card');
      scored.push({ score, churned: !isActive(AS_OF_MS - 1) });
    }
    const auc = computeRocAuc(scored);
    expect(auc).toBeGreaterThan(0.7);
    expect(auc).toBeLessThan(0.92);
  });
});

describe('generateDemoCompany into a no-op sink', () => {
  it('generates 2,000 customers, reporting progress at each flush and printing nothing', async () => {
    const output = [
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'info'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'error'),
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
    ];
    const progress: number[] = [];
    let flushes = 0;
    const stats = await generateDemoCompany(
      { customers: 2000, seed: 2, asOf: AS_OF },
      { add: () => undefined, flush: () => Promise.resolve(void flushes++) },
      (done, total) => progress.push(done / total),
    );
    for (const spy of output) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(stats.customers).toBe(2000);
    expect(stats.activities).toBeGreaterThan(100_000);
    expect(progress).toHaveLength(10);
    expect(progress.at(-1)).toBe(1);
    expect(flushes).toBeGreaterThanOrEqual(10);
  });
});

function groupBy(rows: readonly Row[], column: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row[column] ?? '';
    const group = groups.get(key) ?? groups.set(key, []).get(key)!;
    group.push(row);
  }
  return groups;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A subscription's first paying instant: its trial's end, else its start. */
function payStartMs(sub: Row): number {
  return Math.max(toMs(sub.started_at!), sub.trial_ends_at ? toMs(sub.trial_ends_at) : 0);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Probability that a random churner outscores a random stayer (ties count half). */
function computeRocAuc(scored: readonly { score: number; churned: boolean }[]): number {
  const positives = scored.filter((s) => s.churned).map((s) => s.score);
  const negatives = scored.filter((s) => !s.churned).map((s) => s.score);
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}
