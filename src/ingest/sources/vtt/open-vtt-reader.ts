/**
 * A `.vtt` file imported by itself: one conversation, a call, whose id is the
 * file's name and whose start comes from Zoom's stamp in it. Problems inside
 * the file are rejects at their own line; without a stamp the file is refused
 * at line 1, since a conversation must have a time and guessing one (the
 * file's modification time, say) would misplace it silently.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { RawRecord, RecordReader } from '../../readers/raw-record.js';
import { parseTranscript } from './parse-transcript.js';
import { parseZoomStartTime, toConversationId } from './zoom-file-name.js';

export async function openVttReader(file: string): Promise<RecordReader> {
  const bytes = await readFile(file);
  return {
    columns: undefined,
    totalBytes: bytes.length,
    bytesRead: () => bytes.length,
    batches: Readable.from([readRecords(file, bytes.toString('utf8'))]),
  };
}

function readRecords(file: string, text: string): RawRecord[] {
  const occurredAt = parseZoomStartTime(file);
  const parsed = parseTranscript(text);
  if (occurredAt.ok && parsed.ok) {
    const cells = {
      id: toConversationId(file),
      occurred_at: occurredAt.value ?? '',
      channel: 'call',
      transcript: parsed.transcript,
    };
    return [{ line: 1, cells }];
  }
  const problems: RawRecord[] = [];
  if (!occurredAt.ok) {
    const { reason, fix } = occurredAt;
    const problem = { column: 'occurred_at', value: basename(file), reason, fix };
    problems.push({ line: 1, problem, isFatal: false });
  }
  for (const { line, ...problem } of parsed.ok ? [] : parsed.problems)
    problems.push({ line, problem: { column: 'transcript', ...problem }, isFatal: false });
  return problems;
}
