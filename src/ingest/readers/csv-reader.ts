/**
 * Streams an RFC 4180 CSV file (quoted fields, embedded newlines and quotes,
 * UTF-8 BOM; comma, semicolon or tab) as records with the line each starts
 * on. A structural error such as an unclosed quote stops the file at that
 * line: no parser can resynchronise reliably after one, and guessing would
 * import shifted values. papaparse does the parsing (it is several times
 * faster than the alternatives on this workload).
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { detectDelimiter } from './detect-delimiter.js';
import {
  normalizeColumnName,
  REPLACEMENT_CHARACTER,
  type RawRecord,
  type RecordProblem,
  type RecordReader,
} from './raw-record.js';

const HEAD_BYTES = 64 * 1024;

/** `line` is where the record starts; `isMalformed` marks a quoting error in it. */
type ParsedRow = { cells: string[]; line: number; isMalformed: boolean };

export async function openCsvReader(path: string): Promise<RecordReader> {
  const totalBytes = (await stat(path)).size;
  const delimiter = detectDelimiter(await readHead(path));
  const source = new CsvSource(path, delimiter);
  const header = await source.readHeader();
  return {
    columns: header.ok ? header.columns : [],
    totalBytes,
    bytesRead: () => source.bytesRead,
    batches: header.ok ? readBatches(source, header.columns, delimiter) : once([header.problem]),
  };
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/**
 * Pulls papaparse's chunks one at a time (pausing the parser in between, so
 * a slow consumer holds back the file) and numbers each record's first line.
 */
class CsvSource {
  private readonly queue: ParsedRow[][] = [];
  private waiting: (() => void) | undefined;
  private parser: Papa.Parser | undefined;
  private isDone = false;
  private failure: unknown;
  private nextLine = 1;
  private readonly input: ReadStream;

  constructor(path: string, delimiter: string) {
    this.input = createReadStream(path);
    Papa.parse<string[]>(this.input, {
      delimiter,
      skipEmptyLines: false,
      chunk: (results, parser) => {
        this.parser = parser;
        parser.pause();
        this.queue.push(this.numberRows(results));
        this.wake();
      },
      complete: () => {
        this.isDone = true;
        this.wake();
      },
      error: (error: unknown) => {
        this.failure = error;
        this.isDone = true;
        this.wake();
      },
    });
  }

  get bytesRead(): number {
    return this.input.bytesRead;
  }

  /** The next parsed rows; an empty array means the file is exhausted. */
  async next(): Promise<ParsedRow[]> {
    for (;;) {
      const rows = this.queue.shift();
      // A chunk may end mid-record and so hold no complete row: keep pulling.
      if (rows !== undefined && rows.length > 0) return rows;
      if (this.failure !== undefined) {
        throw this.failure instanceof Error
          ? this.failure
          : new Error('the CSV parser failed', { cause: this.failure });
      }
      if (this.isDone) return [];
      const arrived = new Promise<void>((resolve) => (this.waiting = resolve));
      this.parser?.resume();
      await arrived;
    }
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  private numberRows(results: Papa.ParseResult<string[]>): ParsedRow[] {
    const newline = results.meta.linebreak === '\r' ? '\r' : '\n';
    const quoteErrors = new Set(
      results.errors.filter((error) => error.type === 'Quotes').map((error) => error.row),
    );
    return results.data.map((cells, index) => {
      const line = this.nextLine;
      this.nextLine += 1 + countOccurrences(cells, newline);
      return { cells, line, isMalformed: quoteErrors.has(index) };
    });
  }

  async readHeader(): Promise<{ ok: true; columns: string[] } | { ok: false; problem: RawRecord }> {
    const rows = await this.next();
    const first = rows.shift();
    if (rows.length > 0) this.queue.unshift(rows);
    if (!first || first.cells.every((cell) => cell.trim() === '')) {
      return {
        ok: false,
        problem: headerProblem(
          '',
          'the file is empty',
          'put a header line with the column names first',
        ),
      };
    }
    if (first.isMalformed) return { ok: false, problem: toQuoteProblem(first.line) };
    const columns = first.cells.map((cell) => normalizeColumnName(cell.replace(/^\uFEFF/, '')));
    const seen = new Set<string>();
    for (const [index, column] of columns.entries()) {
      if (column === '') {
        return {
          ok: false,
          problem: headerProblem(
            `column ${index + 1}`,
            'has no name in the header',
            'name the column or delete it',
          ),
        };
      }
      if (seen.has(column)) {
        return {
          ok: false,
          problem: headerProblem(
            column,
            'appears twice in the header',
            'rename or remove one of the two columns',
          ),
        };
      }
      seen.add(column);
    }
    return { ok: true, columns };
  }
}

function headerProblem(column: string, reason: string, fix: string): RawRecord {
  return { line: 1, problem: { column, value: '', reason, fix }, isFatal: true };
}

function once(records: readonly RawRecord[]): AsyncIterable<readonly RawRecord[]> {
  return Readable.from([records]);
}

async function* readBatches(
  source: CsvSource,
  columns: readonly string[],
  delimiter: string,
): AsyncIterable<readonly RawRecord[]> {
  for (;;) {
    const rows = await source.next();
    if (rows.length === 0) return;
    const batch: RawRecord[] = [];
    for (const row of rows) {
      if (row.isMalformed) {
        // papaparse recovers from a bad quote by swallowing the lines after it:
        // nothing after this point can be trusted.
        batch.push(toQuoteProblem(row.line));
        yield batch;
        return;
      }
      const record = toRawRecord(row, columns, delimiter);
      if (record) batch.push(record);
    }
    yield batch;
  }
}

function toRawRecord(
  row: ParsedRow,
  columns: readonly string[],
  delimiter: string,
): RawRecord | undefined {
  const { cells: values, line } = row;
  if (values.every((cell) => cell.trim() === '')) return undefined;
  if (values.length !== columns.length) {
    const shown = delimiter === '\t' ? 'tab' : delimiter;
    return problemAt(line, {
      column: '',
      value: values.join(delimiter).slice(0, 200),
      reason: `has ${values.length} fields but the header has ${columns.length}`,
      fix: `quote any field that contains the delimiter (${shown}) or a line break, and give every row ${columns.length} fields`,
    });
  }
  const cells: Record<string, string> = {};
  for (let index = 0; index < columns.length; index += 1) {
    const column = columns[index] ?? '';
    const cell = values[index] ?? '';
    if (cell.includes(REPLACEMENT_CHARACTER)) {
      return problemAt(line, {
        column,
        value: cell,
        reason: 'contains bytes that are not valid UTF-8',
        fix: 'save the file with UTF-8 encoding',
      });
    }
    cells[column] = cell;
  }
  return { line, cells };
}

function problemAt(line: number, problem: RecordProblem): RawRecord {
  return { line, problem, isFatal: false };
}

function countOccurrences(cells: readonly string[], needle: string): number {
  let count = 0;
  for (const cell of cells) {
    for (let index = cell.indexOf(needle); index !== -1; index = cell.indexOf(needle, index + 1))
      count += 1;
  }
  return count;
}

function toQuoteProblem(line: number): RawRecord {
  return {
    line,
    problem: {
      column: '',
      value: '',
      reason: 'has a quoted field that is not closed properly; lines after it were not read',
      fix: 'quote the whole field and write a quote inside it as two quotes (""), e.g. "5"" screen"',
    },
    isFatal: true,
  };
}
