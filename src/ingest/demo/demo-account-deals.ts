/**
 * Deals with existing customers: a renewal deal before each end of a mid-market
 * or enterprise commitment (won when the customer stays, lost when it leaves
 * then, open when the renewal is still ahead), and an expansion deal behind
 * each sizeable upgrade.
 */
import type { Random } from '../../domain/random.js';
import { addMonths, DAY_MS } from './demo-calendar.js';
import type { DemoContext } from './demo-context.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import { emitDeal, emitDealActivities, type DealPlan } from './demo-deals.js';
import {
  computeMrrCentsAt,
  type CustomerLife,
  type SimSubscription,
} from './demo-subscription-life.js';
import type { CancelReason } from './demo-vocabulary.js';
import { COMPETITORS } from './demo-words.js';

const LOST_REASON_BY_CANCEL: Readonly<Record<CancelReason, string>> = {
  too_expensive: 'price',
  missing_features: 'missing_feature',
  switched_competitor: 'competitor',
  no_longer_needed: 'no_decision',
  budget_cut: 'timing',
  poor_support: 'no_decision',
};
/** Expansions worth a deal: at least this much more MRR, in cents. */
const MIN_EXPANSION_CENTS = 150_00;
/** How far ahead of asOf an upcoming renewal already has an open deal. */
const RENEWAL_LOOKAHEAD_DAYS = 90;

export function emitAccountDeals(
  random: Random,
  ctx: DemoContext,
  profile: CustomerProfile,
  life: CustomerLife,
): void {
  if (profile.segment === 'smb' || profile.isTrialOnly) return;
  const first = life.stretches[0]?.main;
  if (!first) return;
  if (profile.contractType !== 'monthly') emitRenewals(random, ctx, profile, first);
  for (const { main } of life.stretches) emitExpansions(random, ctx, profile, main);
}

function emitRenewals(
  random: Random,
  ctx: DemoContext,
  profile: CustomerProfile,
  main: SimSubscription,
): void {
  const { asOfMs, windowStartMs } = ctx.plan;
  const termMonths = profile.contractType === 'two_year' ? 24 : 12;
  const untilMs = Math.min(main.endMs ?? Infinity, asOfMs + RENEWAL_LOOKAHEAD_DAYS * DAY_MS);
  for (let term = 1; ; term++) {
    const renewalMs = addMonths(main.payStartMs, term * termMonths);
    if (renewalMs > untilMs) break;
    // Renewals early in the window were opened when the history starts, so none is missing.
    const createdMs = Math.max(
      windowStartMs,
      Math.floor(renewalMs - random.uniform(60, 90) * DAY_MS),
    );
    if (renewalMs < windowStartMs + 7 * DAY_MS || createdMs >= asOfMs) continue;
    const isOpen = renewalMs >= asOfMs;
    const isLost = !isOpen && main.endMs === renewalMs;
    const cancelReason = main.cancelReason;
    const deal: DealPlan = {
      id: ctx.emitter.nextId('deal'),
      name: `${profile.name} - Renewal ${new Date(renewalMs).getUTCFullYear()}`,
      owner: profile.accountExecutive,
      amountCents: computeMrrCentsAt(main, renewalMs) * 12,
      currency: profile.currency,
      createdMs,
      closeMs:
        isOpen || isLost
          ? renewalMs
          : Math.max(createdMs, Math.floor(renewalMs - random.uniform(0, 10) * DAY_MS)),
      status: isOpen ? 'open' : isLost ? 'lost' : 'won',
      stageReached: isOpen ? random.int(1, 3) : 2,
      lostReason: isLost && cancelReason ? LOST_REASON_BY_CANCEL[cancelReason] : null,
      competitor:
        isLost && cancelReason === 'switched_competitor' ? random.pick(COMPETITORS) : null,
      source: 'existing_customer',
      kind: 'renewal',
      customerId: profile.id,
      leadId: null,
      contactName: profile.contactName,
    };
    emitDeal(ctx, deal);
    emitDealActivities(random, ctx, deal, 0);
  }
}

function emitExpansions(
  random: Random,
  ctx: DemoContext,
  profile: CustomerProfile,
  main: SimSubscription,
): void {
  let previousCents = main.mrrCents;
  for (const change of main.changes) {
    const gainCents = change.mrrCents - previousCents;
    previousCents = change.mrrCents;
    if (gainCents < MIN_EXPANSION_CENTS) continue;
    if (change.atMs < ctx.plan.windowStartMs + 7 * DAY_MS) continue;
    const createdMs = Math.max(
      ctx.plan.windowStartMs,
      Math.floor(change.atMs - random.uniform(14, 45) * DAY_MS),
    );
    const deal: DealPlan = {
      id: ctx.emitter.nextId('deal'),
      name: `${profile.name} - Expansion`,
      owner: profile.accountExecutive,
      amountCents: gainCents * 12,
      currency: profile.currency,
      createdMs,
      closeMs: change.atMs,
      status: 'won',
      stageReached: 3,
      lostReason: null,
      competitor: null,
      source: 'existing_customer',
      kind: 'expansion',
      customerId: profile.id,
      leadId: null,
      contactName: profile.contactName,
    };
    emitDeal(ctx, deal);
    emitDealActivities(random, ctx, deal, 0);
  }
}
