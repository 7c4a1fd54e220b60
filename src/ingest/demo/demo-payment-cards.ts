/**
 * The cards a customer keeps on file: each replaced a little before it
 * expires, until one is not, which is what ends a card payer delinquently.
 * Customers with a higher latent risk are likelier to let a card lapse.
 */
import type { Random } from '../../domain/random.js';
import { DAY_MS, MONTH_MS } from './demo-calendar.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import { sigmoid } from './demo-vocabulary.js';

/** A card on file; it stops working at `expiresMs`, the first day after its expiry month. */
export type SimCard = { addedAtMs: number; expMonth: number; expYear: number; expiresMs: number };

/**
 * Adds the customer's cards from `fromMs` on: each replaced shortly before it
 * expires, until one is not. Returns when that unreplaced card lapses (the first
 * day after its expiry month), or null when every card before `untilMs` was replaced.
 */
export function drawCardChain(
  random: Random,
  profile: CustomerProfile,
  cards: SimCard[],
  fromMs: number,
  untilMs: number,
): number | null {
  let addedAtMs = fromMs;
  const lapseChance = sigmoid(-0.9 + 0.9 * profile.risk);
  for (let isFirst = true; ; isFirst = false) {
    const validMonths = isFirst ? random.uniform(3, 48) : random.uniform(24, 60);
    const expiry = new Date(addedAtMs + validMonths * MONTH_MS);
    const expiresMs = Date.UTC(expiry.getUTCFullYear(), expiry.getUTCMonth() + 1, 1);
    cards.push({
      addedAtMs,
      expMonth: expiry.getUTCMonth() + 1,
      expYear: expiry.getUTCFullYear(),
      expiresMs,
    });
    if (expiresMs >= untilMs) return null;
    if (random.bernoulli(lapseChance)) return expiresMs;
    addedAtMs = Math.max(
      addedAtMs + DAY_MS,
      Math.floor(expiresMs - random.uniform(2, 45) * DAY_MS),
    );
  }
}

/** Drops the cards of one chain (from `firstIndex`) added at or after `endMs`, except its first. */
export function removeCardsAddedFrom(cards: SimCard[], firstIndex: number, endMs: number): void {
  // Keep the stretch's first card even so: it is the one its invoices were charged to.
  for (let i = cards.length - 1; i > firstIndex; i--) {
    if ((cards[i]?.addedAtMs ?? 0) >= endMs) cards.splice(i, 1);
  }
}
