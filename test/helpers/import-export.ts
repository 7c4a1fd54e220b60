/**
 * Imports vendor export files into a test store the way
 * `retain import <entity> <file> --source <name>` does: through the source's
 * reader, then the ordinary importer.
 */
import { findEntity } from '../../src/domain/entities/index.js';
import { importFiles, type ImportSummary } from '../../src/ingest/import-files.js';
import type { Source } from '../../src/ingest/sources/source.js';
import type { Store } from '../../src/store/store.js';

export async function importExport(
  store: Store,
  source: Source,
  entityName: string,
  file: string,
  options: { keepGoodRows?: boolean } = {},
): Promise<ImportSummary> {
  const entity = findEntity(entityName);
  if (entity === undefined) throw new Error(`no entity ${entityName}`);
  return importFiles(store, {
    inputs: [
      { entity, file, openReader: (path, target) => source.openReader(entity, path, target) },
    ],
    source: source.name,
    ...options,
  });
}
