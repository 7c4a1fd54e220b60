/**
 * The pipeline: deals count in P by closed_at and status (won or lost deals
 * without closed_at are ignored, DESIGN.md reading 12); amounts convert at
 * the rate of the day the deal closed (or was created, while open). Coverage
 * and weighted pipeline look at the as-of date clamped into P.
 */
import type { MetricContext } from '../context.js';
import {
  selectContributions,
  type BaseKpi,
  type CompositeKpi,
  type ValueKind,
} from '../definition.js';

const fromDeals = (context: MetricContext, joinPeriods: string) =>
  `${context.tables.deals} d JOIN ${context.tables.periods} p ON ${joinPeriods}`;

const closedIn = `d.closed_at >= p.period_start AND d.closed_at < p.period_end`;
const amountOf = () => 'd.amount';
/** Open at instant `t`: created before it, and either still open or closed at or after it. */
const openAt = (t: string) =>
  `d.created_at < ${t} AND (d.status = 'open' OR (d.status IN ('won', 'lost') AND d.closed_at >= ${t}))`;

type DealKpiSpec = Pick<BaseKpi, 'id' | 'title' | 'description' | 'unit' | 'direction'> & {
  valueKind: ValueKind;
  joinPeriods: string;
  where?: string;
  numerator: () => string;
  denominator?: string;
};

function dealKpi(spec: DealKpiSpec): BaseKpi {
  return {
    kind: 'base',
    id: spec.id,
    title: spec.title,
    description: spec.description,
    unit: spec.unit,
    direction: spec.direction,
    valueKind: spec.valueKind,
    blocks: ['deals'],
    contributions: (context) =>
      selectContributions({
        from: fromDeals(context, spec.joinPeriods),
        ...(spec.where === undefined ? {} : { where: spec.where }),
        subject: 'deal',
        subjectId: 'd.id',
        customerId: 'd.customer_id',
        repId: 'd.owner_rep_id',
        numerator: spec.numerator(),
        ...(spec.denominator === undefined ? {} : { denominator: spec.denominator }),
      }),
  };
}

export const winRate = dealKpi({
  id: 'win_rate',
  title: 'Win rate',
  description: 'Deals won in P divided by deals won or lost in P (by closed_at).',
  unit: 'ratio',
  direction: 'higher_is_better',
  valueKind: 'ratio',
  joinPeriods: closedIn,
  where: "d.status IN ('won', 'lost')",
  numerator: () => "CASE WHEN d.status = 'won' THEN 1 ELSE 0 END",
  denominator: '1',
});

export const averageDealSize = dealKpi({
  id: 'average_deal_size',
  title: 'Average deal size',
  description: 'Mean amount of the deals won in P, in the reporting currency.',
  unit: 'currency',
  direction: 'higher_is_better',
  valueKind: 'ratio',
  joinPeriods: closedIn,
  where: "d.status = 'won'",
  numerator: amountOf,
  denominator: '1',
});

export const wonRevenue = dealKpi({
  id: 'won_revenue',
  title: 'Won revenue',
  description:
    'Sum of the amounts of deals won in P, in the reporting currency: what revenue goals are set on.',
  unit: 'currency',
  direction: 'higher_is_better',
  valueKind: 'total',
  joinPeriods: closedIn,
  where: "d.status = 'won'",
  numerator: amountOf,
});

export const salesCycleDays = dealKpi({
  id: 'sales_cycle_days',
  title: 'Sales cycle',
  description: 'Mean days (fractional) from created_at to closed_at of the deals won in P.',
  unit: 'days',
  direction: 'lower_is_better',
  valueKind: 'ratio',
  joinPeriods: closedIn,
  where: "d.status = 'won'",
  numerator: () => 'EXTRACT(EPOCH FROM (d.closed_at - d.created_at)) / 86400.0',
  denominator: '1',
});

export const openDeals = dealKpi({
  id: 'open_deals',
  title: 'Open deals',
  description: 'Deals open at the end of P: created before it and not yet won or lost.',
  unit: 'count',
  direction: 'higher_is_better',
  valueKind: 'total',
  joinPeriods: openAt('p.period_end'),
  numerator: () => '1',
});

export const salesVelocity: CompositeKpi = {
  kind: 'composite',
  id: 'sales_velocity',
  title: 'Sales velocity',
  description:
    'Revenue per day the pipeline produces: deals open at the end of P × win rate × average deal size ÷ sales cycle days.',
  unit: 'currency',
  direction: 'higher_is_better',
  components: ['open_deals', 'win_rate', 'average_deal_size', 'sales_cycle_days'],
  combine: (values) => {
    const open = values.open_deals?.value ?? null;
    const rate = values.win_rate?.value ?? null;
    const size = values.average_deal_size?.value ?? null;
    const days = values.sales_cycle_days?.value ?? null;
    const numerator = open === null || rate === null || size === null ? null : open * rate * size;
    return {
      numerator,
      denominator: days,
      value: numerator === null || !days ? null : numerator / days,
    };
  },
};

/** Open at the as-of instant clamped into P, expected to close in P. */
const openExpectedInPeriod = `${openAt('p.as_of_point')}
  AND d.expected_close_at >= p.period_start AND d.expected_close_at < p.period_end`;

export const pipelineCoverage: BaseKpi = {
  kind: 'base',
  id: 'pipeline_coverage',
  title: 'Pipeline coverage',
  description:
    'Open pipeline expected to close in P (as of the as-of date clamped into P) divided by the company revenue goal (won_revenue) remaining in P: the goal prorated to P minus what was won so far. Null when no goal applies or it is already met.',
  unit: 'ratio',
  direction: 'higher_is_better',
  valueKind: 'positive_ratio',
  blocks: ['deals'],
  dimensions: [],
  contributions: (context) =>
    [
      selectContributions({
        from: fromDeals(context, openExpectedInPeriod),
        subject: 'deal',
        subjectId: 'd.id',
        customerId: 'd.customer_id',
        repId: 'd.owner_rep_id',
        numerator: amountOf(),
        denominator: '0',
      }),
      selectContributions({
        from: fromDeals(context, `d.closed_at >= p.period_start AND d.closed_at < p.as_of_point`),
        where: "d.status = 'won'",
        subject: 'deal',
        subjectId: 'd.id',
        customerId: 'd.customer_id',
        repId: 'd.owner_rep_id',
        numerator: '0',
        denominator: `-${amountOf()}`,
      }),
      selectContributions({
        from: `goals g JOIN ${context.tables.periods} p ON g.period_start < p.end_date AND g.period_end > p.start_date`,
        where: "g.metric = 'won_revenue' AND coalesce(g.scope, 'company') = 'company'",
        subject: 'goal',
        subjectId: 'g.id',
        numerator: '0',
        // Goals spanning several periods count by their overlap with P.
        denominator: `g.target * (least(g.period_end, p.end_date) - greatest(g.period_start, p.start_date)) / (g.period_end - g.period_start)`,
      }),
    ].join('\nUNION ALL\n'),
};

export const weightedPipeline: BaseKpi = {
  kind: 'base',
  id: 'weighted_pipeline',
  title: 'Weighted pipeline',
  description:
    'Sum over deals open (as of the as-of date clamped into P) and expected to close in P of amount × win probability; the probability is the historical win rate of all closed deals.',
  unit: 'currency',
  direction: 'higher_is_better',
  valueKind: 'total',
  blocks: ['deals'],
  contributions: (context) =>
    selectContributions({
      from: fromDeals(context, openExpectedInPeriod),
      subject: 'deal',
      subjectId: 'd.id',
      customerId: 'd.customer_id',
      repId: 'd.owner_rep_id',
      numerator: 'd.amount * d.win_probability',
    }),
};

export const SALES_KPIS = [
  winRate,
  averageDealSize,
  wonRevenue,
  salesCycleDays,
  openDeals,
  salesVelocity,
  pipelineCoverage,
  weightedPipeline,
];
