/**
 * `retain demo`: a realistic synthetic B2B SaaS company over the 24 months
 * ending at `asOf`, streamed into a sink entity by entity, customer by
 * customer. Deterministic: the same options give the same sink calls, byte
 * for byte, because every random draw comes from a stream seeded by the options.
 * Memory stays bounded: rows go out as they are made and the sink is flushed
 * every 200 customers.
 */
import type { EntityName } from '../../domain/entities/index.js';
import { createRandom, deriveSeed } from '../../domain/random.js';
import type { DemoContext } from './demo-context.js';
import { CUSTOMER_ATTRIBUTE_COLUMNS, generateCustomer } from './demo-customer.js';
import { DemoEmitter, type DemoStats } from './demo-emitter.js';
import { buildFunnelPlan } from './demo-funnel-plan.js';
import { emitFxRates } from './demo-fx-rates.js';
import { emitGoals } from './demo-goals.js';
import { emitMarketingSpend } from './demo-marketing-spend.js';
import { emitOpenPipeline } from './demo-open-pipeline.js';
import { buildDemoPlan, type DemoOptions } from './demo-plan.js';
import { emitProspecting } from './demo-prospecting.js';
import { buildRoster, emitReps } from './demo-reps.js';
import type { DemoSink } from './demo-sink.js';

export type { DemoOptions } from './demo-plan.js';
export type { DemoStats } from './demo-emitter.js';

/** Customers generated between two sink flushes. */
const CUSTOMERS_PER_FLUSH = 200;

/** Extra (non-canonical) attribute columns the generator may emit per entity, in a fixed order, so a CSV sink can write its header up front. */
export const DEMO_ATTRIBUTE_COLUMNS: Partial<Record<EntityName, readonly string[]>> = {
  customers: CUSTOMER_ATTRIBUTE_COLUMNS,
};

/**
 * Generates the company into `sink` and returns the rows emitted per entity.
 * @example await generateDemoCompany({ customers: 2000, seed: 1, asOf: new Date('2026-11-23') }, sink)
 */
export async function generateDemoCompany(
  options: DemoOptions,
  sink: DemoSink,
  onProgress?: (customersDone: number, customersTotal: number) => void,
): Promise<DemoStats> {
  const plan = buildDemoPlan(options);
  const emitter = new DemoEmitter(sink);
  const roster = buildRoster(createRandom(deriveSeed(plan.seed, 'roster')), plan);
  const ctx: DemoContext = {
    plan,
    roster,
    funnel: buildFunnelPlan(plan, roster),
    emitter,
    sdrTally: new Map(),
    outcomes: {
      wonCentsByMonth: new Map(),
      renewalBookCentsByMonth: new Map(),
      renewalsClosed: { bookCents: 0, wonCents: 0 },
      newCustomersByMonth: new Map(),
      demosByTeam: new Map(),
    },
  };
  emitReps(emitter, roster);
  emitFxRates(createRandom(deriveSeed(plan.seed, 'fx')), emitter, plan);
  await emitter.flush();
  for (let index = 1; index <= plan.customers; index++) {
    generateCustomer(ctx, index);
    if (index % CUSTOMERS_PER_FLUSH === 0 || index === plan.customers) {
      await emitter.flush();
      onProgress?.(index, plan.customers);
    }
  }
  // After the customers: each SDR's cold calling tops up the dials their converted leads already got.
  await emitProspecting(ctx);
  // The deals the company will win next, still open at asOf.
  emitOpenPipeline(createRandom(deriveSeed(plan.seed, 'open-pipeline')), ctx);
  emitMarketingSpend(createRandom(deriveSeed(plan.seed, 'marketing')), emitter, plan);
  emitGoals(ctx);
  await emitter.flush();
  return { ...emitter.stats };
}
