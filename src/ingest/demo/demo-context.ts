/**
 * What every part of the generator shares while one company is built: the
 * plan, the people, the funnel targets, the emitter, and the per-SDR tally of
 * dials the customer loop already made (the SDR phase tops it up to each
 * rep's dials-per-meeting ratio).
 */
import type { DemoEmitter } from './demo-emitter.js';
import type { FunnelPlan } from './demo-funnel-plan.js';
import type { DemoPlan } from './demo-plan.js';
import type { DemoRoster } from './demo-reps.js';

export type SdrTally = { dials: number; meetings: number };

export type DemoContext = {
  readonly plan: DemoPlan;
  readonly roster: DemoRoster;
  readonly funnel: FunnelPlan;
  readonly emitter: DemoEmitter;
  /** By rep id. */
  readonly sdrTally: Map<string, SdrTally>;
};
