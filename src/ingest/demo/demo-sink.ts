/**
 * Where the demo generator puts its rows: straight into a store, or into
 * canonical CSV files (for `retain demo --out` and the import tests). Rows
 * are text in the canonical form the importer would produce.
 */
import type { EntityName } from '../../domain/entities/index.js';

/** One value per column of the entity, in `entity.columns` order; null for empty. */
export type DemoValues = readonly (string | null)[];

export interface DemoSink {
  /** `attributes` are the extra, non-canonical columns (say `contract_type`), kept as JSON. */
  add(entity: EntityName, values: DemoValues, attributes?: Readonly<Record<string, string>>): void;
  /** Called by the generator every few hundred customers, so buffers stay small. */
  flush(): Promise<void>;
}
