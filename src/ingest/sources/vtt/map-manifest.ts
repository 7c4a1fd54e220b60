/**
 * A call manifest → conversations: a CSV the user writes, one row per call,
 * naming its `.vtt` file (relative to the manifest's folder) and when it
 * took place. Customers and deals may be named instead of given by id, reps
 * by e-mail or name; each is matched to the store's records, so the
 * importer's reference check still has the last word. A transcript that
 * cannot be read or parsed rejects its row, on the manifest's `file` cell.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineExportMapping, type ExportMapping } from '../export-mapping.js';
import type { ExportRow } from '../export-row.js';
import { parseExportDate, requireValue } from '../export-values.js';
import type { NameDirectory } from '../name-directory.js';
import { parseTranscript } from './parse-transcript.js';
import { toConversationId } from './zoom-file-name.js';

/** The store's customers and deals, by name. */
export type ManifestLookups = {
  readonly customers: NameDirectory;
  readonly deals: NameDirectory;
};

const COLUMNS = {
  // Kept as an attribute too: which file a transcript came from, when the row gives its own id.
  file: {
    label: 'file',
    aliases: ['file', 'transcript_file', 'vtt', 'path'],
    isRequired: true,
    isKept: true,
  },
  occurredAt: {
    label: 'occurred_at',
    aliases: ['occurred_at', 'start_time', 'started_at', 'start', 'date'],
    isRequired: true,
  },
  id: { label: 'id', aliases: ['id', 'conversation_id', 'call_id'] },
  channel: { label: 'channel', aliases: ['channel'] },
  customer: {
    label: 'customer_id',
    aliases: ['customer_id', 'customer_name', 'company', 'customer', 'company_name', 'account'],
  },
  rep: {
    label: 'rep_id',
    aliases: ['rep_id', 'rep_email', 'host_email', 'rep_name', 'host', 'rep', 'host_name'],
  },
  deal: { label: 'deal_id', aliases: ['deal_id', 'deal_name', 'deal'] },
  lead: { label: 'lead_id', aliases: ['lead_id'] },
} as const;

type ManifestKey = keyof typeof COLUMNS;

/** The manifest mapping for a manifest in `folder`. */
export function buildManifestMapping(folder: string, lookups: ManifestLookups): ExportMapping {
  return defineExportMapping<ManifestKey>({
    vendor: 'WebVTT',
    exportName: 'call manifest',
    howToExport: 'a manifest CSV with one row per call',
    columns: COLUMNS,
    async map(row, { owners }) {
      const file = row.parse(
        'file',
        requireValue((text) => ({ ok: true, value: text })),
      );
      const channel = row.field('channel', 'channel');
      return {
        id: row.text('id') || (file === '' ? '' : toConversationId(file)),
        occurred_at: row.parse('occurredAt', requireValue(parseExportDate)),
        channel: channel === '' ? 'call' : channel,
        rep_id: row.parse('rep', owners.resolve),
        customer_id: row.parse('customer', lookups.customers.resolve),
        deal_id: row.parse('deal', lookups.deals.resolve),
        lead_id: row.field('lead', 'lead_id'),
        transcript: file === '' ? '' : await readTranscript(row, resolve(folder, file)),
      };
    },
  });
}

/** The transcript `path` holds, or '' with the reason on the row's `file` cell. */
async function readTranscript(row: ExportRow<ManifestKey>, path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    row.fail(
      'file',
      code === 'ENOENT'
        ? `names a transcript that does not exist (looked for ${path})`
        : `names a transcript that cannot be read (${code ?? (error as Error).message}: ${path})`,
      "give the path of the .vtt file relative to the manifest's folder, or an absolute path, and make sure the file is readable",
    );
    return '';
  }
  const parsed = parseTranscript(text);
  if (parsed.ok) return parsed.transcript;
  for (const { line, value, reason, fix } of parsed.problems) {
    const where = value === '' ? 'that' : `whose line ${line} (${JSON.stringify(value)})`;
    row.fail('file', `names a transcript ${where} ${reason}`, fix);
  }
  return '';
}
