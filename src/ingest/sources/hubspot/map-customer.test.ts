import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { findEntity } from '../../../domain/entities/index.js';
import { formatReject } from '../../../domain/reject.js';
import { importFiles } from '../../import-files.js';
import { hubspotSource } from './index.js';

const COMPANIES = join(import.meta.dirname, 'fixtures/companies.csv');
const REPS = join(import.meta.dirname, '../../../../test/fixtures/canonical/reps.csv');

describe('HubSpot companies export → customers', () => {
  it('imports every company with its owner as a rep, the rest as attributes', async () => {
    await withTempStore(async (store) => {
      const reps = findEntity('reps');
      if (reps === undefined) throw new Error('no reps entity');
      await importFiles(store, { inputs: [{ entity: reps, file: REPS }] });
      const summary = await importExport(store, hubspotSource, 'customers', COMPANIES);
      expect(summary.rejectedRows).toBe(0);
      expect(
        await store.query(
          `SELECT id, name, created_at, industry, owner_rep_id FROM customers ORDER BY id`,
        ),
      ).toEqual([
        {
          id: '9811200001',
          name: 'Acme, Inc.',
          created_at: '2023-12-18T10:04:00Z',
          industry: 'Computer Software',
          owner_rep_id: 'rep_1',
        },
        {
          id: '9811200002',
          name: 'Birch Labs',
          created_at: '2023-10-02T08:30:00Z',
          industry: 'Biotechnology',
          owner_rep_id: 'rep_1',
        },
        // A lead-stage company lands too: it is simply never an active customer.
        {
          id: '9811200003',
          name: 'Cedar & Co',
          created_at: '2024-01-15T14:25:00Z',
          industry: 'Retail',
          owner_rep_id: null,
        },
      ]);
      const [cedar] = await store.query<{ attributes: string }>(
        `SELECT attributes FROM customers WHERE id = '9811200003'`,
      );
      expect(JSON.parse(cedar?.attributes ?? '{}')).toEqual({
        city: 'Leeds',
        country_region: 'United Kingdom',
        lifecycle_stage: 'Lead',
        company_domain_name: 'cedar.example',
      });
    });
  });

  it('rejects a company without a creation date', async () => {
    await withTempStore(async (store, dir) => {
      const file = await writeFixture(
        dir,
        'companies.csv',
        'Record ID,Company name,Company owner,Create Date\n1,Acme,,\n',
      );
      const summary = await importExport(store, hubspotSource, 'customers', file);
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:2:create_date: is required but empty — fill in a value; this column may not be blank`,
      ]);
    });
  });
});
