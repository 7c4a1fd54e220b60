/**
 * The pipeline: deals count in P by closed_at and status (won or lost deals
 * without closed_at are ignored, DESIGN.md reading 12); amounts convert at
 * the rate of the day the deal closed (or was created, while open). Coverage
 * and weighted pipeline look at the as-of date clamped into P.
 */
import {
  REP_DIMENSIONS,
  type BaseKpi,
  type CompositeKpi,
  type RowSource,
  type ValueKind,
} from '../definition.js';
import {
  DEALS_CLOSED,
  DEALS_CREATED,
  DEALS_EXPECTED,
  DEALS_OPEN_AT_END,
  DEALS_WON_SO_FAR,
} from '../sources.js';

/** Company-level revenue goals overlapping the period. */
const REVENUE_GOALS: RowSource = {
  id: 'revenue_goals',
  blocks: [],
  from: ({ tables }) =>
    `goals g JOIN ${tables.periods} p ON g.period_start < p.end_date AND g.period_end > p.start_date
     AND g.metric = 'won_revenue' AND coalesce(g.scope, 'company') = 'company'`,
  period: 'p.period_start',
  subject: 'goal',
  subjectId: 'g.id',
};

type DealKpiSpec = Pick<
  BaseKpi,
  'id' | 'title' | 'description' | 'unit' | 'direction' | 'isBalance'
> & {
  valueKind: ValueKind;
  source: RowSource;
  where?: string;
  numerator: string;
  denominator?: string;
};

function dealKpi(spec: DealKpiSpec): BaseKpi {
  const { source, where, numerator, denominator, ...rest } = spec;
  return {
    kind: 'base',
    ...rest,
    dimensions: REP_DIMENSIONS,
    parts: [
      {
        source,
        numerator,
        ...(where === undefined ? {} : { where }),
        ...(denominator === undefined ? {} : { denominator }),
      },
    ],
  };
}

export const winRate = dealKpi({
  id: 'win_rate',
  title: 'Win rate',
  description: 'Deals won in P divided by deals won or lost in P (by closed_at).',
  unit: 'ratio',
  direction: 'higher_is_better',
  valueKind: 'ratio',
  source: DEALS_CLOSED,
  where: "d.status IN ('won', 'lost')",
  numerator: "CASE WHEN d.status = 'won' THEN 1 ELSE 0 END",
  denominator: '1',
});

export const averageDealSize = dealKpi({
  id: 'average_deal_size',
  title: 'Average deal size',
  description: 'Mean amount of the deals won in P, in the reporting currency.',
  unit: 'currency',
  direction: 'higher_is_better',
  valueKind: 'ratio',
  source: DEALS_CLOSED,
  where: "d.status = 'won'",
  numerator: 'd.amount',
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
  source: DEALS_CLOSED,
  where: "d.status = 'won'",
  numerator: 'd.amount',
});

export const salesCycleDays = dealKpi({
  id: 'sales_cycle_days',
  title: 'Sales cycle',
  description: 'Mean days (fractional) from created_at to closed_at of the deals won in P.',
  unit: 'days',
  direction: 'lower_is_better',
  valueKind: 'ratio',
  source: DEALS_CLOSED,
  where: "d.status = 'won'",
  numerator: 'EXTRACT(EPOCH FROM (d.closed_at - d.created_at)) / 86400.0',
  denominator: '1',
});

export const openDeals = dealKpi({
  id: 'open_deals',
  isBalance: true,
  title: 'Open deals',
  description: 'Deals open at the end of P: created before it and not yet won or lost.',
  unit: 'count',
  direction: 'higher_is_better',
  valueKind: 'total',
  source: DEALS_OPEN_AT_END,
  numerator: '1',
});

export const newDeals = dealKpi({
  id: 'new_deals',
  title: 'New opportunities',
  description:
    'New-business deals (kind new_business, or no kind) created in P: the opportunities meetings turn into, which the activity planner works back from.',
  unit: 'count',
  direction: 'higher_is_better',
  valueKind: 'total',
  source: DEALS_CREATED,
  where: "coalesce(d.kind, 'new_business') = 'new_business'",
  numerator: '1',
});

export const salesVelocity: CompositeKpi = {
  kind: 'composite',
  id: 'sales_velocity',
  title: 'Sales velocity',
  description:
    'Revenue per day the pipeline produces: deals open at the end of P × win rate × average deal size ÷ sales cycle days.',
  unit: 'currency',
  direction: 'higher_is_better',
  dimensions: REP_DIMENSIONS,
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

export const pipelineCoverage: BaseKpi = {
  kind: 'base',
  id: 'pipeline_coverage',
  display: 'multiple',
  title: 'Pipeline coverage',
  description:
    'Open pipeline expected to close in P (as of the as-of date clamped into P) divided by the company revenue goal (won_revenue) remaining in P: the goal prorated to P minus what was won so far. Null when no goal applies or it is already met.',
  unit: 'ratio',
  direction: 'higher_is_better',
  valueKind: 'positive_ratio',
  dimensions: [],
  parts: [
    { source: DEALS_EXPECTED, numerator: 'd.amount', denominator: '0' },
    { source: DEALS_WON_SO_FAR, numerator: '0', denominator: '-d.amount' },
    {
      source: REVENUE_GOALS,
      numerator: '0',
      // Goals spanning several periods count by their overlap with P.
      denominator:
        'g.target * (least(g.period_end, p.end_date) - greatest(g.period_start, p.start_date)) / (g.period_end - g.period_start)',
    },
  ],
};

export const weightedPipeline: BaseKpi = {
  kind: 'base',
  id: 'weighted_pipeline',
  isBalance: true,
  title: 'Weighted pipeline',
  description:
    'Sum over deals open (as of the as-of date clamped into P) and expected to close in P of amount × win probability: the stage’s probability from the stage_probabilities setting, else the win rate of the deals closed before the as-of date.',
  unit: 'currency',
  direction: 'higher_is_better',
  valueKind: 'total',
  dimensions: REP_DIMENSIONS,
  parts: [{ source: DEALS_EXPECTED, numerator: 'd.amount * d.win_probability' }],
};

export const SALES_KPIS = [
  winRate,
  averageDealSize,
  wonRevenue,
  salesCycleDays,
  openDeals,
  newDeals,
  salesVelocity,
  pipelineCoverage,
  weightedPipeline,
];
