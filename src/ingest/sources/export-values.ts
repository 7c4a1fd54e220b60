/**
 * Cell formats vendors print that Retain's own files do not accept: amounts
 * with thousands separators (`1,200.00`), US dates (`3/1/2024`, `3/1/2024,
 * 2:05 PM`) from CRM exports, and yes/no flags written 1/0. Each parser ends
 * in the canonical parser, so the stored text is the same as for a native file.
 */
import { parseField, type FieldOutcome, type FieldSpec } from '../../domain/entities/fields.js';

const GROUPED_AMOUNT = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;
const US_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;
const EXPORT_DATE_FIX =
  'use the date as the export prints it, M/D/YYYY (US) or YYYY-MM-DD, e.g. 3/1/2024 or 2024-03-01, optionally with a time such as 2:05 PM';

/** An amount as `spec` wants it; `1,200.50` is 1200.50 (exports print a dot for the decimals). */
export function parseExportAmount(spec: FieldSpec): (text: string) => FieldOutcome {
  return (text) => {
    const grouped = GROUPED_AMOUNT.exec(text);
    const plain = grouped
      ? `${grouped[1]}${grouped[2]?.replaceAll(',', '')}${grouped[3] ?? ''}`
      : text;
    return parseField(spec, plain);
  };
}

/**
 * A date or date-time from a CRM export: ISO-8601, or US M/D/YYYY with an
 * optional 12- or 24-hour time. Taken as UTC, as every timestamp without an
 * offset is. Only US-locale exports can be read this way: 1/3/2024 is
 * 3 January, as nothing in the cell tells a day-first date apart, and
 * 31/12/2024 is rejected rather than guessed.
 */
export function parseExportDate(text: string): FieldOutcome {
  if (text === '') return { ok: true, value: null };
  const us = US_DATE.exec(text);
  const iso = us ? toIsoDateTime(us) : text;
  const outcome =
    iso === undefined
      ? { ok: false as const, reason: 'is not a valid time of day' }
      : parseField({ kind: 'timestamp' }, iso);
  // The ISO text, not the canonical one: the importer parses it again and quotes it in its rejects.
  if (outcome.ok) return { ok: true, value: iso ?? null };
  const looksLikeDate = us !== null || /^\d{4}-\d{1,2}-\d{1,2}/.test(text);
  // The canonical fix names ISO-8601 only; an export may use either form.
  return {
    ok: false,
    reason: looksLikeDate ? outcome.reason : 'is not a date in M/D/YYYY or YYYY-MM-DD form',
    fix: EXPORT_DATE_FIX,
  };
}

/** `parser`, refusing an empty cell as a native import refuses an empty required value. */
export function requireValue(
  parser: (text: string) => FieldOutcome,
): (text: string) => FieldOutcome {
  return (text) =>
    text === ''
      ? {
          ok: false,
          reason: 'is required but empty',
          fix: 'fill in a value; this column may not be blank',
        }
      : parser(text);
}

function toIsoDateTime(match: RegExpExecArray): string | undefined {
  const [, month = '', day = '', year = '', hour, minute = '00', second = '00', meridiem] = match;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (hour === undefined) return date;
  let hours = Number(hour);
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  return `${date}T${String(hours).padStart(2, '0')}:${minute}:${second}Z`;
}

/** Lower case, without spaces or punctuation: `Closed Won`, `closedwon` and `closed-won` match. */
export function toMatchKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** A checkbox column (Salesforce prints 1/0, HubSpot true/false) as `true`, `false` or empty. */
export function parseFlag(text: string): FieldOutcome {
  return parseField({ kind: 'boolean' }, text);
}
