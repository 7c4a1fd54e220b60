/**
 * One data row of a vendor export as its mapper sees it: cells by the
 * mapping's own column keys, and parsers that collect problems on the
 * vendor's column (`close_date`, not `closed_at`), so a reject points at the
 * cell the user has to fix in the file they exported.
 */
import type { Entity } from '../../domain/entities/index.js';
import { parseField, type FieldOutcome } from '../../domain/entities/fields.js';
import type { RecordProblem } from '../readers/raw-record.js';
import type { ExportColumn } from './export-mapping.js';

export class ExportRow<TKey extends string> {
  readonly problems: RecordProblem[] = [];

  constructor(
    private readonly entity: Entity,
    private readonly columns: Readonly<Record<TKey, ExportColumn>>,
    /** The header column each key was found under, if any. */
    private readonly columnOf: Readonly<Partial<Record<TKey, string>>>,
    private readonly cells: Readonly<Record<string, string>>,
  ) {}

  has(key: TKey): boolean {
    return this.columnOf[key] !== undefined;
  }

  /** The trimmed cell, '' when empty or when the export has no such column. */
  text(key: TKey): string {
    const column = this.columnOf[key];
    return column === undefined ? '' : (this.cells[column] ?? '').trim();
  }

  /** Parses the cell; on failure records the problem and returns ''. An empty result is ''. */
  parse(key: TKey, parser: (text: string) => FieldOutcome): string {
    const outcome = parser(this.text(key));
    if (outcome.ok) return outcome.value ?? '';
    this.fail(key, outcome.reason, outcome.fix);
    return '';
  }

  /**
   * Checks the cell as the entity's canonical `column` will be parsed, so a
   * problem names the vendor's column; returns the cell as written, which
   * the importer then parses to the same value (and quotes in its own rejects).
   */
  field(key: TKey, column: string): string {
    const spec = this.entity.fields[column];
    if (spec === undefined) throw new Error(`${this.entity.name} has no column ${column}`);
    return this.parse(key, (text) => {
      const outcome = parseField(spec, text);
      return outcome.ok ? { ok: true, value: text } : outcome;
    });
  }

  fail(key: TKey, reason: string, fix: string): void {
    this.problems.push({
      column: this.columnOf[key] ?? this.columns[key].label,
      value: this.text(key),
      reason,
      fix,
    });
  }
}
