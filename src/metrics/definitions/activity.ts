/**
 * Sales activity (DESIGN.md, reading 11). An outbound contact is an outbound
 * activity other than a note; a booked meeting is an activity with outcome
 * meeting_booked; per-rep rates divide by the reps with any activity in P
 * times the Monday-to-Friday days in P.
 */
import type { MetricContext } from '../context.js';
import { selectContributions, type BaseKpi } from '../definition.js';

const inPeriod = (column: string) => `${column} >= p.period_start AND ${column} < p.period_end`;

export const potentialNewClientsContacted: BaseKpi = {
  kind: 'base',
  id: 'potential_new_clients_contacted',
  title: 'New prospects contacted',
  description:
    'Leads, not yet customers at that moment, whose first outbound contact ever (an outbound call, e-mail, meeting or demo) falls in P.',
  unit: 'count',
  direction: 'higher_is_better',
  valueKind: 'total',
  blocks: ['customerFacts'],
  contributions: (context) =>
    selectContributions({
      from: `(
        SELECT a.lead_id, a.rep_id, a.occurred_at,
               row_number() OVER (PARTITION BY a.lead_id ORDER BY a.occurred_at, a.id) AS contact_rank
        FROM activities a
        WHERE a.lead_id IS NOT NULL AND a.direction = 'outbound' AND a.kind <> 'note'
      ) first_contact
      JOIN leads l ON l.id = first_contact.lead_id
      LEFT JOIN ${context.tables.customerFacts} cf ON cf.customer_id = l.converted_customer_id
      JOIN ${context.tables.periods} p ON ${inPeriod('first_contact.occurred_at')}`,
      where:
        'first_contact.contact_rank = 1 AND (cf.acquired_at IS NULL OR cf.acquired_at > first_contact.occurred_at)',
      subject: 'lead',
      subjectId: 'l.id',
      repId: 'first_contact.rep_id',
      numerator: '1',
    }),
};

/** Activity KPIs are per rep: customer columns do not describe a rep's calls to prospects. */
const REP_DIMENSIONS = ['owner_rep_id', 'team'];

export const dialsPerMeeting: BaseKpi = {
  kind: 'base',
  id: 'dials_per_meeting',
  title: 'Dials per booked meeting',
  description:
    'Outbound calls in P divided by meetings booked in P (activities with outcome meeting_booked).',
  unit: 'ratio',
  direction: 'lower_is_better',
  valueKind: 'ratio',
  blocks: ['repActivity'],
  dimensions: REP_DIMENSIONS,
  contributions: (context) =>
    selectContributions({
      from: context.tables.repActivity + ' ra',
      period: 'ra.period_start',
      where: 'ra.outbound_calls > 0 OR ra.meetings_booked > 0',
      subject: 'rep',
      subjectId: 'ra.rep_id',
      repId: 'ra.rep_id',
      numerator: 'ra.outbound_calls',
      denominator: 'ra.meetings_booked',
    }),
};

const ACTIVITY_KINDS = [
  { kind: 'call', plural: 'calls' },
  { kind: 'email', plural: 'emails' },
  { kind: 'meeting', plural: 'meetings' },
  { kind: 'demo', plural: 'demos' },
] as const;

function perRepRate(kind: string, plural: string, per: 'day' | 'week'): BaseKpi {
  return {
    kind: 'base',
    id: `${plural}_per_rep_per_${per}`,
    title: `${plural[0]?.toUpperCase() ?? ''}${plural.slice(1)} per rep per ${per === 'day' ? 'working day' : 'week'}`,
    description: `Activities of kind ${kind} in P divided by the reps with any activity in P times the ${per === 'day' ? 'working days (Monday to Friday)' : 'working weeks (working days ÷ 5)'} in P.`,
    unit: 'ratio',
    direction: 'higher_is_better',
    valueKind: 'ratio',
    blocks: ['repActivity'],
    dimensions: REP_DIMENSIONS,
    contributions: (context: MetricContext) =>
      selectContributions({
        from: context.tables.repActivity + ' ra',
        period: 'ra.period_start',
        subject: 'rep',
        subjectId: 'ra.rep_id',
        repId: 'ra.rep_id',
        numerator: `ra.${plural}`,
        denominator: per === 'day' ? 'ra.working_days' : 'ra.working_days / 5.0',
      }),
  };
}

export const ACTIVITY_RATE_KPIS = (['day', 'week'] as const).flatMap((per) =>
  ACTIVITY_KINDS.map(({ kind, plural }) => perRepRate(kind, plural, per)),
);

export const ACTIVITY_KPIS = [potentialNewClientsContacted, dialsPerMeeting, ...ACTIVITY_RATE_KPIS];
