/**
 * `retain import <entity> <file...>`: loads canonical CSV or NDJSON files.
 * `auto` takes each file's entity from its name (customers.csv, a folder of
 * them), so a whole export lands in one atomic import. Exit status 1 when
 * any row was rejected.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { ENTITY_NAMES, findEntity } from '../../domain/entities/index.js';
import { RetainError } from '../../domain/errors.js';
import { formatReject } from '../../domain/reject.js';
import { importFiles, type ImportInput, type ImportSummary } from '../../ingest/import-files.js';
import { readImportHistory, type ImportRunRow } from '../../ingest/import-history.js';
import { VENDOR_SOURCES } from '../../ingest/sources/vendor-sources.js';
import { configOf, withRuntime, writeErr, writeOut } from '../context.js';
import { EXIT_REJECTED_ROWS } from '../exit-codes.js';
import {
  parseOutputFormat,
  renderCsv,
  renderJson,
  renderTable,
  type TableColumn,
} from '../output.js';
import { startProgress } from '../progress.js';

type ImportOptions = {
  source: string;
  keepGoodRows?: boolean;
  rejects?: string;
  history?: boolean;
  format?: string;
};

const AUTO = 'auto';
const SAMPLE_SHOWN = 10;
const MIB = 1024 * 1024;

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import canonical CSV or NDJSON files (upsert by id; all or nothing)')
    .argument(
      '[entity]',
      `${ENTITY_NAMES.join(', ')}, or "${AUTO}" to take each entity from its file name`,
    )
    .argument(
      '[files...]',
      'CSV (comma, semicolon or tab) or NDJSON (.ndjson, .jsonl) files, or folders with auto; .vtt transcripts or their manifest CSV with --source vtt',
    )
    .addOption(
      new Option(
        '--source <source>',
        "format of the files: Retain's own columns (native) or a vendor's export",
      )
        .choices(['native', ...VENDOR_SOURCES.map((source) => source.name)])
        .default('native'),
    )
    .option('--keep-good-rows', 'commit the valid rows even when some are rejected')
    .option('--rejects <file>', 'write all rejected rows here instead of <input>.rejects.csv')
    .option('--history', 'list past imports instead of importing')
    .option('--format <format>', 'table, json or csv')
    .action(
      async (
        entityName: string | undefined,
        files: string[],
        options: ImportOptions,
        command: Command,
      ) => {
        const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
        if (options.history) {
          const runs = await withRuntime(command, (runtime) => readImportHistory(runtime.store));
          writeOut(
            format === 'json'
              ? renderJson(runs)
              : (format === 'csv' ? renderCsv : renderTable)(runs, HISTORY_COLUMNS),
          );
          return;
        }
        const inputs = withSource(await resolveInputs(entityName, files), options.source);
        const summary = await withRuntime(command, async (runtime) => {
          const progress = startProgress('Importing', runtime.config.isInteractive, ' MiB');
          try {
            return await importFiles(runtime.store, {
              inputs,
              keepGoodRows: options.keepGoodRows === true,
              ...(options.rejects === undefined ? {} : { rejectsPath: options.rejects }),
              source: options.source,
              onProgress: (done, total) =>
                progress.update(Math.round(done / MIB), Math.max(1, Math.round(total / MIB))),
            });
          } finally {
            progress.stop();
          }
        });
        if (format === 'json') writeOut(renderJson(summary));
        else if (format === 'csv') writeOut(renderCsv(summary.counts, COUNT_COLUMNS));
        else writeOut(renderTable(summary.counts, COUNT_COLUMNS));
        reportRejects(summary);
        if (summary.rejectedRows > 0) process.exitCode = EXIT_REJECTED_ROWS;
      },
    );
}

const COUNT_COLUMNS: TableColumn<ImportSummary['counts'][number]>[] = [
  { header: 'entity', value: (row) => row.entity },
  { header: 'inserted', value: (row) => row.inserted },
  { header: 'updated', value: (row) => row.updated },
  { header: 'unchanged', value: (row) => row.unchanged },
  { header: 'rejected', value: (row) => row.rejected },
];

const HISTORY_COLUMNS: TableColumn<ImportRunRow>[] = [
  { header: 'finished_at', value: (row) => row.finished_at },
  { header: 'source', value: (row) => row.source },
  { header: 'entities', value: (row) => row.entities },
  { header: 'inserted', value: (row) => row.inserted },
  { header: 'updated', value: (row) => row.updated },
  { header: 'unchanged', value: (row) => row.unchanged },
  { header: 'rejected', value: (row) => row.rejected },
  { header: 'committed', value: (row) => (row.committed ? 'yes' : 'no') },
];

/** Diagnostics go to stderr, so `--format json` output stays parseable. */
function reportRejects(summary: ImportSummary): void {
  if (summary.rejectedRows === 0) return;
  const rows = summary.rejectedRows === 1 ? '1 row was' : `${summary.rejectedRows} rows were`;
  writeErr(
    summary.committed
      ? `${rows} rejected; the other rows were written (--keep-good-rows).\n`
      : `${rows} rejected, so nothing was written: an import is all or nothing. The counts above are what it would have done.\n` +
          `Fix the rows and import again, or pass --keep-good-rows to write the valid ones.\n`,
  );
  for (const reject of summary.sampleRejects.slice(0, SAMPLE_SHOWN))
    writeErr(`  ${formatReject(reject)}\n`);
  if (summary.sampleRejects.length > SAMPLE_SHOWN || summary.rejectedRows > SAMPLE_SHOWN)
    writeErr('  …\n');
  writeErr(`Every rejected row, with its reason: ${summary.rejectFiles.join(', ')}\n`);
}

async function resolveInputs(
  entityName: string | undefined,
  files: readonly string[],
): Promise<ImportInput[]> {
  if (entityName === undefined || files.length === 0) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      'retain import needs an entity and at least one file.',
      {
        hint: `For example: retain import customers customers.csv, or retain import ${AUTO} ./export/`,
      },
    );
  }
  if (entityName === AUTO) return resolveByFileName(files);
  const entity = findEntity(entityName);
  if (!entity) {
    throw new RetainError('INVALID_ARGUMENT', `"${entityName}" is not an entity Retain imports.`, {
      hint: `Use one of: ${ENTITY_NAMES.join(', ')}, or ${AUTO}.`,
    });
  }
  return files.map((file) => ({ entity, file }));
}

/** A vendor export is read through its source's mapping for the entity the user named. */
function withSource(inputs: readonly ImportInput[], sourceName: string): ImportInput[] {
  const source = VENDOR_SOURCES.find((candidate) => candidate.name === sourceName);
  if (source === undefined) return [...inputs];
  return inputs.map((input) => {
    if (!source.entities.includes(input.entity.name)) {
      throw new RetainError(
        'INVALID_ARGUMENT',
        `--source ${source.name} does not import ${input.entity.name}.`,
        { hint: `Its exports import as: ${source.entities.join(', ')}.` },
      );
    }
    return {
      ...input,
      openReader: (file, store) => source.openReader(input.entity, file, store),
    };
  });
}

async function resolveByFileName(paths: readonly string[]): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  for (const path of paths) {
    const isFolder = (await stat(path).catch(() => undefined))?.isDirectory() === true;
    const files = isFolder ? (await readdir(path)).sort().map((name) => join(path, name)) : [path];
    for (const file of files) {
      const entity = findEntity(basename(file, extname(file)));
      if (entity) inputs.push({ entity, file });
      else if (!isFolder) {
        throw new RetainError(
          'INVALID_ARGUMENT',
          `Cannot tell which entity ${file} holds from its name.`,
          {
            hint: `Name it after an entity (${ENTITY_NAMES.join(', ')}), or give the entity instead of ${AUTO}.`,
          },
        );
      }
    }
  }
  if (inputs.length === 0) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `No file named after an entity in ${paths.join(', ')}.`,
      {
        hint: 'Files must be called customers.csv, subscriptions.ndjson and so on.',
      },
    );
  }
  return inputs;
}
