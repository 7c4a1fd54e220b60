/**
 * The one place that decides how the CLI prints data: an aligned table on a
 * terminal, JSON when piped, and `--format` always wins. Progress and
 * diagnostics go to stderr; only data goes to stdout.
 */
import { stringify } from 'csv-stringify/sync';
import { RetainError } from '../domain/errors.js';

export type OutputFormat = 'table' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

export type TableColumn<TRow> = {
  readonly header: string;
  readonly value: (row: TRow) => string | number | null;
  /** Right for numbers already formatted as text ("12.50%"); plain numbers align right anyway. */
  readonly align?: 'left' | 'right';
};

export function parseOutputFormat(
  value: string | undefined,
  isStdoutTerminal: boolean,
): OutputFormat {
  if (value === undefined) return isStdoutTerminal ? 'table' : 'json';
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new RetainError('INVALID_ARGUMENT', `--format ${value} is not a format Retain prints.`, {
    hint: `Use one of: ${OUTPUT_FORMATS.join(', ')}.`,
  });
}

/** Renders rows with right-aligned numbers; null shows as an em dash. */
export function renderTable<TRow>(
  rows: readonly TRow[],
  columns: readonly TableColumn<TRow>[],
): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const alignsRight = columns.map(
    (column, index) =>
      column.align === 'right' ||
      (column.align === undefined && cells.every((row) => typeof row[index] !== 'string')),
  );
  const text = cells.map((row) => row.map((cell) => (cell === null ? '—' : String(cell))));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...text.map((row) => row[index]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) =>
        alignsRight[index] ? value.padStart(widths[index] ?? 0) : value.padEnd(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...text.map(line)].join('\n') + '\n';
}

export function renderCsv<TRow>(
  rows: readonly TRow[],
  columns: readonly TableColumn<TRow>[],
): string {
  return stringify([
    columns.map((column) => column.header),
    ...rows.map((row) => columns.map((column) => column.value(row) ?? '')),
  ]);
}

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Rows in the chosen format: JSON prints the rows themselves, a table or CSV the columns. */
export function renderRows<TRow>(
  rows: readonly TRow[],
  columns: readonly TableColumn<TRow>[],
  format: OutputFormat,
): string {
  if (format === 'json') return renderJson(rows);
  return (format === 'csv' ? renderCsv : renderTable)(rows, columns);
}
