/**
 * Builds one customer end to end: who it is, what happens to it, and every
 * row that leaves a trace of it. Each aspect draws from its own seeded stream
 * (profile, life, billing, …), so changing how tickets are drawn does not
 * reshuffle anyone's subscriptions.
 */
import { createRandom, deriveSeed, type Random } from '../../domain/random.js';
import { formatTimestamp, startOfMonth } from './demo-calendar.js';
import { emitAccountActivities } from './demo-account-activities.js';
import { emitAccountDeals } from './demo-account-deals.js';
import { emitAcquisition } from './demo-acquisition.js';
import { emitBilling } from './demo-billing.js';
import { addTo, type DemoContext } from './demo-context.js';
import { drawCustomerProfile, type CustomerProfile } from './demo-customer-profile.js';
import { emitNpsResponses, emitTickets } from './demo-feedback.js';
import { emitOrders } from './demo-orders.js';
import { simulateCustomerLife } from './demo-subscription-life.js';
import { emitUsage } from './demo-usage.js';

/** Extra customer columns, kept as attributes: the contract and payment terms churn depends on. */
export const CUSTOMER_ATTRIBUTE_COLUMNS = [
  'contract_type',
  'payment_method',
  'company_size',
] as const;

export function generateCustomer(ctx: DemoContext, index: number): void {
  const { plan, roster, emitter } = ctx;
  const stream = (name: string): Random => createRandom(deriveSeed(plan.seed, name, index));
  const profile = drawCustomerProfile(stream('profile'), index, plan, roster);
  const life = simulateCustomerLife(stream('life'), profile, plan, emitter);
  const firstPayMs = life.stretches[0]?.main.payStartMs;
  if (!profile.isOpening && !profile.isTrialOnly && firstPayMs !== undefined)
    addTo(ctx.outcomes.newCustomersByMonth, startOfMonth(firstPayMs), 1);
  const createdMs = emitAcquisition(stream('acquisition'), ctx, profile, life);
  emitCustomer(ctx, profile, createdMs);
  emitBilling(stream('billing'), emitter, profile, life, plan);
  emitOrders(stream('orders'), emitter, profile, life, plan);
  emitUsage(stream('usage'), emitter, profile, life, plan);
  emitTickets(stream('tickets'), emitter, profile, life, plan);
  emitNpsResponses(stream('nps'), emitter, profile, life, plan);
  emitAccountActivities(stream('account'), ctx, profile, life);
  emitAccountDeals(stream('account-deals'), ctx, profile, life);
}

function emitCustomer(ctx: DemoContext, profile: CustomerProfile, createdMs: number): void {
  ctx.emitter.add(
    'customers',
    {
      id: profile.id,
      name: profile.name,
      created_at: formatTimestamp(createdMs),
      segment: profile.segment,
      region: profile.region,
      industry: profile.industry,
      acquisition_channel: profile.channel,
      owner_rep_id: profile.ownerRepId,
    },
    {
      contract_type: profile.contractType,
      payment_method: profile.paymentKind,
      company_size: String(profile.companySize),
    },
  );
}
