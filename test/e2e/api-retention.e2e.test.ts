import { describe, expect, it } from 'vitest';
import type { CohortMatrix, SurvivalReport } from '../../src/api/contract/retention.js';
import { createUser, issueApiToken } from '../../src/api/auth/users.js';
import {
  RETENTION_AS_OF,
  REVENUE_COHORTS_BY_SEGMENT,
  seedRetentionFixture,
} from '../helpers/retention-fixture.js';
import { ApiClient, withServer } from '../helpers/start-server.js';
import { withTempStore } from '../helpers/temp-store.js';

type OpenApi = {
  paths: Record<
    string,
    {
      get: {
        parameters: { name: string }[];
        responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }>;
      };
    }
  >;
};

describe('GET /api/cohorts and /api/survival', () => {
  it('answer like the CLI, one matrix or curve per segment with `by`, and document their JSON', async () => {
    await withTempStore(async (store) => {
      await seedRetentionFixture(store);
      await createUser(store, { email: 'admin@example.com', role: 'admin' }, RETENTION_AS_OF);
      const token = await issueApiToken(store, 'admin@example.com', RETENTION_AS_OF);
      await withServer(store, RETENTION_AS_OF, async ({ baseUrl }) => {
        const client = new ApiClient(baseUrl, token);
        const cohorts = await client.getJson<CohortMatrix>(
          '/api/cohorts?from=2024-01-01&to=2024-04-01&by=segment&basis=revenue',
        );
        expect(cohorts).toEqual({
          grain: 'month',
          basis: 'revenue',
          by: 'segment',
          cohorts: REVENUE_COHORTS_BY_SEGMENT,
        });

        // enterprise: c gone after 55 days; smb: b gone after 36 of 3 at risk; e (no segment) censored.
        const survival = await client.getJson<SurvivalReport>('/api/survival?by=segment');
        expect(survival.by).toBe('segment');
        expect(
          survival.curves.map((curve) => [
            curve.segment,
            curve.customers,
            curve.median_days,
            curve.median_lower_days,
            curve.median_upper_days,
            curve.points.map((point) => [point.days, point.at_risk, point.survival]),
          ]),
        ).toEqual([
          ['enterprise', 1, 55, 55, 55, [[55, 1, 0]]],
          // S = 1 × (1 − 1/3), in the estimator's own floating-point order.
          ['smb', 3, null, 36, null, [[36, 3, 1 - 1 / 3]]],
          [null, 1, null, null, null, []],
        ]);
        // Acquired 10 to 20 January: b and c, gone after 36 and 55 days; the median is 36.
        expect(
          await client.getJson<SurvivalReport>('/api/survival?from=2024-01-10&to=2024-01-21'),
        ).toMatchObject({ by: null, curves: [{ customers: 2, events: 2, median_days: 36 }] });

        const unknown = await client.request('GET', '/api/cohorts?by=colour');
        expect(unknown.status).toBe(400);
        expect(await unknown.json()).toMatchObject({
          detail: '"colour" is not a column results can be cut by.',
          hint: 'Use one of: segment, region, industry, acquisition_channel, owner_rep_id, team, plan.',
        });

        const openapi = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as OpenApi;
        const parameters = (path: string) =>
          openapi.paths[path]?.get.parameters.map((parameter) => parameter.name).sort();
        expect(parameters('/api/cohorts')).toEqual(
          ['as_of', 'basis', 'by', 'from', 'grain', 'to', 'tz', 'where'].sort(),
        );
        expect(parameters('/api/survival')).toEqual(
          ['as_of', 'by', 'from', 'to', 'tz', 'where'].sort(),
        );
        const responseOf = (path: string) =>
          openapi.paths[path]?.get.responses['200']?.content['application/json']?.schema.$ref;
        expect(responseOf('/api/cohorts')).toBe('#/components/schemas/CohortMatrix');
        expect(responseOf('/api/survival')).toBe('#/components/schemas/SurvivalReport');
      });
    });
  });
});
