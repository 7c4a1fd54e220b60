/**
 * `--source vtt`: call transcripts in WebVTT, as Zoom and Microsoft Teams
 * export them, imported as conversations. A `.vtt` file is one call, timed by
 * the stamp in Zoom's file name; any other file is a manifest CSV listing
 * the calls with their time, customer, rep and deal.
 */
import { dirname } from 'node:path';
import { openExportReader } from '../open-export-reader.js';
import { readNameDirectory } from '../name-directory.js';
import type { Source } from '../source.js';
import { buildManifestMapping } from './map-manifest.js';
import { openVttReader } from './open-vtt-reader.js';
import { isVttFile } from './zoom-file-name.js';

export const vttSource: Source = {
  name: 'vtt',
  entities: ['conversations'],
  async openReader(entity, file, store) {
    if (isVttFile(file)) return openVttReader(file);
    const mapping = buildManifestMapping(dirname(file), {
      customers: await readNameDirectory(store, 'customers'),
      deals: await readNameDirectory(store, 'deals'),
    });
    return openExportReader(file, entity, [mapping], store);
  },
};
