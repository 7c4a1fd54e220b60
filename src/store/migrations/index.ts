import { canonicalEntities } from './0001-canonical-entities.js';
import { importRuns } from './0002-import-runs.js';
import { dataVersion } from './0003-data-version.js';

export type Migration = {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
};

/** Every schema version in order; the last one is what this build writes. */
export const MIGRATIONS: readonly Migration[] = [canonicalEntities, importRuns, dataVersion];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
