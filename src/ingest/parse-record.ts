/**
 * One raw record to one canonical row, through the entity's Zod schema.
 * Every problem in the record is reported (not just the first), each on its
 * column; columns the entity does not know are kept as JSON attributes.
 */
import type { CanonicalRow, Entity } from '../domain/entities/index.js';

export type RecordProblem = { column: string; value: string; reason: string; fix: string };

export type ParsedRecord =
  | { ok: true; row: CanonicalRow; attributes: string | null }
  | { ok: false; problems: RecordProblem[] };

export type ParseDefaults = {
  /** Filled into an empty `currency` cell: money without a code is in the reporting currency. */
  readonly currency: string;
};

export function parseRecord(
  entity: Entity,
  cells: Readonly<Record<string, string>>,
  defaults: ParseDefaults,
): ParsedRecord {
  const known: Record<string, string> = {};
  let extra: Record<string, string> | undefined;
  for (const [column, cell] of Object.entries(cells)) {
    if (column in entity.fields) known[column] = cell;
    else if (cell.trim() !== '') (extra ??= {})[column] = cell.trim();
  }
  const parsed = entity.rowSchema.safeParse(known);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const column = String(issue.path[0] ?? '');
        const params = (issue as { params?: { fix?: unknown } }).params;
        return {
          column,
          value: known[column] ?? '',
          reason: issue.message,
          fix: typeof params?.fix === 'string' ? params.fix : 'correct the value',
        };
      }),
    };
  }
  const row = parsed.data;
  if ('currency' in entity.fields && row.currency == null) row.currency = defaults.currency;
  return { ok: true, row, attributes: extra === undefined ? null : JSON.stringify(extra) };
}
