/**
 * When deliveries are retried: exponential backoff (5 s, 10 s, 20 s, … capped
 * at an hour) for up to ten attempts, about 42 minutes in all, long enough to
 * ride out a receiver's deploy or an SMTP server's restart. The clock and the
 * sleep are injected so tests can run the whole schedule without waiting.
 */
export type DeliveryPolicy = {
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** The wait before the next attempt after `failedAttempts` failures (1, 2, …). */
  readonly backoffMs: (failedAttempts: number) => number;
  /** After this many failures a delivery is marked failed and kept, with its last error. */
  readonly maxAttempts: number;
  /** How long one run waits in-process for retries falling due; later ones wait for the next run. */
  readonly maxWaitMs: number;
  /** Deadline of one HTTP request or SMTP session. */
  readonly timeoutMs: number;
};

export function exponentialBackoff(
  baseMs: number,
  capMs: number,
): (failedAttempts: number) => number {
  return (failedAttempts) => Math.min(capMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  backoffMs: exponentialBackoff(5_000, 3_600_000),
  maxAttempts: 10,
  maxWaitMs: 60_000,
  timeoutMs: 10_000,
};
