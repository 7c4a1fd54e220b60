/**
 * What a transcript's file name says: the conversation id (the name without
 * `.vtt` or Zoom's `.transcript.vtt`) and, for Zoom's cloud recordings, the
 * meeting's start. Zoom stamps it in UTC, `GMT20240115-150000_Recording…`;
 * Teams names carry no time, so their calls need a manifest.
 */
import { basename } from 'node:path';
import type { FieldOutcome } from '../../../domain/entities/fields.js';
import { parseField } from '../../../domain/entities/fields.js';

const VTT_EXTENSION = /(?:\.transcript)?\.vtt$/i;
const ZOOM_STAMP = /GMT(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/;
const NO_STAMP_FIX =
  "list the file in a manifest CSV with an occurred_at column, or name it like Zoom's GMTyyyymmdd-hhmmss_…";

/** Whether `file` is a transcript itself rather than a manifest listing them. */
export function isVttFile(file: string): boolean {
  return /\.vtt$/i.test(file);
}

/** `GMT20240115-150000_Recording.transcript.vtt` → `GMT20240115-150000_Recording`. */
export function toConversationId(file: string): string {
  return basename(file).replace(VTT_EXTENSION, '');
}

/** The start stamped in a Zoom file name, as an ISO-8601 UTC time. */
export function parseZoomStartTime(file: string): FieldOutcome {
  const stamp = ZOOM_STAMP.exec(basename(file));
  if (stamp === null) {
    return {
      ok: false,
      reason: 'cannot be read from the file name, which has no Zoom GMTyyyymmdd-hhmmss start stamp',
      fix: NO_STAMP_FIX,
    };
  }
  const [, year, month, day, hour, minute, second] = stamp;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
  const outcome = parseField({ kind: 'timestamp' }, iso);
  // The ISO text, not the canonical one: the importer parses it again, as for every source.
  return outcome.ok
    ? { ok: true, value: iso }
    : {
        ok: false,
        reason: `${outcome.reason} in the file name's stamp ${stamp[0]}`,
        fix: NO_STAMP_FIX,
      };
}
