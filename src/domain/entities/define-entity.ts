/**
 * Turns a column table from DESIGN.md into an entity: its key, its columns and
 * one Zod schema that parses a raw record (column → cell text) into a
 * canonical row. The same schema serves file imports and API uploads.
 */
import { z } from 'zod';
import { parseField, type FieldSpec } from './fields.js';

/** Canonical text form of a row: every value is text the store casts exactly, or null. */
export type CanonicalRow = Record<string, string | null>;

/** A rule across columns of one row, e.g. `ended_at >= started_at`. */
export type EntityCheck = {
  /** The column the problem is reported on. */
  readonly column: string;
  readonly holds: (row: CanonicalRow) => boolean;
  readonly reason: string;
  readonly fix: string;
};

export type EntitySpec<TName extends string = string> = {
  readonly name: TName;
  readonly description: string;
  /** Columns that identify a row; re-importing a row with the same key updates it. */
  readonly key: readonly string[];
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly checks?: readonly EntityCheck[];
};

export type Entity<TName extends string = string> = EntitySpec<TName> & {
  readonly columns: readonly string[];
  readonly requiredColumns: readonly string[];
  /** Parses `{column: cell text}`; issues carry the column as path and `params.fix`. */
  readonly rowSchema: z.ZodType<CanonicalRow, Record<string, string>>;
};

export function defineEntity<TName extends string>(spec: EntitySpec<TName>): Entity<TName> {
  const columns = Object.keys(spec.fields);
  const shape: Record<string, z.ZodType<string | null, string>> = {};
  for (const [column, field] of Object.entries(spec.fields)) {
    shape[column] = buildFieldSchema(field);
  }
  const checks = spec.checks ?? [];
  const rowSchema = z.object(shape).superRefine((row, ctx) => {
    for (const check of checks) {
      if (!check.holds(row)) {
        ctx.addIssue({
          code: 'custom',
          path: [check.column],
          message: check.reason,
          params: { fix: check.fix },
        });
      }
    }
  }) as unknown as z.ZodType<CanonicalRow, Record<string, string>>;
  return {
    ...spec,
    columns,
    requiredColumns: columns.filter((column) => spec.fields[column]?.required === true),
    rowSchema,
  };
}

function buildFieldSchema(field: FieldSpec): z.ZodType<string | null, string> {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const outcome = parseField(field, raw ?? '');
      if (outcome.ok) return outcome.value;
      ctx.addIssue({ code: 'custom', message: outcome.reason, params: { fix: outcome.fix } });
      return z.NEVER;
    }) as unknown as z.ZodType<string | null, string>;
}

/** A check that `later` is not before `earlier` when both are present. */
export function notBefore(later: string, earlier: string): EntityCheck {
  return {
    column: later,
    holds: (row) => {
      const end = row[later];
      const start = row[earlier];
      return end == null || start == null || end >= start;
    },
    reason: `is before ${earlier}`,
    fix: `make ${later} the same as or later than ${earlier}, or leave it empty`,
  };
}

/** A check that `later` is strictly after `earlier` (half-open periods may not be empty). */
export function after(later: string, earlier: string): EntityCheck {
  return {
    column: later,
    holds: (row) => {
      const end = row[later];
      const start = row[earlier];
      return end == null || start == null || end > start;
    },
    reason: `is not after ${earlier}`,
    fix: `${later} is exclusive: make it later than ${earlier}`,
  };
}
