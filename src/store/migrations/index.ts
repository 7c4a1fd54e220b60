import { canonicalEntities } from './0001-canonical-entities.js';
import { importRuns } from './0002-import-runs.js';
import { dataVersion } from './0003-data-version.js';
import { clvPredictions } from './0004-clv-predictions.js';
import { users } from './0007-users.js';
import { fxRateLookup } from './0008-fx-rate-lookup.js';
import { alerts } from './0010-alerts.js';
import { healthAndTrackers } from './0011-health-and-trackers.js';

export type Migration = {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
};

/** Every schema version in order; the last one is what this build writes. */
export const MIGRATIONS: readonly Migration[] = [
  canonicalEntities,
  importRuns,
  dataVersion,
  clvPredictions,
  users,
  fxRateLookup,
  alerts,
  healthAndTrackers,
];

/** Versions are numbered by the issue that owns them, so they may skip; the last is the latest. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
