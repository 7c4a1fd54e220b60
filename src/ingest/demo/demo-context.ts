/**
 * What every part of the generator shares while one company is built: the
 * plan, the people, the funnel targets, the emitter, the per-SDR tally of
 * dials the customer loop already made (the SDR phase tops it up to each
 * rep's dials-per-meeting ratio, month by month), and the tally of what the
 * company actually won, from which the goals are set as a sales leader would:
 * on the trend of the team's own results.
 */
import type { DemoEmitter } from './demo-emitter.js';
import type { FunnelPlan } from './demo-funnel-plan.js';
import type { DemoPlan } from './demo-plan.js';
import type { DemoRoster } from './demo-reps.js';

export type DialTally = { dials: number; meetings: number };

/** An SDR's dials and booked meetings from the customer loop, overall and by calendar month. */
export type SdrTally = DialTally & { byMonth: Map<number, DialTally> };

export type OutcomeTally = {
  /** Won new-business and expansion deals, approximate USD cents, by the start of the month they closed in. */
  readonly wonCentsByMonth: Map<number, number>;
  /** Renewal deals of every status (the renewal book), approximate USD cents, by the month they close. */
  readonly renewalBookCentsByMonth: Map<number, number>;
  /** Renewals decided by asOf: the book they were, and what of it was won. */
  readonly renewalsClosed: { bookCents: number; wonCents: number };
  /** Customers acquired (first paying instant), by the start of the month. */
  readonly newCustomersByMonth: Map<number, number>;
  /** Demos held, by the team of the rep who held them, then by the start of the month. */
  readonly demosByTeam: Map<string, Map<number, number>>;
};

export type DemoContext = {
  readonly plan: DemoPlan;
  readonly roster: DemoRoster;
  readonly funnel: FunnelPlan;
  readonly emitter: DemoEmitter;
  /** By rep id. */
  readonly sdrTally: Map<string, SdrTally>;
  readonly outcomes: OutcomeTally;
};

/** Adds `amount` to the entry for `key`. */
export function addTo<K>(map: Map<K, number>, key: K, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}
