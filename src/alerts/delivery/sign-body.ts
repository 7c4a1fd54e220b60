/**
 * The webhook signature: `sha256=` and the hex HMAC-SHA256 of the raw body
 * under the channel's secret, as GitHub signs its webhooks. A receiver
 * recomputes it over the bytes it got and compares in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Retain-Signature';

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Whether `signature` is the one `secret` gives `body` (what a receiver does). */
export function isValidSignature(body: string, secret: string, signature: string): boolean {
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
