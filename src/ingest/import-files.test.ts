import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { withTempStore, writeFixture } from '../../test/helpers/temp-store.js';
import { ENTITIES, findEntity, type Entity } from '../domain/entities/index.js';
import { formatReject } from '../domain/reject.js';
import type { Store } from '../store/store.js';
import { importFiles, type ImportInput, type ImportSummary } from './import-files.js';

const CANONICAL_FIXTURES = join(import.meta.dirname, '../../test/fixtures/canonical');

function entityOrThrow(name: string): Entity {
  const entity = findEntity(name);
  if (!entity) throw new Error(`no entity ${name}`);
  return entity;
}

async function canonicalInputs(folder = CANONICAL_FIXTURES): Promise<ImportInput[]> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.csv')).sort();
  return files.map((name) => ({
    entity: entityOrThrow(name.replace('.csv', '')),
    file: join(folder, name),
  }));
}

/** Every canonical row of the store, as sorted JSON lines: equal snapshots mean equal data. */
async function snapshot(store: Store): Promise<string[]> {
  const lines: string[] = [];
  for (const entity of ENTITIES) {
    const rows = await store.query(`SELECT * FROM ${entity.name}`);
    lines.push(...rows.map((row) => `${entity.name} ${JSON.stringify(row)}`));
  }
  return lines.sort();
}

/** Writes a table back out as a canonical CSV, attributes as extra columns. */
async function exportTable(store: Store, entity: Entity, dir: string): Promise<string> {
  const rows = await store.query(`SELECT * FROM ${entity.name}`);
  const attributeColumns = [
    ...new Set(
      rows.flatMap((row) => Object.keys(JSON.parse(String(row.attributes ?? '{}')) as object)),
    ),
  ];
  const header = [...entity.columns, ...attributeColumns];
  const body = rows.map((row) => {
    const attributes = JSON.parse(String(row.attributes ?? '{}')) as Record<string, string>;
    return [
      ...entity.columns.map((column) => row[column]),
      ...attributeColumns.map((column) => attributes[column]),
    ].map((value) => (value === null || value === undefined ? '' : String(value)));
  });
  return writeFixture(dir, `${entity.name}.csv`, stringify([header, ...body]));
}

function totals(summary: ImportSummary) {
  return summary.counts.reduce(
    (sum, count) => ({
      inserted: sum.inserted + count.inserted,
      updated: sum.updated + count.updated,
      unchanged: sum.unchanged + count.unchanged,
    }),
    { inserted: 0, updated: 0, unchanged: 0 },
  );
}

/** Imports one file of `entity` with `content` on top of the canonical fixtures. */
async function importOne(
  store: Store,
  dir: string,
  entity: string,
  content: string,
  options: { keepGoodRows?: boolean } = {},
) {
  const file = await writeFixture(dir, `${entity}.csv`, content);
  return importFiles(store, { inputs: [{ entity: entityOrThrow(entity), file }], ...options });
}

describe('importFiles', () => {
  it('imports one file of every entity and reads back exact values', async () => {
    await withTempStore(async (store) => {
      const summary = await importFiles(store, { inputs: await canonicalInputs() });
      expect(summary.committed).toBe(true);
      expect(summary.rejectedRows).toBe(0);
      expect(summary.counts).toHaveLength(ENTITIES.length);
      expect(totals(summary)).toEqual({ inserted: 32, updated: 0, unchanged: 0 });

      const [subscription] = await store.query(`SELECT * FROM subscriptions WHERE id = 'sub_2'`);
      expect(subscription).toMatchObject({
        mrr: '49.9',
        started_at: '2024-02-10T00:00:00Z',
        ended_at: '2024-06-10T00:00:00Z',
        trial_ends_at: '2024-02-24T00:00:00Z',
        end_reason: 'voluntary',
        seats: 1,
      });
      // +01:00 becomes UTC, and a missing currency is the reporting currency.
      expect(
        await store.query(`SELECT ordered_at, amount, currency FROM orders ORDER BY id`),
      ).toEqual([
        { ordered_at: '2024-03-01T11:00:00Z', amount: '120.5', currency: 'EUR' },
        { ordered_at: '2024-05-01T00:00:00Z', amount: '80', currency: 'USD' },
      ]);
      expect(await store.query(`SELECT is_default FROM payment_methods ORDER BY id`)).toEqual([
        { is_default: true },
        { is_default: true },
      ]);
      expect(await store.query(`SELECT comment FROM nps_responses WHERE id = 'nps_1'`)).toEqual([
        { comment: 'Great support,\nfast answers' },
      ]);
    });
  });

  it('keeps unknown columns as JSON attributes', async () => {
    await withTempStore(async (store) => {
      await importFiles(store, { inputs: await canonicalInputs() });
      expect(await store.query(`SELECT id, attributes FROM customers ORDER BY id`)).toEqual([
        { id: 'cus_1', attributes: '{"contract_type":"annual"}' },
        { id: 'cus_2', attributes: '{"contract_type":"monthly"}' },
      ]);
      expect(
        await store.query(`SELECT count(*) AS n FROM subscriptions WHERE attributes IS NULL`),
      ).toEqual([{ n: 2 }]);
    });
  });

  it('round-trips every entity: exported tables import into a fresh store as the same data', async () => {
    await withTempStore(async (first, dir) => {
      await importFiles(first, { inputs: await canonicalInputs() });
      const exported: ImportInput[] = [];
      for (const entity of ENTITIES)
        exported.push({ entity, file: await exportTable(first, entity, dir) });

      const again = await importFiles(first, { inputs: exported });
      expect(totals(again)).toEqual({ inserted: 0, updated: 0, unchanged: 32 });

      await withTempStore(async (second) => {
        const copy = await importFiles(second, { inputs: exported });
        expect(copy.rejectedRows).toBe(0);
        expect(await snapshot(second)).toEqual(await snapshot(first));
      });
    });
  });

  it('re-importing the same files changes nothing and says so', async () => {
    await withTempStore(async (store) => {
      await importFiles(store, { inputs: await canonicalInputs() });
      const before = await snapshot(store);
      const second = await importFiles(store, { inputs: await canonicalInputs() });
      expect(totals(second)).toEqual({ inserted: 0, updated: 0, unchanged: 32 });
      expect(await snapshot(store)).toEqual(before);
    });
  });

  it('updates a row whose values changed and counts the rest as unchanged', async () => {
    await withTempStore(async (store, dir) => {
      await importFiles(store, { inputs: await canonicalInputs() });
      const summary = await importOne(
        store,
        dir,
        'customers',
        'id,name,created_at,segment,region,industry,acquisition_channel,owner_rep_id,contract_type\n' +
          'cus_1,"Acme, Inc.",2024-01-03T09:00:00Z,smb,emea,software,outbound,rep_1,annual\n' +
          'cus_2,"Globex ""Labs""",2024-02-10,enterprise,north_america,retail,referral,rep_1,monthly\n' +
          'cus_3,New Co,2024-03-01,,,,,,\n',
      );
      expect(summary.counts).toEqual([
        { entity: 'customers', inserted: 1, updated: 1, unchanged: 1, rejected: 0 },
      ]);
      expect(await store.query(`SELECT segment FROM customers WHERE id = 'cus_2'`)).toEqual([
        { segment: 'enterprise' },
      ]);
    });
  });

  it('leaves the store exactly as it was when one line of a file is bad', async () => {
    await withTempStore(async (store, dir) => {
      await importFiles(store, { inputs: await canonicalInputs() });
      const before = await snapshot(store);
      const summary = await importOne(
        store,
        dir,
        'orders',
        'id,customer_id,ordered_at,amount,currency\nord_3,cus_1,2024-06-01,10,USD\nord_4,cus_2,2024-06-02,"49,90",USD\nord_5,cus_2,2024-06-03,5,USD\n',
      );
      expect(summary.committed).toBe(false);
      expect(summary.counts).toEqual([
        { entity: 'orders', inserted: 2, updated: 0, unchanged: 0, rejected: 1 },
      ]);
      expect(await snapshot(store)).toEqual(before);
      const file = join(dir, 'orders.csv');
      expect(summary.rejectFiles).toEqual([join(dir, 'orders.rejects.csv')]);
      expect(await readFile(join(dir, 'orders.rejects.csv'), 'utf8')).toBe(
        'file,line,column,value,reason,fix\n' +
          `${file},3,amount,"49,90",is not a decimal number,"use a dot as the decimal separator, e.g. 49.90"\n`,
      );
    });
  });

  it('commits the valid rows with keepGoodRows and still reports the bad ones', async () => {
    await withTempStore(async (store, dir) => {
      await importFiles(store, { inputs: await canonicalInputs() });
      const summary = await importOne(
        store,
        dir,
        'orders',
        'id,customer_id,ordered_at,amount\nord_3,cus_1,2024-06-01,10\nord_4,cus_2,yesterday,5\n',
        { keepGoodRows: true },
      );
      expect(summary.committed).toBe(true);
      expect(summary.rejectedRows).toBe(1);
      expect(await store.query(`SELECT id FROM orders ORDER BY id`)).toEqual([
        { id: 'ord_1' },
        { id: 'ord_2' },
        { id: 'ord_3' },
      ]);
    });
  });

  it('removes the previous run’s rejects file once the input is clean', async () => {
    await withTempStore(async (store, dir) => {
      await importFiles(store, { inputs: await canonicalInputs() });
      await importOne(
        store,
        dir,
        'orders',
        'id,customer_id,ordered_at,amount\nord_9,cus_1,2024-13-01,1\n',
      );
      await expect(stat(join(dir, 'orders.rejects.csv'))).resolves.toBeTruthy();
      const clean = await importOne(
        store,
        dir,
        'orders',
        'id,customer_id,ordered_at,amount\nord_9,cus_1,2024-12-01,1\n',
      );
      expect(clean.rejectedRows).toBe(0);
      await expect(stat(join(dir, 'orders.rejects.csv'))).rejects.toThrow();
    });
  });

  it('accepts references to rows of the same import, in any file order', async () => {
    await withTempStore(async (store, dir) => {
      const subscriptions = await writeFixture(
        dir,
        'subscriptions.csv',
        'id,customer_id,started_at,mrr\ns1,c1,2024-01-01,10\n',
      );
      const customers = await writeFixture(dir, 'customers.csv', 'id,created_at\nc1,2024-01-01\n');
      const summary = await importFiles(store, {
        inputs: [
          { entity: entityOrThrow('subscriptions'), file: subscriptions },
          { entity: entityOrThrow('customers'), file: customers },
        ],
      });
      expect(summary.rejectedRows).toBe(0);
      expect(summary.counts.map((count) => [count.entity, count.inserted])).toEqual([
        ['customers', 1],
        ['subscriptions', 1],
      ]);
    });
  });

  it('imports NDJSON the same way as CSV', async () => {
    await withTempStore(async (store, dir) => {
      await importFiles(store, { inputs: await canonicalInputs() });
      const file = await writeFixture(
        dir,
        'nps.ndjson',
        '{"id":"nps_3","customer_id":"cus_1","responded_at":"2024-06-01T10:00:00Z","score":10}\n{"id":"nps_4","customer_id":"cus_1","responded_at":"2024-06-02","score":11}\n',
      );
      const summary = await importFiles(store, {
        inputs: [{ entity: entityOrThrow('nps_responses'), file }],
      });
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:2:score: "11" is out of range — use a value between 0 and 10`,
      ]);
    });
  });

  describe('rejects each kind of bad row with file, line, column, value, reason and fix', () => {
    type Case = { name: string; entity: string; content: string; expected: string[] };
    const cases: Case[] = [
      {
        name: 'a required value that is empty',
        entity: 'customers',
        content: 'id,created_at\n,2024-01-01\n',
        expected: [':2:id: is required but empty — fill in a value; this column may not be blank'],
      },
      {
        name: 'a required column missing from the header',
        entity: 'subscriptions',
        content: 'id,customer_id,started_at\ns9,cus_1,2024-01-01\n',
        expected: [
          ':1:mrr: required column of subscriptions is missing from the header; no row of this file was read — add a mrr column (columns found: id, customer_id, started_at)',
        ],
      },
      {
        name: 'a number that is not a number, and a date that is not a date, on one row',
        entity: 'subscriptions',
        content: 'id,customer_id,started_at,mrr,seats\ns9,cus_1,01/02/2024,ten,2.5\n',
        expected: [
          ':2:started_at: "01/02/2024" is not an ISO-8601 date or date-time — use ISO-8601, e.g. 2025-08-01 or 2025-08-01T14:30:00Z (UTC unless an offset such as +02:00 is given)',
          ':2:mrr: "ten" is not a decimal number — write a number in major units with a dot, e.g. 49.90',
          ':2:seats: "2.5" is not a whole number — write an integer without a decimal part, e.g. 12',
        ],
      },
      {
        name: 'a value outside its enum',
        entity: 'invoices',
        content: 'id,customer_id,issued_at,amount,status\ni9,cus_1,2024-01-01,10,settled\n',
        expected: [
          ':2:status: "settled" is not an allowed value — use one of: paid, failed, refunded, open',
        ],
      },
      {
        name: 'an NPS score out of 0..10',
        entity: 'nps_responses',
        content: 'id,customer_id,responded_at,score\nn9,cus_1,2024-01-01,-1\n',
        expected: [':2:score: "-1" is out of range — use a value between 0 and 10'],
      },
      {
        name: 'an end before its start',
        entity: 'subscriptions',
        content: 'id,customer_id,started_at,ended_at,mrr\ns9,cus_1,2024-05-01,2024-04-30,10\n',
        expected: [
          ':2:ended_at: "2024-04-30" is before started_at — make ended_at the same as or later than started_at, or leave it empty',
        ],
      },
      {
        name: 'an empty half-open period',
        entity: 'marketing_spend',
        content: 'id,period_start,period_end,channel,amount\nm9,2024-01-01,2024-01-01,events,100\n',
        expected: [
          ':2:period_end: "2024-01-01" is not after period_start — period_end is exclusive: make it later than period_start',
        ],
      },
      {
        name: 'an unknown currency code',
        entity: 'orders',
        content: 'id,customer_id,ordered_at,amount,currency\no9,cus_1,2024-01-01,10,EURO\n',
        expected: [
          ':2:currency: "EURO" is not an ISO-4217 currency code — use a three-letter code such as USD, EUR or GBP',
        ],
      },
      {
        name: 'a reference to a customer that exists nowhere',
        entity: 'orders',
        content: 'id,customer_id,ordered_at,amount\no9,cus_404,2024-01-01,10\n',
        expected: [
          ':2:customer_id: "cus_404" names a customer that is neither in the store nor in this import — import the customers first, or name their file in the same retain import command',
        ],
      },
      {
        name: 'a key repeated within the import',
        entity: 'orders',
        content:
          'id,customer_id,ordered_at,amount\no9,cus_1,2024-01-01,10\no9,cus_1,2024-01-02,11\n',
        expected: [
          ':3:id: "o9" repeats the id of {file} line 2 — keep one row per id: merge the two rows or remove one',
        ],
      },
      {
        name: 'a row with too many fields',
        entity: 'orders',
        content: 'id,customer_id,ordered_at,amount\no9,cus_1,2024-01-01,10,20\n',
        expected: [
          ':2: "o9,cus_1,2024-01-01,10,20" has 5 fields but the header has 4 — quote any field that contains the delimiter (,) or a line break, and give every row 4 fields',
        ],
      },
      {
        name: 'a broken quote',
        entity: 'orders',
        content: 'id,customer_id,ordered_at,amount\no9,"cus_1"x,2024-01-01,10\n',
        expected: [
          ':2: has a quoted field that is not closed properly; lines after it were not read — quote the whole field and write a quote inside it as two quotes (""), e.g. "5"" screen"',
        ],
      },
      {
        name: 'a team goal without its team',
        entity: 'goals',
        content:
          'id,metric,scope,period_start,period_end,target\ng9,calls_per_rep_per_day,team,2024-01-01,2024-02-01,50\n',
        expected: [
          ':2:scope_id: is required for a team or rep goal — give the team name or the rep id the goal belongs to',
        ],
      },
    ];

    for (const testCase of cases) {
      it(`rejects ${testCase.name}`, async () => {
        await withTempStore(async (store, dir) => {
          await importFiles(store, { inputs: await canonicalInputs() });
          const before = await snapshot(store);
          const summary = await importOne(store, dir, testCase.entity, testCase.content);
          const file = join(dir, `${testCase.entity}.csv`);
          expect(summary.sampleRejects.map(formatReject)).toEqual(
            testCase.expected.map((line) => `${file}${line.replaceAll('{file}', file)}`),
          );
          expect(summary.committed).toBe(false);
          expect(await snapshot(store)).toEqual(before);
        });
      });
    }
  });
});
