/**
 * A demo sink that writes one canonical CSV per entity (`customers.csv`, …)
 * into a folder: the files `retain import auto <folder>` reads back, and the
 * bytes the determinism test compares.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { ENTITIES, type EntityName } from '../../domain/entities/index.js';
import type { DemoSink } from './demo-sink.js';

export type CsvSink = DemoSink & { close(): Promise<string[]> };

export async function createCsvSink(
  folder: string,
  attributeColumns: Partial<Record<EntityName, readonly string[]>>,
): Promise<CsvSink> {
  await mkdir(folder, { recursive: true });
  const streams = new Map<EntityName, { stream: WriteStream; pending: string[]; path: string }>();
  const outputOf = (entity: EntityName) => {
    let output = streams.get(entity);
    if (!output) {
      const definition = ENTITIES.find((candidate) => candidate.name === entity);
      const header = [...(definition?.columns ?? []), ...(attributeColumns[entity] ?? [])];
      const path = join(folder, `${entity}.csv`);
      output = { stream: createWriteStream(path), pending: [stringify([header])], path };
      streams.set(entity, output);
    }
    return output;
  };
  const flush = async () => {
    for (const output of streams.values()) {
      if (output.pending.length === 0) continue;
      const text = output.pending.join('');
      output.pending = [];
      if (!output.stream.write(text)) await once(output.stream, 'drain');
    }
  };
  return {
    add(entity, values, attributes) {
      const extra = (attributeColumns[entity] ?? []).map((column) => attributes?.[column] ?? null);
      outputOf(entity).pending.push(stringify([[...values, ...extra]]));
    },
    flush,
    async close() {
      await flush();
      const paths: string[] = [];
      for (const { stream, path } of streams.values()) {
        stream.end();
        await finished(stream);
        paths.push(path);
      }
      return paths.sort();
    },
  };
}
