/**
 * Recognises which export of a vendor a header belongs to, and finds each of
 * the mapping's columns under its aliases. A header without a required column
 * is not that export: rather than import shifted or empty values, the whole
 * file is refused with the columns the export should have and those it has.
 */
import type { RecordProblem } from '../readers/raw-record.js';
import type { ExportMapping } from './export-mapping.js';

export type HeaderMatch =
  | { ok: true; mapping: ExportMapping; columnOf: Partial<Record<string, string>> }
  | { ok: false; problems: RecordProblem[] };

/** The first of `mappings` whose required columns the header has (they are tried in order). */
export function matchExportHeader(
  mappings: readonly ExportMapping[],
  header: readonly string[],
): HeaderMatch {
  const attempts = mappings.map((mapping) => {
    const columnOf = findColumns(mapping, header);
    const missing = Object.entries(mapping.columns)
      .filter(([key, column]) => column.isRequired === true && columnOf[key] === undefined)
      .map(([, column]) => column.label);
    return { mapping, columnOf, missing };
  });
  const match = attempts.find((attempt) => attempt.missing.length === 0);
  if (match) return { ok: true, mapping: match.mapping, columnOf: match.columnOf };

  const closest = attempts.reduce((best, attempt) =>
    attempt.missing.length < best.missing.length ? attempt : best,
  );
  const { vendor, exportName } = closest.mapping;
  const expected = mappings.map(describeExport).join('; or from ');
  return {
    ok: false,
    problems: closest.missing.map((label) => ({
      column: label,
      value: '',
      reason: `is missing from the header, so this is not a ${vendor} ${exportName}; no row of this file was read`,
      fix: `use the file from ${expected} (columns found: ${header.join(', ') || 'none'}); for a file in Retain's own columns use --source native`,
    })),
  };
}

/** Each key takes the first of its aliases the header has that no earlier key took. */
function findColumns(
  mapping: ExportMapping,
  header: readonly string[],
): Partial<Record<string, string>> {
  const present = new Set(header);
  const taken = new Set<string>();
  const columnOf: Partial<Record<string, string>> = {};
  for (const [key, column] of Object.entries(mapping.columns)) {
    const found = column.aliases.find((alias) => present.has(alias) && !taken.has(alias));
    if (found === undefined) continue;
    columnOf[key] = found;
    taken.add(found);
  }
  return columnOf;
}

function describeExport(mapping: ExportMapping): string {
  const required = Object.values(mapping.columns)
    .filter((column) => column.isRequired === true)
    .map((column) => column.label);
  return `${mapping.howToExport}: a ${mapping.vendor} ${mapping.exportName} has the columns ${required.join(', ')}`;
}
