/**
 * A `--source` other than Retain's own files: a vendor whose exports map, per
 * entity, to records of canonical cells. The entity stays the user's choice
 * (`retain import subscriptions export.csv --source stripe`); the source picks
 * the export format of that entity whose header the file has.
 */
import type { Entity } from '../../domain/entities/index.js';
import type { Store } from '../../store/store.js';
import type { RecordReader } from '../readers/raw-record.js';
import type { ExportMapping } from './export-mapping.js';
import { openExportReader } from './open-export-reader.js';

export type Source = {
  /** The `--source` value. */
  readonly name: string;
  /** Entities this source can import, in import order. */
  readonly entities: readonly string[];
  /** Reads `file` as records of `entity`; the store answers lookups such as owner names. */
  openReader(entity: Entity, file: string, store: Store): Promise<RecordReader>;
};

/** A source whose files are CSV exports, each entity read by the first of its mappings that fits. */
export function defineExportSource(
  name: string,
  mappingsByEntity: Readonly<Record<string, readonly ExportMapping[]>>,
): Source {
  return {
    name,
    entities: Object.keys(mappingsByEntity),
    openReader(entity, file, store) {
      const mappings = mappingsByEntity[entity.name];
      if (mappings === undefined)
        throw new Error(`--source ${name} has no mapping for ${entity.name}`);
      return openExportReader(file, entity, mappings, store);
    },
  };
}
