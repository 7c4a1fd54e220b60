/**
 * Writes one activity row, or none when it would fall outside the company's
 * recorded history (before the window or after asOf): business-hour
 * rounding can push a planned moment over either edge, and dropping it is
 * simpler than making every caller re-check.
 */
import type { Random } from '../../domain/random.js';
import { formatTimestamp, startOfMonth } from './demo-calendar.js';
import { addTo, type DemoContext } from './demo-context.js';
import type { DemoRep } from './demo-reps.js';

export type ActivityKind = 'call' | 'email' | 'meeting' | 'demo' | 'note';

export type ActivityInput = {
  readonly rep: DemoRep;
  readonly kind: ActivityKind;
  readonly atMs: number;
  readonly direction?: 'outbound' | 'inbound' | null;
  readonly outcome?: string | null;
  readonly leadId?: string | null;
  readonly customerId?: string | null;
  readonly dealId?: string | null;
  readonly durationS?: number | null;
};

/** True when the row was written. */
export function emitActivity(ctx: DemoContext, input: ActivityInput): boolean {
  if (input.atMs < ctx.plan.windowStartMs || input.atMs >= ctx.plan.asOfMs) return false;
  if (input.kind === 'demo') {
    const { demosByTeam } = ctx.outcomes;
    const byMonth = demosByTeam.get(input.rep.team) ?? new Map<number, number>();
    demosByTeam.set(input.rep.team, byMonth);
    addTo(byMonth, startOfMonth(input.atMs), 1);
  }
  ctx.emitter.add('activities', {
    id: ctx.emitter.nextId('act'),
    rep_id: input.rep.id,
    kind: input.kind,
    occurred_at: formatTimestamp(input.atMs),
    direction: input.direction ?? null,
    outcome: input.outcome ?? null,
    lead_id: input.leadId ?? null,
    customer_id: input.customerId ?? null,
    deal_id: input.dealId ?? null,
    duration_s: input.durationS == null ? null : String(Math.round(input.durationS)),
  });
  return true;
}

export type DialOutcome = 'no_answer' | 'voicemail' | 'connected' | 'meeting_booked';

/** Seconds on the line: ringing out, leaving a message, talking, or booking a meeting. */
export function drawDialDurationS(random: Random, outcome: DialOutcome): number {
  switch (outcome) {
    case 'no_answer':
      return random.int(15, 35);
    case 'voicemail':
      return random.int(30, 75);
    case 'connected':
      return random.int(60, 480);
    case 'meeting_booked':
      return random.int(240, 900);
  }
}
