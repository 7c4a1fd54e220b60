/**
 * How one vendor export maps to one canonical entity: the vendor columns it
 * reads (each found under any of its header aliases, matched after the CSV
 * reader's case- and space-insensitive normalisation) and a function from a
 * row to canonical cells. Columns a mapping does not read are kept as
 * attributes, as in a native import.
 */
import type { OwnerDirectory } from './owner-directory.js';
import type { ExportRow } from './export-row.js';

export type ExportColumn = {
  /** The vendor's label, named in messages (`Created (UTC)`). */
  readonly label: string;
  /** Normalised header names holding it, the preferred first (`start_utc`, then `created_utc`). */
  readonly aliases: readonly string[];
  /** A file without this column is not this export: no row of it is read. */
  readonly isRequired?: boolean;
  /** Keep the vendor's own value as an attribute too (Stripe's status beside end_reason). */
  readonly isKept?: boolean;
};

/** What a row mapper may look up beyond its row. */
export type MappingContext = { readonly owners: OwnerDirectory };

/** Canonical cells (other keys become attributes), or undefined when the row holds no such entity. */
export type MappedCells = Record<string, string> | undefined;

export type ExportMapping<TKey extends string = string> = {
  readonly vendor: string;
  /** `subscriptions export`, as in "this is not a Stripe subscriptions export". */
  readonly exportName: string;
  /** Where in the vendor's product the export is made. */
  readonly howToExport: string;
  readonly columns: Readonly<Record<TKey, ExportColumn>>;
  /** Which of the unread columns to keep as attributes; all when absent. */
  readonly keepsColumn?: (column: string) => boolean;
  /** Rows repeat an id (one card on many charges): keep the row whose cell `newestBy` is greatest. */
  readonly latestPerId?: { readonly newestBy: string };
  /** A one-field line matching this starts the vendor's trailer after the data (Salesforce reports). */
  readonly footer?: RegExp;
  /** May be async, for a mapping that reads a file a row names (a call manifest's transcripts). */
  map(row: ExportRow<TKey>, context: MappingContext): MappedCells | Promise<MappedCells>;
};

/** Infers the column keys, so a mapper that reads a column it does not declare fails to compile. */
export function defineExportMapping<TKey extends string>(
  mapping: ExportMapping<TKey>,
): ExportMapping<TKey> {
  return mapping;
}
