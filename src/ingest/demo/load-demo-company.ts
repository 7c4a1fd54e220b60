/**
 * Puts the demo company into a store, in one transaction. A store that
 * already holds data is refused unless the caller asks to replace it, so a
 * stray `retain demo` can never mix synthetic rows into a real workspace.
 */
import { ENTITIES } from '../../domain/entities/index.js';
import { RetainError } from '../../domain/errors.js';
import { bumpDataVersion } from '../../store/data-version.js';
import type { Store } from '../../store/store.js';
import { generateDemoCompany, type DemoOptions, type DemoStats } from './generate-demo-company.js';
import { createStoreSink } from './store-sink.js';

export type LoadDemoOptions = DemoOptions & {
  /** Delete every canonical row first. */
  readonly replace?: boolean;
  readonly onProgress?: (customersDone: number, customersTotal: number) => void;
};

export async function loadDemoCompany(store: Store, options: LoadDemoOptions): Promise<DemoStats> {
  return store.transaction(async (tx) => {
    const rowCount = await countCanonicalRows(tx);
    if (rowCount > 0 && options.replace !== true) {
      throw new RetainError(
        'CONFLICT',
        `${store.location} already holds ${rowCount} rows of data.`,
        {
          hint: 'Pass --replace to delete them and load the demo company, or use another --db file.',
        },
      );
    }
    for (const entity of ENTITIES) await tx.query(`DELETE FROM ${entity.name}`);
    const sink = createStoreSink(tx);
    const stats = await generateDemoCompany(options, sink, options.onProgress);
    await sink.flush();
    await bumpDataVersion(tx);
    return stats;
  });
}

/** Rows across every canonical table; 0 means a fresh workspace. */
export async function countCanonicalRows(store: Store): Promise<number> {
  const union = ENTITIES.map((entity) => `SELECT count(*) AS n FROM ${entity.name}`).join(
    ' UNION ALL ',
  );
  const [row] = await store.query<{ n: number }>(
    `SELECT CAST(sum(n) AS INTEGER) AS n FROM (${union}) counts`,
  );
  return row?.n ?? 0;
}
