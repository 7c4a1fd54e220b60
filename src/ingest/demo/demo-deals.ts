/**
 * Deals and the account executive's work on them: the deal row, the
 * discovery meeting, demo, e-mails, proposal and closing note, and sometimes
 * a recorded discovery call. Every won new-business deal belongs to a
 * customer; the pipeline that never closes (lost and open deals) is built
 * here from prospects.
 */
import type { Random } from '../../domain/random.js';
import {
  DAY_MS,
  formatCents,
  formatTimestamp,
  pickBusinessTime,
  startOfMonth,
} from './demo-calendar.js';
import { addTo, type DemoContext } from './demo-context.js';
import { APPROXIMATE_USD_RATE } from './demo-fx-rates.js';
import { emitActivity } from './demo-activity-writer.js';
import type { DemoRep } from './demo-reps.js';
import { buildProspectTranscript } from './demo-transcripts.js';
import type { Segment } from './demo-vocabulary.js';
import { COMPETITORS } from './demo-words.js';

export const OPEN_STAGES = ['discovery', 'demo', 'proposal', 'negotiation'] as const;

export type DealKind = 'new_business' | 'renewal' | 'expansion';

export type DealPlan = {
  readonly id: string;
  readonly name: string;
  readonly owner: DemoRep;
  readonly amountCents: number;
  readonly currency: string;
  readonly createdMs: number;
  /** When it closed, or for an open deal when it is expected to. */
  readonly closeMs: number;
  readonly status: 'open' | 'won' | 'lost';
  /** Index into OPEN_STAGES of the furthest stage reached. */
  readonly stageReached: number;
  readonly lostReason: string | null;
  readonly competitor: string | null;
  readonly source: string;
  readonly kind: DealKind;
  readonly customerId: string | null;
  readonly leadId: string | null;
  readonly contactName: string;
};

const LOST_REASONS: readonly (readonly [string, number])[] = [
  ['price', 30],
  ['timing', 20],
  ['no_decision', 25],
  ['competitor', 15],
  ['missing_feature', 10],
];
const MEDIAN_CYCLE_DAYS: Readonly<Record<Segment, number>> = {
  smb: 21,
  mid_market: 45,
  enterprise: 90,
};
const ACV_RANGE_CENTS: Readonly<Record<Segment, readonly [number, number]>> = {
  smb: [1_000_00, 5_000_00],
  mid_market: [6_000_00, 24_000_00],
  enterprise: [30_000_00, 120_000_00],
};

export function emitDeal(ctx: DemoContext, deal: DealPlan): void {
  const isClosed = deal.status !== 'open';
  tallyOutcome(ctx, deal);
  ctx.emitter.add('deals', {
    id: deal.id,
    name: deal.name,
    owner_rep_id: deal.owner.id,
    amount: formatCents(deal.amountCents),
    currency: deal.currency,
    stage:
      deal.status === 'won'
        ? 'closed_won'
        : deal.status === 'lost'
          ? 'closed_lost'
          : (OPEN_STAGES[deal.stageReached] ?? 'discovery'),
    status: deal.status,
    created_at: formatTimestamp(deal.createdMs),
    closed_at: isClosed ? formatTimestamp(deal.closeMs) : null,
    expected_close_at: isClosed ? null : formatTimestamp(deal.closeMs),
    lost_reason: deal.lostReason,
    competitor: deal.competitor,
    source: deal.source,
    kind: deal.kind,
    customer_id: deal.customerId,
    lead_id: deal.leadId,
  });
}

/** What the goals are set from: won new business and expansion, and the renewal book. */
function tallyOutcome(ctx: DemoContext, deal: DealPlan): void {
  const { outcomes } = ctx;
  const usdCents = deal.amountCents * (APPROXIMATE_USD_RATE[deal.currency] ?? 1);
  const month = startOfMonth(deal.closeMs);
  if (deal.kind === 'renewal') {
    addTo(outcomes.renewalBookCentsByMonth, month, usdCents);
    if (deal.status === 'open') return;
    outcomes.renewalsClosed.bookCents += usdCents;
    if (deal.status === 'won') outcomes.renewalsClosed.wonCents += usdCents;
  } else if (deal.status === 'won') {
    addTo(outcomes.wonCentsByMonth, month, usdCents);
  }
}

/** The AE's activities on a deal, spread over its life; a recorded discovery call with `transcriptChance`. */
export function emitDealActivities(
  random: Random,
  ctx: DemoContext,
  deal: DealPlan,
  transcriptChance: number,
): void {
  const rep = deal.owner;
  const endMs = deal.status === 'open' ? ctx.plan.asOfMs : deal.closeMs;
  const spanMs = Math.max(0, endMs - deal.createdMs);
  const at = (fraction: number): number =>
    pickBusinessTime(random, deal.createdMs + fraction * spanMs, rep.utcOffsetH);
  const ids = {
    leadId: deal.leadId,
    dealId: deal.id,
    customerId: deal.kind === 'new_business' ? null : deal.customerId,
  };
  const discoveryMs = pickBusinessTime(
    random,
    deal.createdMs + Math.min(spanMs / 3, random.uniform(1, 6) * DAY_MS),
    rep.utcOffsetH,
  );
  const held = emitActivity(ctx, {
    rep,
    kind: 'meeting',
    atMs: discoveryMs,
    direction: 'outbound',
    outcome: 'completed',
    durationS: random.int(1800, 3600),
    ...ids,
  });
  if (held && random.bernoulli(transcriptChance)) {
    ctx.emitter.add('conversations', {
      id: ctx.emitter.nextId('cnv'),
      occurred_at: formatTimestamp(discoveryMs),
      channel: 'meeting',
      rep_id: rep.id,
      customer_id: ids.customerId,
      deal_id: deal.id,
      lead_id: deal.leadId,
      transcript: buildProspectTranscript(random, {
        repName: rep.name,
        contactName: deal.contactName,
        isLikelyLost: deal.status === 'lost',
      }),
    });
  }
  if (deal.stageReached >= 1) {
    emitActivity(ctx, {
      rep,
      kind: 'demo',
      atMs: at(random.uniform(0.2, 0.45)),
      direction: 'outbound',
      outcome: 'completed',
      durationS: random.int(1800, 4200),
      ...ids,
    });
  }
  for (let i = random.int(1, 3); i > 0; i--) {
    emitActivity(ctx, {
      rep,
      kind: 'email',
      atMs: at(random.nextFloat()),
      direction: 'outbound',
      outcome: 'sent',
      ...ids,
    });
  }
  if (deal.stageReached >= 2) {
    emitActivity(ctx, {
      rep,
      kind: 'email',
      atMs: at(random.uniform(0.5, 0.75)),
      direction: 'outbound',
      outcome: 'proposal_sent',
      ...ids,
    });
  }
  if (deal.stageReached >= 3) {
    emitActivity(ctx, {
      rep,
      kind: 'call',
      atMs: at(random.uniform(0.8, 0.95)),
      direction: 'outbound',
      outcome: 'connected',
      durationS: random.int(600, 2400),
      ...ids,
    });
  }
  if (deal.status !== 'open') {
    emitActivity(ctx, {
      rep,
      kind: 'note',
      atMs: deal.closeMs,
      outcome: deal.status === 'won' ? 'closed_won' : 'closed_lost',
      ...ids,
    });
  }
}

/** Why a deal was lost and, for some, the competitor that was in the running. */
export function drawLostReason(random: Random): { lostReason: string; competitor: string | null } {
  const lostReason = random.weighted(LOST_REASONS);
  const competitor =
    lostReason === 'competitor' || random.bernoulli(0.25) ? random.pick(COMPETITORS) : null;
  return { lostReason, competitor };
}

/** Furthest stage a lost deal reached: most die early. */
export function drawStageReachedWhenLost(random: Random): number {
  return random.weighted([
    [0, 35],
    [1, 30],
    [2, 20],
    [3, 15],
  ]);
}

/** Stage of an open deal, by how much of its expected cycle has passed. */
export function computeOpenStage(
  createdMs: number,
  expectedCloseMs: number,
  asOfMs: number,
): number {
  const elapsed = (asOfMs - createdMs) / Math.max(1, expectedCloseMs - createdMs);
  return Math.max(0, Math.min(OPEN_STAGES.length - 1, Math.floor(elapsed * OPEN_STAGES.length)));
}

/** Days from deal creation to close, log-normal around the segment's median. */
export function drawCycleDays(random: Random, segment: Segment): number {
  return Math.min(365, Math.max(3, MEDIAN_CYCLE_DAYS[segment] * Math.exp(random.normal(0, 0.5))));
}

/** Annual contract value of a prospect's deal, rounded to whole hundreds. */
export function drawProspectAcvCents(random: Random, segment: Segment): number {
  const [low, high] = ACV_RANGE_CENTS[segment];
  return Math.round(Math.exp(random.uniform(Math.log(low), Math.log(high))) / 10_000) * 10_000;
}

export type ProspectInput = {
  readonly leadId: string;
  readonly company: string;
  readonly contactName: string;
  readonly source: string;
  readonly owner: DemoRep;
  readonly segment: Segment;
  readonly currency: string;
  readonly amountCents: number;
  readonly createdMs: number;
};

/**
 * A new-business deal that does not become a customer: lost if its cycle ends
 * before asOf, else still open and expected to close when the cycle ends.
 */
export function emitProspectDeal(random: Random, ctx: DemoContext, input: ProspectInput): void {
  const closeMs = Math.floor(input.createdMs + drawCycleDays(random, input.segment) * DAY_MS);
  const isLost = closeMs < ctx.plan.asOfMs;
  const lost = isLost ? drawLostReason(random) : null;
  const deal: DealPlan = {
    id: ctx.emitter.nextId('deal'),
    name: `${input.company} - New business`,
    owner: input.owner,
    amountCents: input.amountCents,
    currency: input.currency,
    createdMs: input.createdMs,
    closeMs,
    status: isLost ? 'lost' : 'open',
    stageReached: isLost
      ? drawStageReachedWhenLost(random)
      : computeOpenStage(input.createdMs, closeMs, ctx.plan.asOfMs),
    lostReason: lost?.lostReason ?? null,
    competitor: lost?.competitor ?? (random.bernoulli(0.2) ? random.pick(COMPETITORS) : null),
    source: input.source,
    kind: 'new_business',
    customerId: null,
    leadId: input.leadId,
    contactName: input.contactName,
  };
  emitDeal(ctx, deal);
  emitDealActivities(random, ctx, deal, 0.3);
}
