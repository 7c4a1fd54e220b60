/**
 * What customers tell the company without being asked and when asked:
 * support tickets, and answers to a rolling NPS survey (each paying customer
 * is asked once a quarter, on its own day, so a third of the base is asked
 * every month and every month has a score; two in five answer). Both lean on
 * the latent risk and on how close the customer is to leaving: complaints and
 * claims pile up, scores drop.
 */
import type { Random } from '../../domain/random.js';
import {
  addDays,
  DAY_MS,
  formatTimestamp,
  HOUR_MS,
  MONTH_MS,
  startOfQuarter,
  addMonths,
} from './demo-calendar.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import type { DemoEmitter } from './demo-emitter.js';
import {
  computeLeavingProximity,
  findInForceSpans,
  findPayingSpans,
  isWithinSpans,
} from './demo-life-queries.js';
import type { DemoPlan } from './demo-plan.js';
import type { CustomerLife } from './demo-subscription-life.js';
import type { Segment } from './demo-vocabulary.js';
import { NPS_COMMENTS } from './demo-words.js';

type TicketKind = 'question' | 'bug' | 'complaint' | 'objection' | 'claim';
type Priority = 'low' | 'normal' | 'high' | 'urgent';

const TICKETS_PER_MONTH: Readonly<Record<Segment, number>> = {
  smb: 0.15,
  mid_market: 0.4,
  enterprise: 0.9,
};
const EVERYDAY_KINDS: readonly (readonly [TicketKind, number])[] = [
  ['question', 50],
  ['bug', 30],
  ['complaint', 10],
  ['objection', 5],
  ['claim', 5],
];
const UNHAPPY_KINDS: readonly (readonly [TicketKind, number])[] = [
  ['complaint', 50],
  ['claim', 30],
  ['objection', 20],
];
/** Median hours to close by priority. */
const MEDIAN_RESOLUTION_H: Readonly<Record<Priority, number>> = {
  urgent: 4,
  high: 12,
  normal: 30,
  low: 60,
};

export function emitTickets(
  random: Random,
  emitter: DemoEmitter,
  profile: CustomerProfile,
  life: CustomerLife,
  plan: DemoPlan,
): void {
  const baseRate = TICKETS_PER_MONTH[profile.segment] * Math.exp(0.35 * profile.risk);
  for (const span of findInForceSpans(life)) {
    const fromMs = Math.max(span.startMs, plan.windowStartMs);
    const untilMs = Math.min(span.endMs, plan.asOfMs);
    for (let monthMs = fromMs; monthMs < untilMs; monthMs += MONTH_MS) {
      const share = Math.min(1, (untilMs - monthMs) / MONTH_MS);
      const proximity = computeLeavingProximity(
        life,
        monthMs + (share * MONTH_MS) / 2,
        100 * DAY_MS,
      );
      const everyday = random.poisson(baseRate * share);
      const unhappy = random.poisson(1.1 * proximity * share);
      for (let i = 0; i < everyday + unhappy; i++) {
        const kind = random.weighted(i < everyday ? EVERYDAY_KINDS : UNHAPPY_KINDS);
        emitTicket(
          random,
          emitter,
          profile,
          plan,
          kind,
          Math.floor(monthMs + random.uniform(0, share) * MONTH_MS),
        );
      }
    }
  }
}

function emitTicket(
  random: Random,
  emitter: DemoEmitter,
  profile: CustomerProfile,
  plan: DemoPlan,
  kind: TicketKind,
  openedMs: number,
): void {
  const isSerious = kind === 'complaint' || kind === 'claim';
  const priority = random.weighted<Priority>([
    ['low', isSerious ? 10 : 30],
    ['normal', 45],
    ['high', isSerious ? 32 : 20],
    ['urgent', isSerious ? 13 : 5],
  ]);
  const closedMs = Math.floor(
    openedMs + MEDIAN_RESOLUTION_H[priority] * HOUR_MS * Math.exp(random.normal(0, 0.8)),
  );
  emitter.add('tickets', {
    id: emitter.nextId('tkt'),
    customer_id: profile.id,
    opened_at: formatTimestamp(openedMs),
    closed_at: closedMs < plan.asOfMs ? formatTimestamp(closedMs) : null,
    priority,
    kind,
  });
}

/** Share of surveyed paying customers who answer. */
const RESPONSE_RATE = 0.4;

export function emitNpsResponses(
  random: Random,
  emitter: DemoEmitter,
  profile: CustomerProfile,
  life: CustomerLife,
  plan: DemoPlan,
): void {
  const paying = findPayingSpans(life);
  // The customer's place in the rolling survey: days into each quarter it is asked.
  const surveyDay = random.uniform(0, 88);
  for (
    let quarter = startOfQuarter(plan.windowStartMs);
    quarter < plan.asOfMs;
    quarter = addMonths(quarter, 3)
  ) {
    const respondedMs = Math.floor(
      addDays(quarter, surveyDay + random.exponential(1.5)) + random.uniform(0, DAY_MS),
    );
    const isAnswered = random.bernoulli(RESPONSE_RATE);
    if (!isAnswered || respondedMs < plan.windowStartMs || respondedMs >= plan.asOfMs) continue;
    if (!isWithinSpans(paying, respondedMs)) continue;
    const proximity = computeLeavingProximity(life, respondedMs, 180 * DAY_MS);
    const raw = 8.3 - 0.9 * profile.risk - 3 * proximity + random.normal(0, 1.6);
    const score = Math.max(0, Math.min(10, Math.round(raw)));
    const tone = score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter';
    emitter.add('nps_responses', {
      id: emitter.nextId('nps'),
      customer_id: profile.id,
      responded_at: formatTimestamp(respondedMs),
      score: String(score),
      comment: random.bernoulli(0.4) ? random.pick(NPS_COMMENTS[tone]) : null,
    });
  }
}
