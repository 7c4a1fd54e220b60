import { describe, expect, it } from 'vitest';
import { withTempDir, writeFixture } from '../../../test/helpers/temp-store.js';
import { openNdjsonReader } from './ndjson-reader.js';
import type { RawRecord } from './raw-record.js';

async function readAll(content: string): Promise<RawRecord[]> {
  return withTempDir(async (dir) => {
    const reader = await openNdjsonReader(await writeFixture(dir, 'input.ndjson', content));
    const records: RawRecord[] = [];
    for await (const batch of reader.batches) records.push(...batch);
    return records;
  });
}

describe('openNdjsonReader', () => {
  it('turns each object into cell text: numbers, booleans, nulls and nested values', async () => {
    const records = await readAll(
      '\uFEFF{"id":"c1","Seats":3,"is_default":true,"ended_at":null,"tags":["a"]}\r\n\n{"id":"c2"}',
    );
    expect(records).toEqual([
      { line: 1, cells: { id: 'c1', seats: '3', is_default: 'true', ended_at: '', tags: '["a"]' } },
      { line: 3, cells: { id: 'c2' } },
    ]);
  });

  it('rejects a line that is not JSON, or not an object, and reads on', async () => {
    const records = await readAll('{"id":"c1"}\n{"id": oops}\n[1,2]\n{"id":"c4"}\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 4]);
    expect(records[1]).toMatchObject({
      isFatal: false,
      problem: { value: '{"id": oops}', fix: 'write one JSON object per line' },
    });
    expect(records[2]).toMatchObject({ problem: { reason: 'is not a JSON object' } });
  });
});
