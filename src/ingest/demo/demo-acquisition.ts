/**
 * How a customer acquired inside the window got there: the lead it converted
 * from, the SDR's dials that booked the first meeting (for some), and the won
 * new-business deal that closes just before the subscription starts (or at
 * trial end for a trial). Alongside each win it adds the prospects of the
 * same season that were lost, so the new-business win rate lands near one in five.
 */
import type { Random } from '../../domain/random.js';
import {
  DAY_MS,
  formatTimestamp,
  HOUR_MS,
  MINUTE_MS,
  pickBusinessTime,
  startOfMonth,
} from './demo-calendar.js';
import type { DemoContext, DialTally } from './demo-context.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import { drawDialDurationS, emitActivity, type DialOutcome } from './demo-activity-writer.js';
import { drawCycleDays, emitDeal, emitDealActivities, emitProspectDeal } from './demo-deals.js';
import { pickAccountExecutive, pickSdrAt, type DemoRep } from './demo-reps.js';
import type { CustomerLife } from './demo-subscription-life.js';
import { CHANNELS } from './demo-vocabulary.js';
import { COMPETITORS, pickCompanyName, pickPersonName } from './demo-words.js';

type Funnel = { leadCreatedMs: number; dealCreatedMs: number; closeMs: number };

/** Emits the acquisition rows and returns the customer record's `created_at`. */
export function emitAcquisition(
  random: Random,
  ctx: DemoContext,
  profile: CustomerProfile,
  life: CustomerLife,
): number {
  if (profile.isOpening) return Math.floor(profile.startMs - random.uniform(0, 5) * DAY_MS);
  const { emitter } = ctx;
  const isTrial = profile.trialEndMs !== null;
  const funnel = isTrial ? drawTrialFunnel(random, profile) : drawSalesFunnel(random, ctx, profile);
  const sdr = pickSdrAt(random, ctx.roster, funnel.leadCreatedMs);
  const leadId = emitter.nextId('lead');
  emitter.add('leads', {
    id: leadId,
    name: profile.contactName,
    company: profile.name,
    source: profile.channel,
    created_at: formatTimestamp(funnel.leadCreatedMs),
    owner_rep_id: sdr.id,
    status: 'converted',
    converted_customer_id: profile.id,
  });
  const share = ctx.funnel.sdrSourcedShare;
  const isSdrSourced =
    !isTrial &&
    random.bernoulli(profile.channel === 'outbound' ? Math.min(1, 2.5 * share) : 0.6 * share);
  if (isSdrSourced) {
    funnel.dealCreatedMs = emitSourcingDials(random, ctx, sdr, leadId, funnel);
  } else {
    const emailMs = pickBusinessTime(
      random,
      funnel.leadCreatedMs + random.uniform(1, 24) * HOUR_MS,
      sdr.utcOffsetH,
    );
    emitActivity(ctx, {
      rep: sdr,
      kind: 'email',
      atMs: emailMs,
      direction: 'outbound',
      outcome: 'sent',
      leadId,
    });
  }
  const isWon = !profile.isTrialOnly;
  const firstMain = life.stretches[0]?.main;
  const deal = {
    id: emitter.nextId('deal'),
    name: `${profile.name} - New business`,
    owner: profile.accountExecutive,
    amountCents: (firstMain?.mrrCents ?? 0) * 12,
    currency: profile.currency,
    createdMs: funnel.dealCreatedMs,
    closeMs: funnel.closeMs,
    status: isWon ? ('won' as const) : ('lost' as const),
    stageReached: isWon ? 3 : random.int(0, 1),
    lostReason: isWon ? null : 'no_decision',
    competitor: random.bernoulli(0.2) ? random.pick(COMPETITORS) : null,
    source: profile.channel,
    kind: 'new_business' as const,
    customerId: isWon ? profile.id : null,
    leadId,
    contactName: profile.contactName,
  };
  emitDeal(ctx, deal);
  emitDealActivities(random, ctx, deal, 0.35);
  if (isWon) {
    emitLostProspects(random, ctx, profile, deal.amountCents, funnel.leadCreatedMs);
    emitUnqualifiedLeads(random, ctx, profile, funnel.leadCreatedMs);
  }
  return isTrial
    ? profile.startMs
    : Math.max(funnel.leadCreatedMs, Math.floor(funnel.closeMs - random.uniform(0, 1) * DAY_MS));
}

// A self-serve trial: the sign-up is the lead, an AE picks it up, and it closes at trial end.
function drawTrialFunnel(random: Random, profile: CustomerProfile): Funnel {
  const closeMs = profile.trialEndMs ?? profile.startMs;
  return {
    leadCreatedMs: Math.floor(profile.startMs - random.uniform(0, 1) * DAY_MS),
    dealCreatedMs: Math.floor(profile.startMs + random.uniform(0, 2) * DAY_MS),
    closeMs,
  };
}

// Sales-led: nurture, then a sales cycle, then signature a day or two before the start,
// squeezed proportionally when the customer starts too early in the window to fit it.
function drawSalesFunnel(random: Random, ctx: DemoContext, profile: CustomerProfile): Funnel {
  const { windowStartMs } = ctx.plan;
  const closeMs =
    profile.startMs -
    Math.min(random.uniform(0.1, 2) * DAY_MS, (profile.startMs - windowStartMs) / 2);
  let cycleMs = drawCycleDays(random, profile.segment) * DAY_MS;
  let nurtureMs = random.uniform(3, 30) * DAY_MS;
  const roomMs = closeMs - windowStartMs;
  if (cycleMs + nurtureMs > roomMs) {
    const squeeze = roomMs / (cycleMs + nurtureMs);
    cycleMs *= squeeze;
    nurtureMs *= squeeze;
  }
  const dealCreatedMs = closeMs - cycleMs;
  return {
    leadCreatedMs: Math.max(windowStartMs, Math.floor(dealCreatedMs - nurtureMs)),
    dealCreatedMs: Math.floor(dealCreatedMs),
    closeMs: Math.floor(closeMs),
  };
}

/** Dials spread from lead creation to the booking call; returns when the deal was opened. */
function emitSourcingDials(
  random: Random,
  ctx: DemoContext,
  sdr: DemoRep,
  leadId: string,
  funnel: Funnel,
): number {
  const tally = ctx.sdrTally.get(sdr.id) ?? {
    dials: 0,
    meetings: 0,
    byMonth: new Map<number, DialTally>(),
  };
  ctx.sdrTally.set(sdr.id, tally);
  const dials = random.int(3, 10);
  const spanMs = Math.max(0, funnel.dealCreatedMs - funnel.leadCreatedMs);
  let bookingMs = pickBusinessTime(random, funnel.dealCreatedMs, sdr.utcOffsetH);
  if (bookingMs < funnel.leadCreatedMs || bookingMs >= funnel.closeMs)
    bookingMs = funnel.dealCreatedMs;
  for (let i = 0; i < dials; i++) {
    const isBooking = i === dials - 1;
    const outcome: DialOutcome = isBooking
      ? 'meeting_booked'
      : random.weighted(EARLY_DIAL_OUTCOMES);
    const atMs = isBooking
      ? bookingMs
      : pickBusinessTime(
          random,
          funnel.leadCreatedMs + ((i + 0.5) / dials) * spanMs,
          sdr.utcOffsetH,
        );
    const written = emitActivity(ctx, {
      rep: sdr,
      kind: 'call',
      atMs,
      direction: 'outbound',
      outcome,
      leadId,
      durationS: drawDialDurationS(random, outcome),
    });
    if (!written) continue;
    const month = startOfMonth(atMs);
    const monthTally = tally.byMonth.get(month) ?? { dials: 0, meetings: 0 };
    tally.byMonth.set(month, monthTally);
    tally.dials++;
    monthTally.dials++;
    if (isBooking) {
      tally.meetings++;
      monthTally.meetings++;
    }
  }
  return Math.min(
    funnel.closeMs,
    Math.max(funnel.dealCreatedMs, bookingMs + random.uniform(5, 60) * MINUTE_MS),
  );
}

const EARLY_DIAL_OUTCOMES: readonly (readonly [DialOutcome, number])[] = [
  ['no_answer', 55],
  ['voicemail', 30],
  ['connected', 15],
];

/** A time within six weeks of `nearMs`, inside the window and before asOf. */
function drawNearbyMs(random: Random, ctx: DemoContext, nearMs: number): number {
  const { plan } = ctx;
  const ms = nearMs + random.uniform(-45, 45) * DAY_MS;
  return Math.floor(Math.min(plan.asOfMs - DAY_MS, Math.max(plan.windowStartMs, ms)));
}

/** Hand-raisers of the same season who never qualified: a form fill, an e-mail, nothing more. */
function emitUnqualifiedLeads(
  random: Random,
  ctx: DemoContext,
  profile: CustomerProfile,
  nearMs: number,
): void {
  const count = random.poisson(ctx.funnel.unqualifiedLeadsPerNewCustomer);
  for (let i = 0; i < count; i++) {
    const createdMs = drawNearbyMs(random, ctx, nearMs);
    const sdr = pickSdrAt(random, ctx.roster, createdMs);
    const leadId = ctx.emitter.nextId('lead');
    const wasEmailed = random.bernoulli(0.7);
    ctx.emitter.add('leads', {
      id: leadId,
      name: pickPersonName(random).full,
      company: pickCompanyName(random),
      source: random.bernoulli(0.5) ? profile.channel : random.pick(CHANNELS),
      created_at: formatTimestamp(createdMs),
      owner_rep_id: sdr.id,
      status: wasEmailed ? random.pick(['contacted', 'disqualified']) : 'new',
    });
    if (!wasEmailed) continue;
    emitActivity(ctx, {
      rep: sdr,
      kind: 'email',
      atMs: pickBusinessTime(random, createdMs + random.uniform(1, 48) * HOUR_MS, sdr.utcOffsetH),
      direction: 'outbound',
      outcome: 'sent',
      leadId,
    });
  }
}

/** Prospects who looked at the same time as this customer and did not buy (or have not yet). */
function emitLostProspects(
  random: Random,
  ctx: DemoContext,
  profile: CustomerProfile,
  amountCents: number,
  nearMs: number,
): void {
  const { plan, emitter, roster } = ctx;
  const count = random.poisson(ctx.funnel.lostProspectsPerNewCustomer);
  for (let i = 0; i < count; i++) {
    const createdMs = drawNearbyMs(random, ctx, nearMs);
    const sdr = pickSdrAt(random, roster, createdMs);
    const leadId = emitter.nextId('lead');
    const dealCreatedMs = Math.floor(createdMs + random.uniform(1, 10) * DAY_MS);
    const hasDeal = dealCreatedMs < plan.asOfMs;
    const company = pickCompanyName(random);
    const contactName = pickPersonName(random).full;
    const source = random.bernoulli(0.5) ? profile.channel : random.pick(CHANNELS);
    emitter.add('leads', {
      id: leadId,
      name: contactName,
      company,
      source,
      created_at: formatTimestamp(createdMs),
      owner_rep_id: sdr.id,
      status: hasDeal ? 'qualified' : 'contacted',
    });
    const emailMs = pickBusinessTime(
      random,
      createdMs + random.uniform(1, 24) * HOUR_MS,
      sdr.utcOffsetH,
    );
    emitActivity(ctx, {
      rep: sdr,
      kind: 'email',
      atMs: emailMs,
      direction: 'outbound',
      outcome: 'sent',
      leadId,
    });
    if (!hasDeal) continue;
    emitProspectDeal(random, ctx, {
      leadId,
      company,
      contactName,
      source,
      owner: pickAccountExecutive(random, roster, profile.region),
      segment: profile.segment,
      currency: profile.currency,
      amountCents: Math.round((amountCents * random.uniform(0.5, 1.6)) / 100) * 100,
      createdMs: dealCreatedMs,
    });
  }
}
