/**
 * POST /api/imports: upload canonical CSV or NDJSON files (multipart), with
 * the same validation, atomicity and rejects as `retain import`. Admins and
 * managers only: an import changes everyone's numbers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
// The multipart plugin's types add request.parts().
import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { ENTITY_NAMES, findEntity } from '../../domain/entities/index.js';
import { RetainError } from '../../domain/errors.js';
import { importFiles, type ImportInput } from '../../ingest/import-files.js';
import type { Runtime } from '../../runtime.js';
import { requireRole } from '../auth/authenticate.js';

export function registerImportRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.post(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Import canonical files (multipart: optional field "entity", then one or more files named after their entity)',
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      requireRole(request, ['admin', 'manager']);
      const dir = await mkdtemp(join(tmpdir(), 'retain-upload-'));
      try {
        let entityName: string | undefined;
        const keepGoodRows = { value: false };
        const inputs: ImportInput[] = [];
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'entity') entityName = String(part.value);
            if (part.fieldname === 'keep_good_rows')
              keepGoodRows.value = String(part.value) === 'true';
            continue;
          }
          const name = basename(part.filename || 'upload.csv');
          const path = join(dir, name);
          await pipeline(part.file, createWriteStream(path));
          const entity = findEntity(entityName ?? basename(name, extname(name)));
          if (!entity) {
            throw new RetainError('INVALID_ARGUMENT', `Cannot tell which entity ${name} holds.`, {
              hint: `Send a field "entity" (${ENTITY_NAMES.join(', ')}) before the file, or name the file after its entity.`,
            });
          }
          inputs.push({ entity, file: path });
        }
        if (inputs.length === 0)
          throw new RetainError('INVALID_ARGUMENT', 'No file was uploaded.', {
            hint: 'Send the files as multipart/form-data.',
          });
        const summary = await importFiles(runtime.store, {
          inputs,
          keepGoodRows: keepGoodRows.value,
          rejectsPath: join(dir, 'rejects.csv'),
          source: 'api',
          now: runtime.now,
        });
        // Paths of the server's temporary folder mean nothing to the caller: name files as uploaded.
        const named = (file: string) => basename(file);
        return {
          ...summary,
          rejectFiles: [],
          sampleRejects: summary.sampleRejects.map((reject) => ({
            ...reject,
            file: named(reject.file),
          })),
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}
