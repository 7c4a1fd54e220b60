/**
 * A demo sink that appends straight into the canonical tables. The generator
 * emits valid rows by construction (its tests prove it), so this skips the
 * importer's per-row validation: that is what makes 100,000 customers fast.
 */
import { ENTITIES, type EntityName } from '../../domain/entities/index.js';
import type { Store } from '../../store/store.js';
import type { DemoSink, DemoValues } from './demo-sink.js';

export function createStoreSink(store: Store): DemoSink {
  const buffers = new Map<EntityName, (string | null)[][]>();
  return {
    add(entity, values: DemoValues, attributes) {
      let buffer = buffers.get(entity);
      if (!buffer) buffers.set(entity, (buffer = []));
      buffer.push([...values, attributes === undefined ? null : JSON.stringify(attributes)]);
    },
    async flush() {
      for (const entity of ENTITIES) {
        const rows = buffers.get(entity.name);
        if (!rows || rows.length === 0) continue;
        await store.appendRows(entity.name, [...entity.columns, 'attributes'], rows);
        buffers.set(entity.name, []);
      }
    },
  };
}
