/**
 * Who a session cookie or API token belongs to, remembered for a few
 * seconds: every API request authenticates, and on DuckDB that lookup (a
 * join of tokens, users and reps on the one connection) was what capped the
 * Overview API at about 380 requests a second. Concurrent requests with the
 * same credential share one lookup. Signing out and removing a user in this
 * process clear it at once; a change made by another process (possible on
 * PostgreSQL only) takes effect within the time to live.
 */
import { createHash } from 'node:crypto';

export const PRINCIPAL_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export type PrincipalCache = {
  /** The cached answer for `credential`, or `lookup()`'s, remembered until the time to live ends. */
  remember<T>(credential: string, now: number, lookup: () => Promise<T>): Promise<T>;
  clear(): void;
};

export function createPrincipalCache(ttlMs = PRINCIPAL_TTL_MS): PrincipalCache {
  // Keyed on a hash, so the process never holds a credential it did not need to.
  const entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>();
  return {
    remember<T>(credential: string, now: number, lookup: () => Promise<T>): Promise<T> {
      const key = createHash('sha256').update(credential).digest('hex');
      const known = entries.get(key);
      if (known && known.expiresAt > now) return known.value as Promise<T>;
      const value = lookup();
      entries.set(key, { value, expiresAt: now + ttlMs });
      // A failed lookup is not an answer worth keeping.
      value.catch(() => entries.delete(key));
      if (entries.size > MAX_ENTRIES) {
        for (const [k, entry] of entries) if (entry.expiresAt <= now) entries.delete(k);
        if (entries.size > MAX_ENTRIES) entries.clear();
      }
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
