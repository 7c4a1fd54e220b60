/**
 * Exact rational arithmetic on decimal strings, for money that is scaled
 * before it is stored (an annual price ÷ 12, a weekly one × 52/12, a 15 %
 * discount): binary floating point would turn 49.90 × 3 into
 * 149.70000000000002. Only the final value is rounded, once.
 */

export type Ratio = { readonly numerator: bigint; readonly denominator: bigint };

/** A canonical decimal string (`-49.9`, `1200`) as an exact ratio. */
export function ratioOf(decimal: string): Ratio {
  const isNegative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace(/^[+-]/, '').split('.');
  const digits = BigInt(`${whole}${fraction}`);
  return {
    numerator: isNegative ? -digits : digits,
    denominator: 10n ** BigInt(fraction.length),
  };
}

export function ratio(numerator: number, denominator = 1): Ratio {
  return { numerator: BigInt(numerator), denominator: BigInt(denominator) };
}

export function multiply(a: Ratio, b: Ratio): Ratio {
  return { numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator };
}

export function subtract(a: Ratio, b: Ratio): Ratio {
  return {
    numerator: a.numerator * b.denominator - b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  };
}

/** Denominators are always positive here, so the sign is the numerator's. */
export function isNegative(value: Ratio): boolean {
  return value.numerator < 0n;
}

/**
 * Rounds half away from zero to `scale` digits (the store keeps DECIMAL(18,4))
 * and writes the canonical decimal text: no trailing zeros, no leading `+`.
 */
export function toDecimalText(value: Ratio, scale = 4): string {
  const factor = 10n ** BigInt(scale);
  const magnitude = (value.numerator < 0n ? -value.numerator : value.numerator) * factor;
  let units = magnitude / value.denominator;
  if (2n * (magnitude % value.denominator) >= value.denominator) units += 1n;
  const whole = units / factor;
  const fraction = (units % factor).toString().padStart(scale, '0').replace(/0+$/, '');
  const sign = value.numerator < 0n && units > 0n ? '-' : '';
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}
