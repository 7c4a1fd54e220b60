/**
 * Column kinds of the canonical entities and their parsers: raw text from a
 * file cell to the canonical text form the store casts exactly (decimals stay
 * decimal strings, timestamps become UTC). Each failure says what is wrong and
 * how to fix it, because the message ends up in the user's rejects file.
 */

export type FieldKind =
  'id' | 'text' | 'decimal' | 'integer' | 'timestamp' | 'date' | 'boolean' | 'currency' | 'enum';

export type FieldSpec = {
  readonly kind: FieldKind;
  readonly required?: boolean;
  /** Allowed values of an `enum`, lower case; input is matched case-insensitively. */
  readonly values?: readonly string[];
  /** Inclusive bounds of an `integer` or `decimal`. */
  readonly min?: number;
  readonly max?: number;
  /** Digits after the point a `decimal` may carry (money 4, exchange rates 10). */
  readonly scale?: number;
  /** The entity whose key this column must name (checked against the store). */
  readonly references?: string;
  readonly description?: string;
};

export type FieldOutcome =
  { ok: true; value: string | null } | { ok: false; reason: string; fix: string };

/** Integer digits a money column holds: DECIMAL(18, 4) leaves 14. */
export const DECIMAL_PRECISION = 18;

/** 1 to 14 digits without a leading zero (or a lone 0), up to 4 decimals not ending in 0. */
const PLAIN_DECIMAL_PATTERN = /^(?:0|[1-9]\d{0,13})(?:\.\d{0,3}[1-9])?$/;
const DECIMAL_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const INTEGER_PATTERN = /^[+-]?\d+$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0']);
const CURRENCY_CODES = new Set(Intl.supportedValuesOf('currency'));

const ok = (value: string | null): FieldOutcome => ({ ok: true, value });
const fail = (reason: string, fix: string): FieldOutcome => ({ ok: false, reason, fix });

/** Parses one cell; an empty cell is `null`, which only a required field refuses. */
export function parseField(spec: FieldSpec, raw: string): FieldOutcome {
  const text = raw.trim();
  if (text === '') {
    return spec.required
      ? fail('is required but empty', 'fill in a value; this column may not be blank')
      : ok(null);
  }
  switch (spec.kind) {
    case 'id':
    case 'text':
      return ok(text);
    case 'decimal':
      return parseDecimal(spec, text);
    case 'integer':
      return parseInteger(spec, text);
    case 'timestamp':
      return parseTimestamp(text);
    case 'date':
      return parseDate(text);
    case 'boolean':
      return parseBoolean(text);
    case 'currency':
      return parseCurrency(text);
    case 'enum':
      return parseEnum(spec, text);
  }
}

function parseDecimal(spec: FieldSpec, text: string): FieldOutcome {
  // Fast path for the common shape, already in canonical form (no sign, no padding, no trailing zeros).
  const isUnbounded = (spec.min === undefined || spec.min <= 0) && spec.max === undefined;
  if (isUnbounded && (spec.scale ?? 4) >= 4 && PLAIN_DECIMAL_PATTERN.test(text)) {
    return ok(text);
  }
  if (!DECIMAL_PATTERN.test(text)) {
    if (/^[+-]?\d+,\d+$/.test(text)) {
      return fail(
        'is not a decimal number',
        `use a dot as the decimal separator, e.g. ${text.replace(',', '.')}`,
      );
    }
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
      return fail(
        'is not a decimal number',
        `remove the thousands separators, e.g. ${text.replaceAll(',', '')}`,
      );
    }
    if (/^[^\d+-.]+\s*[\d.,]+$|^[\d.,]+\s*[^\d.,\s]+$/.test(text)) {
      return fail(
        'is not a decimal number',
        'write the bare amount (e.g. 49.90) and put the ISO currency code in the currency column',
      );
    }
    return fail('is not a decimal number', 'write a number in major units with a dot, e.g. 49.90');
  }
  const scale = spec.scale ?? 4;
  const [integerPart = '', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > scale) {
    return fail(
      `has more than ${scale} digits after the decimal point`,
      `round it to ${scale} decimal places`,
    );
  }
  if (integerPart.replace(/^0+/, '').length > DECIMAL_PRECISION - scale) {
    return fail(
      'is too large',
      `amounts may have at most ${DECIMAL_PRECISION - scale} digits before the point`,
    );
  }
  const range = checkRange(spec, Number(text));
  if (range) return range;
  const sign = text.startsWith('-') ? '-' : '';
  const whole = integerPart.replace(/^0+(?=\d)/, '') || '0';
  return ok(trimmedFraction === '' ? `${sign}${whole}` : `${sign}${whole}.${trimmedFraction}`);
}

function parseInteger(spec: FieldSpec, text: string): FieldOutcome {
  if (!INTEGER_PATTERN.test(text)) {
    return /^[+-]?\d+\.0+$/.test(text)
      ? parseInteger(spec, text.replace(/\.0+$/, ''))
      : fail('is not a whole number', 'write an integer without a decimal part, e.g. 12');
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return fail('is too large', 'use a smaller whole number');
  return checkRange(spec, value) ?? ok(String(value));
}

function checkRange(spec: FieldSpec, value: number): FieldOutcome | undefined {
  const { min, max } = spec;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const bounds =
      min !== undefined && max !== undefined
        ? `between ${min} and ${max}`
        : min !== undefined
          ? `at least ${min}`
          : `at most ${String(max)}`;
    return fail(`is out of range`, `use a value ${bounds}`);
  }
  return undefined;
}

const TIMESTAMP_FIX =
  'use ISO-8601, e.g. 2025-08-01 or 2025-08-01T14:30:00Z (UTC unless an offset such as +02:00 is given)';

function parseTimestamp(text: string): FieldOutcome {
  const match = TIMESTAMP_PATTERN.exec(text);
  if (!match) return fail('is not an ISO-8601 date or date-time', TIMESTAMP_FIX);
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isCalendarDate(year, month, day)) return fail('is not a calendar date', TIMESTAMP_FIX);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return fail('is not a valid time of day', TIMESTAMP_FIX);
  }
  const offsetMinutes = parseOffsetMinutes(zone);
  if (offsetMinutes === undefined) return fail('has an invalid UTC offset', TIMESTAMP_FIX);
  const micros = fraction.padEnd(6, '0').slice(0, 6);
  if (offsetMinutes === 0) return ok(`${y}-${mo}-${d} ${h}:${mi}:${s}.${micros}`);
  const utcMs =
    Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
  const iso = new Date(utcMs).toISOString();
  return ok(`${iso.slice(0, 10)} ${iso.slice(11, 19)}.${micros}`);
}

function parseOffsetMinutes(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function parseDate(text: string): FieldOutcome {
  const match = DATE_PATTERN.exec(text);
  const fix = 'use an ISO-8601 date, YYYY-MM-DD, e.g. 2025-08-01';
  if (!match) return fail('is not an ISO-8601 date', fix);
  const [, y, m, d] = match;
  return isCalendarDate(Number(y), Number(m), Number(d))
    ? ok(text)
    : fail('is not a calendar date', fix);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && isLeapYear ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

function parseBoolean(text: string): FieldOutcome {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return ok('true');
  if (FALSE_WORDS.has(word)) return ok('false');
  return fail('is not a yes/no value', 'use true or false');
}

function parseCurrency(text: string): FieldOutcome {
  const code = text.toUpperCase();
  return CURRENCY_CODES.has(code)
    ? ok(code)
    : fail('is not an ISO-4217 currency code', 'use a three-letter code such as USD, EUR or GBP');
}

function parseEnum(spec: FieldSpec, text: string): FieldOutcome {
  const value = text.toLowerCase();
  const values = spec.values ?? [];
  return values.includes(value)
    ? ok(value)
    : fail('is not an allowed value', `use one of: ${values.join(', ')}`);
}
