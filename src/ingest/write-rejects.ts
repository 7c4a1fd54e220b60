/**
 * Writes the rejects of an import as CSV (file, line, column, value, reason,
 * fix): next to each input file as `<name>.rejects.csv`, or all into one
 * file. Each file is written under a temporary name and renamed into place,
 * so a reader never sees half a report.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { Reject } from '../domain/reject.js';

const HEADER = ['file', 'line', 'column', 'value', 'reason', 'fix'];

/** `data/orders.csv` → `data/orders.rejects.csv`. */
export function defaultRejectsPath(inputFile: string): string {
  const extension = extname(inputFile);
  return join(dirname(inputFile), `${basename(inputFile, extension)}.rejects.csv`);
}

export interface RejectsWriter {
  /** Appends rejects found in `inputFile`; resolves once the output can take more. */
  write(rejects: readonly Reject[], inputFile: string): Promise<void>;
  /** Renames every written file into place and returns their paths. */
  finish(): Promise<string[]>;
  /** Deletes the temporary files (the import failed before its report). */
  abort(): Promise<void>;
}

export function openRejectsWriter(singleTarget: string | undefined): RejectsWriter {
  const outputs = new Map<string, { temp: string; stream: WriteStream }>();
  const targetOf = (inputFile: string) => singleTarget ?? defaultRejectsPath(inputFile);

  const outputFor = (target: string) => {
    let output = outputs.get(target);
    if (!output) {
      const temp = `${target}.tmp-${process.pid}`;
      output = { temp, stream: createWriteStream(temp) };
      output.stream.write(stringify([HEADER]));
      outputs.set(target, output);
    }
    return output;
  };

  return {
    async write(rejects, inputFile) {
      if (rejects.length === 0) return;
      const { stream } = outputFor(targetOf(inputFile));
      const text = stringify(
        rejects.map((r) => [r.file, r.line, r.column, r.value, r.reason, r.fix]),
      );
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async finish() {
      const written: string[] = [];
      for (const [target, { temp, stream }] of outputs) {
        stream.end();
        await finished(stream);
        await rename(temp, target);
        written.push(target);
      }
      outputs.clear();
      return written;
    },
    async abort() {
      for (const { temp, stream } of outputs.values()) {
        stream.end();
        await finished(stream).catch(() => undefined);
        await rm(temp, { force: true });
      }
      outputs.clear();
    },
  };
}
