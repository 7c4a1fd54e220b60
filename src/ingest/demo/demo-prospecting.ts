/**
 * The SDRs' cold-calling, day by day: each working day a rep makes 40–60
 * dials through a queue of leads, each lead tried on a cadence until it books
 * a meeting, says no, or runs out of attempts. A rep's chance of booking per
 * dial is set month by month so that, with the dials the customer loop already
 * logged for them, the rep ends up near their own dials-per-meeting ratio
 * (70–140) in every month.
 * Memory is the queue (about a hundred leads), whatever the company size.
 */
import { createRandom, deriveSeed, type Random } from '../../domain/random.js';
import {
  DAY_MS,
  formatTimestamp,
  HOUR_MS,
  isWorkingDay,
  MINUTE_MS,
  startOfDay,
  startOfMonth,
} from './demo-calendar.js';
import { addTo, type DemoContext } from './demo-context.js';
import { drawDialDurationS, emitActivity, type DialOutcome } from './demo-activity-writer.js';
import { drawProspectAcvCents, emitProspectDeal } from './demo-deals.js';
import { pickAccountExecutive, type DemoRep } from './demo-reps.js';
import type { Channel, Region, Segment } from './demo-vocabulary.js';
import { pickCompanyName, pickPersonName } from './demo-words.js';

type QueuedLead = {
  id: string;
  name: string;
  company: string;
  source: Channel;
  createdMs: number;
  attemptsLeft: number;
  nextDay: number;
  hasConnected: boolean;
};

const CONNECT_RATE = 0.14;
const VOICEMAIL_RATE = 0.3;
/** Booked meetings that turn into a deal; the rest no-show or are disqualified on the call. */
const MEETING_TO_DEAL = 0.8;
const OUT_OF_OFFICE = 0.04;
const LEAD_SOURCES: readonly (readonly [Channel, number])[] = [
  ['outbound', 70],
  ['events', 10],
  ['paid_search', 7],
  ['organic', 6],
  ['partner', 4],
  ['referral', 3],
];
const PROSPECT_SEGMENTS: readonly (readonly [Segment, number])[] = [
  ['smb', 60],
  ['mid_market', 32],
  ['enterprise', 8],
];
const PROSPECT_REGIONS: readonly (readonly [Region, number])[] = [
  ['north_america', 50],
  ['emea', 30],
  ['apac', 12],
  ['latam', 8],
];

export async function emitProspecting(ctx: DemoContext): Promise<void> {
  for (const [index, sdr] of ctx.roster.sdrs.entries()) {
    await prospectAsSdr(createRandom(deriveSeed(ctx.plan.seed, 'sdr', index)), ctx, sdr);
    await ctx.emitter.flush();
  }
}

async function prospectAsSdr(random: Random, ctx: DemoContext, sdr: DemoRep): Promise<void> {
  const { plan, emitter } = ctx;
  const firstDay = startOfDay(Math.max(sdr.startMs, plan.windowStartMs)) + DAY_MS;
  const days: number[] = [];
  for (let day = firstDay; day < startOfDay(plan.asOfMs); day += DAY_MS)
    if (isWorkingDay(day)) days.push(day);
  const bookingChances = computeBookingChances(ctx, sdr, days);
  let queue: QueuedLead[] = [];
  for (const [dayIndex, day] of days.entries()) {
    if (random.bernoulli(OUT_OF_OFFICE)) continue;
    const bookGivenConnect = bookingChances.get(startOfMonth(day)) ?? 0;
    const dials = Math.max(10, Math.round(random.normal(sdr.dialsPerDay, 5)));
    const stepMs = (9 * HOUR_MS) / dials;
    const dayStartMs = day + (8.5 - sdr.utcOffsetH) * HOUR_MS;
    const due = queue.filter((lead) => lead.nextDay <= dayIndex).slice(0, dials);
    while (due.length < dials) {
      const lead = createLead(random, ctx, dayIndex, dayStartMs);
      queue.push(lead);
      due.push(lead);
    }
    due.forEach((lead, i) => {
      const atMs = Math.floor(dayStartMs + i * stepMs + random.uniform(0, stepMs));
      dialLead(random, ctx, sdr, lead, atMs, dayIndex, bookGivenConnect);
    });
    queue = queue.filter((lead) => lead.attemptsLeft > 0);
    await emitter.flushEvery(20_000);
  }
  for (const lead of queue) emitLead(ctx, sdr, lead, 'contacted');
  // A few fresh leads nobody has called yet.
  for (let i = random.int(3, 12); i > 0; i--) {
    const createdMs = Math.floor(plan.asOfMs - random.uniform(0.1, 3) * DAY_MS);
    emitLead(ctx, sdr, createLead(random, ctx, days.length, createdMs), 'new');
  }
}

/**
 * The chance that a connected dial books a meeting, month by month, so that the
 * rep's own dials plus the customer loop's land near the rep's dials-per-meeting
 * ratio in every month, not only overall: the loop's bookings thin out in the
 * last months (the customers they would have led to are not acquired yet), and
 * the cold calls make up for it. A shortfall or surplus carries to the next month.
 */
function computeBookingChances(
  ctx: DemoContext,
  sdr: DemoRep,
  days: readonly number[],
): Map<number, number> {
  const daysByMonth = new Map<number, number>();
  for (const day of days) addTo(daysByMonth, startOfMonth(day), 1);
  const tally = ctx.sdrTally.get(sdr.id);
  const chances = new Map<number, number>();
  let carried = 0;
  for (const [month, dayCount] of daysByMonth) {
    const expectedDials = dayCount * sdr.dialsPerDay * (1 - OUT_OF_OFFICE);
    const already = tally?.byMonth.get(month) ?? { dials: 0, meetings: 0 };
    const target = (expectedDials + already.dials) / sdr.dialsPerMeeting;
    const own = Math.max(target + carried - already.meetings, 0.15 * target);
    carried = target + carried - already.meetings - own;
    chances.set(month, Math.min(0.9, own / Math.max(1, expectedDials) / CONNECT_RATE));
  }
  return chances;
}

function createLead(
  random: Random,
  ctx: DemoContext,
  dayIndex: number,
  dayStartMs: number,
): QueuedLead {
  const source = random.weighted(LEAD_SOURCES);
  const createdMs = Math.max(
    ctx.plan.windowStartMs,
    Math.floor(dayStartMs - random.uniform(0.2, 3) * DAY_MS),
  );
  return {
    id: ctx.emitter.nextId('lead'),
    name: pickPersonName(random).full,
    company: pickCompanyName(random),
    source,
    createdMs: Math.min(createdMs, dayStartMs - MINUTE_MS),
    // Cold lists get a long cadence; inbound hand-raisers a short one.
    attemptsLeft: source === 'outbound' ? random.int(12, 26) : random.int(3, 8),
    nextDay: dayIndex,
    hasConnected: false,
  };
}

function dialLead(
  random: Random,
  ctx: DemoContext,
  sdr: DemoRep,
  lead: QueuedLead,
  atMs: number,
  dayIndex: number,
  bookGivenConnect: number,
): void {
  const draw = random.nextFloat();
  let outcome: DialOutcome =
    draw < CONNECT_RATE
      ? 'connected'
      : draw < CONNECT_RATE + VOICEMAIL_RATE
        ? 'voicemail'
        : 'no_answer';
  if (outcome === 'connected' && random.bernoulli(bookGivenConnect)) outcome = 'meeting_booked';
  emitActivity(ctx, {
    rep: sdr,
    kind: 'call',
    atMs,
    direction: 'outbound',
    outcome,
    leadId: lead.id,
    durationS: drawDialDurationS(random, outcome),
  });
  lead.attemptsLeft--;
  lead.nextDay = dayIndex + random.int(1, 4);
  if (outcome === 'meeting_booked') {
    lead.attemptsLeft = 0;
    const hasDeal = random.bernoulli(MEETING_TO_DEAL);
    emitLead(ctx, sdr, lead, hasDeal ? 'qualified' : 'disqualified');
    if (hasDeal) openDeal(random, ctx, lead, atMs);
    return;
  }
  if (outcome === 'connected') {
    lead.hasConnected = true;
    // "Not interested": most conversations that do not book end the cadence.
    if (random.bernoulli(0.25)) lead.attemptsLeft = 0;
  }
  if (lead.attemptsLeft === 0) {
    emitLead(
      ctx,
      sdr,
      lead,
      lead.hasConnected || random.bernoulli(0.6) ? 'contacted' : 'disqualified',
    );
  }
}

function openDeal(random: Random, ctx: DemoContext, lead: QueuedLead, bookedMs: number): void {
  const segment = random.weighted(PROSPECT_SEGMENTS);
  const region = random.weighted(PROSPECT_REGIONS);
  const createdMs = Math.floor(bookedMs + random.uniform(5, 120) * MINUTE_MS);
  if (createdMs >= ctx.plan.asOfMs) return;
  emitProspectDeal(random, ctx, {
    leadId: lead.id,
    company: lead.company,
    contactName: lead.name,
    source: lead.source,
    owner: pickAccountExecutive(random, ctx.roster, region),
    segment,
    currency: 'USD',
    amountCents: drawProspectAcvCents(random, segment),
    createdMs,
  });
}

function emitLead(ctx: DemoContext, sdr: DemoRep, lead: QueuedLead, status: string): void {
  ctx.emitter.add('leads', {
    id: lead.id,
    name: lead.name,
    company: lead.company,
    source: lead.source,
    created_at: formatTimestamp(lead.createdMs),
    owner_rep_id: sdr.id,
    status,
  });
}
