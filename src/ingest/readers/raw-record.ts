/**
 * What a file reader yields: records' cells keyed by normalised column name,
 * or a problem at a line, in batches (per-record async iteration costs more
 * than parsing). A fatal problem means the rest of the file cannot be read
 * reliably (say, a quote never closed), so reading stops there.
 */
export type RecordProblem = {
  readonly column: string;
  readonly value: string;
  readonly reason: string;
  readonly fix: string;
};

export type RawRecord =
  | { readonly line: number; readonly cells: Record<string, string> }
  | { readonly line: number; readonly problem: RecordProblem; readonly isFatal: boolean };

export interface RecordReader {
  /** Column names from the header (CSV), or undefined where each record names its own (NDJSON). */
  readonly columns: readonly string[] | undefined;
  /** Records in file order, a batch at a time. */
  readonly batches: AsyncIterable<readonly RawRecord[]>;
  readonly totalBytes: number;
  bytesRead(): number;
}

/** `Created At ` → `created_at`: headers match case- and space-insensitively. */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** U+FFFD appears where bytes were not valid UTF-8. */
export const REPLACEMENT_CHARACTER = '\uFFFD';
