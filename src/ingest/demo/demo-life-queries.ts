/**
 * Questions the signal generators ask of a simulated customer life: when was
 * it in force or paying, how many seats did it have, how close was it to
 * leaving. Churn-driven signals use `computeLeavingProximity`, which only
 * voluntary endings raise: a customer whose card expired did not mean to leave.
 */
import type { CustomerLife, SimSubscription } from './demo-subscription-life.js';
import { computeSeatsAt } from './demo-subscription-life.js';

/** Half-open [startMs, endMs) spans; `endMs` is Infinity while still running. */
export type Span = { startMs: number; endMs: number };

/** Spans in which any subscription was in force, trials included, merged and sorted. */
export function findInForceSpans(life: CustomerLife): Span[] {
  return mergeSpans(
    allSubscriptions(life).map((sub) => ({ startMs: sub.startMs, endMs: sub.endMs ?? Infinity })),
  );
}

/** Spans in which the customer was paying (DESIGN.md's "active"), merged and sorted. */
export function findPayingSpans(life: CustomerLife): Span[] {
  return mergeSpans(
    allSubscriptions(life)
      .filter((sub) => sub.endMs === null || sub.endMs > sub.payStartMs)
      .map((sub) => ({ startMs: sub.payStartMs, endMs: sub.endMs ?? Infinity })),
  );
}

export function isWithinSpans(spans: readonly Span[], ms: number): boolean {
  return spans.some((span) => span.startMs <= ms && ms < span.endMs);
}

/** The main subscription in force at `ms`, if any. */
export function findMainAt(life: CustomerLife, ms: number): SimSubscription | undefined {
  return life.stretches.find(({ main }) => main.startMs <= ms && ms < (main.endMs ?? Infinity))
    ?.main;
}

export function findSeatsAt(life: CustomerLife, ms: number): number {
  const main = findMainAt(life, ms);
  return main ? computeSeatsAt(main, ms) : 0;
}

/**
 * 0 far from a voluntary ending, rising linearly to 1 at the ending itself,
 * over `horizonMs` before it.
 */
export function computeLeavingProximity(life: CustomerLife, ms: number, horizonMs: number): number {
  let proximity = 0;
  for (const { main } of life.stretches) {
    if (main.endReason !== 'voluntary' || main.endMs === null || main.endMs <= ms) continue;
    const before = main.endMs - ms;
    if (before < horizonMs) proximity = Math.max(proximity, 1 - before / horizonMs);
  }
  return proximity;
}

/** When the customer last stopped paying for good, or null while a customer. */
export function findFinalEnd(
  life: CustomerLife,
): { endMs: number; reason: SimSubscription['endReason'] } | null {
  const last = life.stretches[life.stretches.length - 1];
  if (!last || last.main.endMs === null) return null;
  return { endMs: last.main.endMs, reason: last.main.endReason };
}

function allSubscriptions(life: CustomerLife): SimSubscription[] {
  return life.stretches.flatMap(({ main, addOn }) => (addOn ? [main, addOn] : [main]));
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.startMs <= last.endMs) last.endMs = Math.max(last.endMs, span.endMs);
    else merged.push({ ...span });
  }
  return merged;
}
