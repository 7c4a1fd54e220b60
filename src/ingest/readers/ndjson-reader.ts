/**
 * Streams newline-delimited JSON: one object per line. Numbers and booleans
 * become their text, nested values their JSON text, so every source reaches
 * validation in the same cell-text form as CSV. Write money as strings
 * ("49.90") to keep more than 15 significant digits exact.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { normalizeColumnName, type RawRecord, type RecordReader } from './raw-record.js';

export async function openNdjsonReader(path: string): Promise<RecordReader> {
  const totalBytes = (await stat(path)).size;
  const progress = { bytesRead: 0 };
  return {
    columns: undefined,
    totalBytes,
    bytesRead: () => progress.bytesRead,
    batches: readBatches(path, progress),
  };
}

async function* readBatches(
  path: string,
  progress: { bytesRead: number },
): AsyncIterable<readonly RawRecord[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    progress.bytesRead += chunk.length;
    const lines = (carry + decoder.write(chunk)).split('\n');
    carry = lines.pop() ?? '';
    const batch: RawRecord[] = [];
    for (const text of lines) {
      line += 1;
      const record = toRawRecord(text, line);
      if (record) batch.push(record);
    }
    yield batch;
  }
  const rest = carry + decoder.end();
  const last = rest === '' ? undefined : toRawRecord(rest, line + 1);
  if (last) yield [last];
}

function toRawRecord(rawText: string, line: number): RawRecord | undefined {
  const text = (line === 1 ? rawText.replace(/^\uFEFF/, '') : rawText).replace(/\r$/, '');
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return problemAt(
      line,
      text,
      `is not valid JSON (${(error as Error).message})`,
      'write one JSON object per line',
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return problemAt(
      line,
      text,
      'is not a JSON object',
      'write one object per line, e.g. {"id": "c1", "created_at": "2025-01-31"}',
    );
  }
  const cells: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed))
    cells[normalizeColumnName(key)] = toCellText(value);
  return { line, cells };
}

function toCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function problemAt(line: number, text: string, reason: string, fix: string): RawRecord {
  return { line, problem: { column: '', value: text.slice(0, 200), reason, fix }, isFatal: false };
}
