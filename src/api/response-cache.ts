/**
 * Whole responses kept for identical requests while the data version holds:
 * a dashboard asks the same KPI questions again and again, and a DuckDB
 * connection answers one at a time. Bounded, least recently used first out.
 */
export type ResponseCache = {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
};

export function createResponseCache(maxEntries = 500): ResponseCache {
  const entries = new Map<string, unknown>();
  return {
    get(key) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key);
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
