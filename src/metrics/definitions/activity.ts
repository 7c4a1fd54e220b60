/**
 * Sales activity (DESIGN.md, reading 11). An outbound contact is an outbound
 * activity other than a note; a booked meeting is an activity with outcome
 * meeting_booked; per-rep rates divide by the reps with any activity in P
 * times the Monday-to-Friday days in P.
 */
import { joinPeriodOf } from '../context.js';
import { REP_DIMENSIONS, type BaseKpi, type RowSource } from '../definition.js';
import { REP_ACTIVITY } from '../sources.js';

/** Leads created in the period, with the rep who owns them. */
const LEADS_CREATED: RowSource = {
  id: 'leads_created',
  blocks: [],
  from: (context) => `leads l ${joinPeriodOf(context, 'l.created_at')}`,
  period: 'p.period_start',
  subject: 'lead',
  subjectId: 'l.id',
  repId: 'l.owner_rep_id',
};

export const leadsQualified: BaseKpi = {
  kind: 'base',
  id: 'leads_qualified',
  title: 'Leads qualified',
  description:
    'Leads created in P that are now qualified or converted. Counted by creation date: the canonical leads carry their status, not when it changed.',
  unit: 'count',
  direction: 'higher_is_better',
  valueKind: 'total',
  dimensions: REP_DIMENSIONS,
  parts: [
    { source: LEADS_CREATED, where: "l.status IN ('qualified', 'converted')", numerator: '1' },
  ],
};

/** One row per lead whose first outbound contact ever falls in the period. */
const FIRST_CONTACTS: RowSource = {
  id: 'first_contacts',
  blocks: ['customerFacts', 'firstContacts'],
  from: (context) => `${context.tables.firstContacts} first_contact
    JOIN leads l ON l.id = first_contact.lead_id
    LEFT JOIN ${context.tables.customerFacts} cf ON cf.customer_id = l.converted_customer_id
    ${joinPeriodOf(context, 'first_contact.first_contact_at')}`,
  period: 'p.period_start',
  subject: 'lead',
  subjectId: 'l.id',
  repId: 'l.owner_rep_id',
};

export const potentialNewClientsContacted: BaseKpi = {
  kind: 'base',
  id: 'potential_new_clients_contacted',
  title: 'New prospects contacted',
  description:
    'Leads, not yet customers at that moment, whose first outbound contact ever (an outbound call, e-mail, meeting or demo) falls in P.',
  unit: 'count',
  direction: 'higher_is_better',
  valueKind: 'total',
  dimensions: REP_DIMENSIONS,
  parts: [
    {
      source: FIRST_CONTACTS,
      where: 'cf.acquired_at IS NULL OR cf.acquired_at > first_contact.first_contact_at',
      numerator: '1',
    },
  ],
};

export const dialsPerMeeting: BaseKpi = {
  kind: 'base',
  id: 'dials_per_meeting',
  display: 'multiple',
  title: 'Dials per booked meeting',
  description:
    'Outbound calls in P divided by meetings booked in P (activities with outcome meeting_booked).',
  unit: 'ratio',
  direction: 'lower_is_better',
  valueKind: 'ratio',
  dimensions: REP_DIMENSIONS,
  parts: [
    { source: REP_ACTIVITY, numerator: 'ra.outbound_calls', denominator: 'ra.meetings_booked' },
  ],
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
    display: 'multiple',
    title: `${plural[0]?.toUpperCase() ?? ''}${plural.slice(1)} per rep per ${per === 'day' ? 'working day' : 'week'}`,
    description: `Activities of kind ${kind} in P divided by the reps with any activity in P times the ${per === 'day' ? 'working days (Monday to Friday)' : 'working weeks (working days ÷ 5)'} of P up to the as-of date.`,
    unit: 'ratio',
    direction: 'higher_is_better',
    valueKind: 'ratio',
    dimensions: REP_DIMENSIONS,
    parts: [
      {
        source: REP_ACTIVITY,
        numerator: `ra.${plural}`,
        denominator: per === 'day' ? 'ra.working_days' : 'ra.working_days / 5.0',
      },
    ],
  };
}

export const ACTIVITY_RATE_KPIS = (['day', 'week'] as const).flatMap((per) =>
  ACTIVITY_KINDS.map(({ kind, plural }) => perRepRate(kind, plural, per)),
);

export const ACTIVITY_KPIS = [
  potentialNewClientsContacted,
  leadsQualified,
  dialsPerMeeting,
  ...ACTIVITY_RATE_KPIS,
];
