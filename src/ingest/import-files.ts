/**
 * `retain import`: files of canonical rows → validated, staged, checked
 * across rows, upserted by key, in one transaction. Any rejected row rolls
 * the whole import back (the store stays exactly as it was) unless the caller
 * keeps the good rows. Files stream through in batches, so their size is
 * bounded by disk, not memory.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { extname } from 'node:path';
import { ENTITIES, type Entity } from '../domain/entities/index.js';
import { RetainError } from '../domain/errors.js';
import type { Reject } from '../domain/reject.js';
import { bumpDataVersion } from '../store/data-version.js';
import type { Store } from '../store/store.js';
import { rejectDanglingReferences, rejectRepeatedKeys, upsertStaged } from './merge-staged.js';
import { parseRecord, type ParseDefaults } from './parse-record.js';
import { openCsvReader } from './readers/csv-reader.js';
import { openNdjsonReader } from './readers/ndjson-reader.js';
import type { RecordProblem, RecordReader } from './readers/raw-record.js';
import {
  createRejectsTable,
  createStageTable,
  dropStagingTables,
  REJECT_COLUMNS,
  REJECTS_TABLE,
  stageColumnsOf,
  stageTableOf,
} from './staging.js';
import { defaultRejectsPath, openRejectsWriter } from './write-rejects.js';

export type ImportInput = {
  readonly entity: Entity;
  readonly file: string;
  /**
   * Reads the file as records of the entity's canonical columns. Vendor
   * exports (Stripe, HubSpot, …) map their own columns here, and may look
   * values up in the store (a CRM owner's name → a rep id); the default
   * reads canonical CSV or NDJSON.
   */
  readonly openReader?: (file: string, store: Store) => Promise<RecordReader>;
};

export type ImportRequest = {
  readonly inputs: readonly ImportInput[];
  /** Commit the valid rows even when others were rejected. */
  readonly keepGoodRows?: boolean;
  /** Write every reject into this one file instead of `<input>.rejects.csv` beside each input. */
  readonly rejectsPath?: string;
  /** Recorded in the import log (native, stripe, …). */
  readonly source?: string;
  readonly onProgress?: (bytesDone: number, bytesTotal: number) => void;
  readonly now?: () => Date;
};

export type EntityImportCounts = {
  entity: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
};

export type ImportSummary = {
  runId: string;
  /** False when rejects rolled the import back: nothing was written. */
  committed: boolean;
  counts: EntityImportCounts[];
  /** Rows (not problems) rejected; a row with two bad cells counts once. */
  rejectedRows: number;
  rejectFiles: string[];
  /** The first rejects in file and line order, for a quick look on screen. */
  sampleRejects: Reject[];
};

const BATCH_ROWS = 5_000;
const SAMPLE_REJECTS = 20;
const REJECT_PAGE_ROWS = 10_000;

class ImportRolledBack extends Error {
  constructor(readonly summary: ImportSummary) {
    super('import rolled back because rows were rejected');
  }
}

export async function importFiles(store: Store, request: ImportRequest): Promise<ImportSummary> {
  const startedAt = (request.now ?? (() => new Date()))();
  const inputs = orderByDependency(request.inputs);
  const entities = [...new Set(inputs.map((input) => input.entity))];
  const readers = await openReaders(store, inputs);
  const rejectsWriter = openRejectsWriter(request.rejectsPath);
  let summary: ImportSummary;
  try {
    summary = await store.transaction(async (tx) => {
      const defaults = await readParseDefaults(tx);
      await createRejectsTable(
        tx,
        inputs.map((input) => input.file),
      );
      for (const entity of entities) await createStageTable(tx, entity);
      await stageFiles(tx, inputs, readers, defaults, request.onProgress);

      const counts: EntityImportCounts[] = [];
      for (const entity of entities) {
        await rejectRepeatedKeys(tx, entity);
        await rejectDanglingReferences(tx, entity, findEntityOrThrow);
        counts.push({ entity: entity.name, ...(await upsertStaged(tx, entity)), rejected: 0 });
      }
      const rejected = await countRejectedRows(tx, inputs);
      for (const count of counts) count.rejected = rejected.get(count.entity) ?? 0;
      const sampleRejects = await writeRejects(tx, inputs, rejectsWriter);
      await dropStagingTables(tx, entities);

      const result: ImportSummary = {
        runId: randomUUID(),
        committed: true,
        counts,
        rejectedRows: [...rejected.values()].reduce((sum, n) => sum + n, 0),
        rejectFiles: [],
        sampleRejects,
      };
      if (result.rejectedRows > 0 && request.keepGoodRows !== true) {
        throw new ImportRolledBack({ ...result, committed: false });
      }
      if (counts.some((count) => count.inserted + count.updated > 0)) await bumpDataVersion(tx);
      return result;
    });
  } catch (error) {
    if (!(error instanceof ImportRolledBack)) {
      await rejectsWriter.abort();
      throw error;
    }
    summary = error.summary;
  }
  summary.rejectFiles = await rejectsWriter.finish();
  if (request.rejectsPath === undefined) await removeStaleRejectFiles(inputs, summary.rejectFiles);
  await logImportRun(store, summary, inputs, request.source ?? 'native', startedAt, request.now);
  return summary;
}

/** A clean re-run must not leave the previous run's report lying beside the input. */
async function removeStaleRejectFiles(inputs: readonly ImportInput[], written: readonly string[]) {
  for (const { file } of inputs) {
    const path = defaultRejectsPath(file);
    if (!written.includes(path)) await rm(path, { force: true });
  }
}

function orderByDependency(inputs: readonly ImportInput[]): ImportInput[] {
  const rank = (entity: Entity) =>
    ENTITIES.findIndex((candidate) => candidate.name === entity.name);
  return [...inputs].sort((a, b) => rank(a.entity) - rank(b.entity));
}

function findEntityOrThrow(name: string): Entity {
  const entity = ENTITIES.find((candidate) => candidate.name === name);
  if (!entity) throw new Error(`entity ${name} is referenced but not defined`);
  return entity;
}

async function openReaders(store: Store, inputs: readonly ImportInput[]): Promise<RecordReader[]> {
  const readers: RecordReader[] = [];
  for (const { file, openReader } of inputs) {
    try {
      readers.push(await (openReader ?? openCanonicalReader)(file, store));
    } catch (error) {
      throw new RetainError(
        'INVALID_ARGUMENT',
        `Cannot read ${file}: ${(error as Error).message}`,
        {
          hint: 'Check the path and that the file is readable.',
          cause: error,
        },
      );
    }
  }
  return readers;
}

function openCanonicalReader(file: string): Promise<RecordReader> {
  return isNdjson(file) ? openNdjsonReader(file) : openCsvReader(file);
}

function isNdjson(file: string): boolean {
  return ['.ndjson', '.jsonl', '.json'].includes(extname(file).toLowerCase());
}

async function readParseDefaults(store: Store): Promise<ParseDefaults> {
  const rows = await store.query<{ value: string }>(
    `SELECT value FROM settings WHERE key = 'reporting_currency'`,
  );
  return { currency: rows[0]?.value ?? 'USD' };
}

/** Reads every file once: good rows go to the stage tables, bad ones to the rejects. */
async function stageFiles(
  store: Store,
  inputs: readonly ImportInput[],
  readers: readonly RecordReader[],
  defaults: ParseDefaults,
  onProgress: ImportRequest['onProgress'],
): Promise<void> {
  const totalBytes = readers.reduce((sum, reader) => sum + reader.totalBytes, 0);
  let doneBytes = 0;
  let seq = 0;
  let rejectBatch: string[][] = [];
  const flushRejects = async () => {
    if (rejectBatch.length > 0)
      await store.appendRows(`temp.${REJECTS_TABLE}`, REJECT_COLUMNS, rejectBatch);
    rejectBatch = [];
  };

  for (const [fileIndex, input] of inputs.entries()) {
    const reader = readers[fileIndex];
    if (!reader) continue;
    const { entity, file } = input;
    const reject = (line: number, problem: RecordProblem) =>
      rejectBatch.push([
        String(seq++),
        String(fileIndex),
        file,
        String(line),
        problem.column,
        problem.value,
        problem.reason,
        problem.fix,
      ]);
    const missingColumns = findMissingColumns(entity, reader);
    if (missingColumns.length > 0) {
      for (const problem of missingColumns) reject(1, problem);
      await flushRejects();
      doneBytes += reader.totalBytes;
      continue;
    }
    const stageTable = `temp.${stageTableOf(entity)}`;
    const stageColumns = stageColumnsOf(entity);
    let rowBatch: (string | null)[][] = [];
    reading: for await (const records of reader.batches) {
      for (const record of records) {
        if ('problem' in record) {
          reject(record.line, record.problem);
          if (record.isFatal) break reading;
          continue;
        }
        const parsed = parseRecord(entity, record.cells, defaults);
        if (parsed.ok) {
          const values = entity.columns.map((column) => parsed.row[column] ?? null);
          rowBatch.push([
            String(seq++),
            String(fileIndex),
            String(record.line),
            ...values,
            parsed.attributes,
          ]);
        } else {
          for (const problem of parsed.problems) reject(record.line, problem);
        }
      }
      if (rowBatch.length >= BATCH_ROWS) {
        await store.appendRows(stageTable, stageColumns, rowBatch);
        rowBatch = [];
        onProgress?.(doneBytes + reader.bytesRead(), totalBytes);
      }
      if (rejectBatch.length >= BATCH_ROWS) await flushRejects();
    }
    if (rowBatch.length > 0) await store.appendRows(stageTable, stageColumns, rowBatch);
    await flushRejects();
    doneBytes += reader.totalBytes;
    onProgress?.(doneBytes, totalBytes);
  }
}

/** A header without a required column makes every row of the file unusable: one reject says so. */
function findMissingColumns(entity: Entity, reader: RecordReader): RecordProblem[] {
  const columns = reader.columns;
  if (columns === undefined) return [];
  return entity.requiredColumns
    .filter((column) => !columns.includes(column))
    .map((column) => ({
      column,
      value: '',
      reason: `required column of ${entity.name} is missing from the header; no row of this file was read`,
      fix: `add a ${column} column (columns found: ${columns.join(', ') || 'none'})`,
    }));
}

async function countRejectedRows(
  store: Store,
  inputs: readonly ImportInput[],
): Promise<Map<string, number>> {
  const rows = await store.query<{ file_index: string; n: number }>(
    `SELECT file_index, CAST(count(DISTINCT line) AS INTEGER) AS n FROM ${REJECTS_TABLE} GROUP BY file_index`,
  );
  const byEntity = new Map<string, number>();
  for (const row of rows) {
    const entity = inputs[Number(row.file_index)]?.entity.name ?? 'unknown';
    byEntity.set(entity, (byEntity.get(entity) ?? 0) + row.n);
  }
  return byEntity;
}

/** Streams the rejects, in file and line order, to the writer; returns the first few. */
async function writeRejects(
  store: Store,
  inputs: readonly ImportInput[],
  writer: ReturnType<typeof openRejectsWriter>,
): Promise<Reject[]> {
  await store.query(`DROP TABLE IF EXISTS ordered_rejects`);
  await store.query(
    `CREATE TEMPORARY TABLE ordered_rejects AS
     SELECT row_number() OVER (ORDER BY CAST(file_index AS INTEGER), CAST(line AS INTEGER), CAST(seq AS BIGINT)) AS rn, *
     FROM ${REJECTS_TABLE}`,
  );
  const sample: Reject[] = [];
  for (let from = 0; ; from += REJECT_PAGE_ROWS) {
    const page = await store.query<{
      file_index: string;
      file: string;
      line: string;
      column_name: string;
      value: string | null;
      reason: string;
      fix: string;
    }>(
      `SELECT file_index, file, line, column_name, value, reason, fix FROM ordered_rejects
       WHERE rn > $1 AND rn <= $2 ORDER BY rn`,
      [from, from + REJECT_PAGE_ROWS],
    );
    if (page.length === 0) break;
    const byFile = new Map<string, Reject[]>();
    for (const row of page) {
      const reject: Reject = {
        file: row.file,
        line: Number(row.line),
        column: row.column_name,
        value: row.value ?? '',
        reason: row.reason,
        fix: row.fix,
      };
      if (sample.length < SAMPLE_REJECTS) sample.push(reject);
      const inputFile = inputs[Number(row.file_index)]?.file ?? row.file;
      byFile.set(inputFile, [...(byFile.get(inputFile) ?? []), reject]);
    }
    for (const [inputFile, rejects] of byFile) await writer.write(rejects, inputFile);
  }
  await store.query(`DROP TABLE ordered_rejects`);
  return sample;
}

async function logImportRun(
  store: Store,
  summary: ImportSummary,
  inputs: readonly ImportInput[],
  source: string,
  startedAt: Date,
  now: ImportRequest['now'],
): Promise<void> {
  const total = (key: 'inserted' | 'updated' | 'unchanged') =>
    summary.counts.reduce((sum, count) => sum + count[key], 0);
  await store.query(
    `INSERT INTO import_runs (id, started_at, finished_at, source, entities, files, inserted, updated, unchanged, rejected, committed)
     VALUES ($1, CAST($2 AS TIMESTAMP), CAST($3 AS TIMESTAMP), $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      summary.runId,
      startedAt.toISOString().replace('Z', ''),
      (now ?? (() => new Date()))().toISOString().replace('Z', ''),
      source,
      [...new Set(inputs.map((input) => input.entity.name))].join(','),
      inputs.map((input) => input.file).join(','),
      summary.committed ? total('inserted') : 0,
      summary.committed ? total('updated') : 0,
      summary.committed ? total('unchanged') : 0,
      summary.rejectedRows,
      summary.committed,
    ],
  );
}
