/**
 * The plain-JS forms values take when they leave a store, so every engine
 * hands the layers above exactly the same thing.
 */

/** `2024-02-29T10:11:12.1234Z`: UTC, with the fraction only as long as it needs to be. */
export function toIsoTimestamp(epochMicros: bigint): string {
  const millis = epochMicros / 1000n;
  const microsInSecond = ((epochMicros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const iso = new Date(Number(millis)).toISOString().slice(0, 19);
  const fraction = microsInSecond.toString().padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? `${iso}Z` : `${iso}.${fraction}Z`;
}

/** `1.5000` → `1.5`, `-0.0000` → `0`: the exact value in its shortest decimal text. */
export function trimDecimal(text: string): string {
  if (!text.includes('.')) return text;
  const trimmed = text.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

/** Counts and sums arrive as bigint; past 2^53 they stay exact as text. */
export function fromBigInt(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}
