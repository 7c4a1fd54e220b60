/**
 * Reads a vendor export as records of canonical cells. The CSV reader does
 * the parsing (quoting, encoding, line numbers), the mapping that matches the
 * header renames and converts, and every column it does not read rides along
 * as an attribute. Validation, references, staging and the upsert then happen
 * in the importer, exactly as for a native file.
 */
import { Readable } from 'node:stream';
import type { Entity } from '../../domain/entities/index.js';
import type { Store } from '../../store/store.js';
import { openCsvReader } from '../readers/csv-reader.js';
import type { RawRecord, RecordReader } from '../readers/raw-record.js';
import { dropFooter } from './drop-footer.js';
import type { ExportMapping, MappingContext } from './export-mapping.js';
import { ExportRow } from './export-row.js';
import { keepLatestPerId } from './keep-latest-per-id.js';
import { matchExportHeader } from './match-export-header.js';
import { readOwnerDirectory } from './owner-directory.js';

const METADATA_SUFFIX = '_metadata';

export async function openExportReader(
  file: string,
  entity: Entity,
  mappings: readonly ExportMapping[],
  store: Store,
): Promise<RecordReader> {
  const csv = await openCsvReader(file);
  // Records carry canonical names, not the header's: the importer checks each record instead.
  const reader = {
    columns: undefined,
    totalBytes: csv.totalBytes,
    bytesRead: () => csv.bytesRead(),
  };
  const header = csv.columns ?? [];
  // An empty or broken header is reported by the CSV reader itself, in its batches.
  if (header.length === 0) return { ...reader, batches: csv.batches };
  const match = matchExportHeader(mappings, header);
  if (!match.ok) {
    const records: RawRecord[] = match.problems.map((problem, index) => ({
      line: 1,
      problem,
      isFatal: index === match.problems.length - 1,
    }));
    return { ...reader, batches: Readable.from([records]) };
  }
  const { mapping, columnOf } = match;
  const context: MappingContext = { owners: await readOwnerDirectory(store) };
  const attributeNames = nameAttributes(header, entity, mapping, columnOf);
  const rows = mapping.footer === undefined ? csv.batches : dropFooter(csv.batches, mapping.footer);
  const mapped = mapBatches(rows, async (record) => {
    const row = new ExportRow(entity, mapping.columns, columnOf, record.cells);
    const cells = await mapping.map(row, context);
    if (row.problems.length > 0)
      return row.problems.map((problem) => ({ line: record.line, problem, isFatal: false }));
    if (cells === undefined) return [];
    const attributes: Record<string, string> = {};
    for (const [column, name] of attributeNames) attributes[name] = record.cells[column] ?? '';
    return [{ line: record.line, cells: { ...attributes, ...cells } }];
  });
  const batches =
    mapping.latestPerId === undefined
      ? mapped
      : keepLatestPerId(mapped, mapping.latestPerId.newestBy);
  return { ...reader, batches };
}

async function* mapBatches(
  batches: AsyncIterable<readonly RawRecord[]>,
  mapRecord: (record: Extract<RawRecord, { cells: unknown }>) => Promise<RawRecord[]>,
): AsyncIterable<readonly RawRecord[]> {
  for await (const batch of batches) {
    const mapped: RawRecord[] = [];
    // One record at a time: a mapping that reads files then holds one open, not a batch of them.
    for (const record of batch)
      mapped.push(...('problem' in record ? [record] : await mapRecord(record)));
    yield mapped;
  }
}

/**
 * Header column → attribute name, for every column kept as an attribute.
 * `tier (metadata)` is kept as `tier`; a name the entity or an earlier column
 * already uses stays as the header has it, or gets the vendor's prefix, so an
 * attribute never overwrites a canonical column.
 */
function nameAttributes(
  header: readonly string[],
  entity: Entity,
  mapping: ExportMapping,
  columnOf: Partial<Record<string, string>>,
): Map<string, string> {
  const readColumns = new Map(
    Object.entries(columnOf).map(([key, column]) => [column, mapping.columns[key]]),
  );
  const used = new Set(entity.columns);
  const names = new Map<string, string>();
  for (const column of header) {
    const read = readColumns.get(column);
    if (read !== undefined && read.isKept !== true) continue;
    if (mapping.keepsColumn !== undefined && !mapping.keepsColumn(column)) continue;
    const preferred = column.endsWith(METADATA_SUFFIX)
      ? column.slice(0, -METADATA_SUFFIX.length)
      : column;
    const prefixed = `${mapping.vendor.toLowerCase()}_${column}`;
    const name = [preferred, column].find((candidate) => !used.has(candidate)) ?? prefixed;
    used.add(name);
    names.set(column, name);
  }
  return names;
}
