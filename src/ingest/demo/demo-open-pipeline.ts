/**
 * The winnable part of the open pipeline. Every customer of the demo is
 * acquired by asOf, so without this the deals still open at asOf would be
 * only the ones that are going to be lost (and renewals): the pipeline of the
 * customers the company will sign in the next weeks would be missing. These
 * are those deals: new business expected to close over the next two or three
 * months, at the pace the plan expects new customers then, opened a sales
 * cycle before, with their stage set by how far along the cycle they are.
 */
import type { Random } from '../../domain/random.js';
import { DAY_MS, formatTimestamp, HOUR_MS, pickBusinessTime } from './demo-calendar.js';
import type { DemoContext } from './demo-context.js';
import { emitActivity } from './demo-activity-writer.js';
import { CHANNEL_WEIGHTS, REGION_WEIGHTS } from './demo-customer-profile.js';
import {
  computeOpenStage,
  drawCycleDays,
  drawProspectAcvCents,
  emitDeal,
  emitDealActivities,
  type DealPlan,
} from './demo-deals.js';
import { computeNewCustomersPerMonth, SEGMENT_WEIGHTS } from './demo-plan.js';
import { pickAccountExecutive, pickSdrAt } from './demo-reps.js';
import { COMPETITORS, pickCompanyName, pickPersonName } from './demo-words.js';

/** How far past asOf the sales team already has the deals it will win. */
const HORIZON_DAYS = 75;

export function emitOpenPipeline(random: Random, ctx: DemoContext): void {
  const { plan, emitter, roster } = ctx;
  const perMonth = computeNewCustomersPerMonth(plan, plan.asOfMs);
  const count = random.poisson((perMonth * HORIZON_DAYS) / 30.436875);
  for (let i = 0; i < count; i++) {
    const segment = random.weighted(SEGMENT_WEIGHTS);
    const closeMs = Math.floor(plan.asOfMs + random.uniform(0.5, HORIZON_DAYS) * DAY_MS);
    const createdMs = Math.floor(closeMs - drawCycleDays(random, segment) * DAY_MS);
    // Not opened yet (a short cycle still ahead), or older than the history.
    if (createdMs >= plan.asOfMs - HOUR_MS || createdMs < plan.windowStartMs) continue;
    const leadCreatedMs = Math.max(
      plan.windowStartMs,
      Math.floor(createdMs - random.uniform(3, 30) * DAY_MS),
    );
    const sdr = pickSdrAt(random, roster, leadCreatedMs);
    const source = random.weighted(CHANNEL_WEIGHTS[segment]);
    const company = pickCompanyName(random);
    const contactName = pickPersonName(random).full;
    const leadId = emitter.nextId('lead');
    emitter.add('leads', {
      id: leadId,
      name: contactName,
      company,
      source,
      created_at: formatTimestamp(leadCreatedMs),
      owner_rep_id: sdr.id,
      status: 'qualified',
    });
    emitActivity(ctx, {
      rep: sdr,
      kind: 'email',
      atMs: pickBusinessTime(
        random,
        leadCreatedMs + random.uniform(1, 24) * HOUR_MS,
        sdr.utcOffsetH,
      ),
      direction: 'outbound',
      outcome: 'sent',
      leadId,
    });
    const deal: DealPlan = {
      id: emitter.nextId('deal'),
      name: `${company} - New business`,
      owner: pickAccountExecutive(random, roster, random.weighted(REGION_WEIGHTS)),
      amountCents: drawProspectAcvCents(random, segment),
      currency: 'USD',
      createdMs,
      closeMs,
      status: 'open',
      stageReached: computeOpenStage(createdMs, closeMs, plan.asOfMs),
      lostReason: null,
      competitor: random.bernoulli(0.2) ? random.pick(COMPETITORS) : null,
      source,
      kind: 'new_business',
      customerId: null,
      leadId,
      contactName,
    };
    emitDeal(ctx, deal);
    emitDealActivities(random, ctx, deal, 0.3);
  }
}
