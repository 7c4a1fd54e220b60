import { describe, expect, it } from 'vitest';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import { computeHealthScore } from './compute-health.js';
import type { HealthSignals } from './health-features.js';
import {
  DEFAULT_HEALTH_RULES,
  parseHealthRules,
  readHealthRules,
  writeHealthRules,
  type HealthRules,
} from './health-rules.js';

const QUIET: HealthSignals = {
  usage_trend: null,
  active_user_drop: null,
  failed_invoices_30d: 0,
  card_lapses_before_charge: 0,
  open_escalations: 0,
  nps_latest: null,
  nps_change: null,
  days_since_owner_contact: 3,
  days_to_renewal: null,
  seat_change_90d: null,
  tracker_hits_30d: 0,
  probability_alive: null,
  mrr: 100,
  tenure_days: 200,
};

const RULES: HealthRules = {
  threshold: 70,
  rules: [
    {
      id: 'usage_down',
      reason: 'usage down {value}',
      signal: 'usage_trend',
      at_most: -0.2,
      points: -20,
    },
    {
      id: 'two_escalations',
      reason: '{value} escalations',
      signal: 'open_escalations',
      at_least: 2,
      points: -15,
    },
  ],
};

describe('health rules', () => {
  it('adds the points of each rule whose band holds, and marks at risk below the threshold', () => {
    expect(computeHealthScore(QUIET, RULES)).toEqual({ health: 100, at_risk: false, reasons: [] });
    const score = computeHealthScore({ ...QUIET, usage_trend: -0.2, open_escalations: 2 }, RULES);
    expect(score).toEqual({
      health: 65,
      at_risk: true,
      reasons: [
        { rule: 'usage_down', reason: 'usage down 20 %', contribution: -20 },
        { rule: 'two_escalations', reason: '2 escalations', contribution: -15 },
      ],
    });
  });

  it('keeps the defaults’ bands of one signal apart, so a customer loses one band’s points', () => {
    const collapsed = computeHealthScore({ ...QUIET, usage_trend: -0.5 }, DEFAULT_HEALTH_RULES);
    expect(collapsed.reasons.map((r) => r.rule)).toEqual(['usage_collapsed']);
    const down = computeHealthScore({ ...QUIET, usage_trend: -0.3 }, DEFAULT_HEALTH_RULES);
    expect(down.reasons.map((r) => r.rule)).toEqual(['usage_down']);
  });

  it('refuses a rule set naming an unknown signal or a rule without a band, saying what to fix', () => {
    const text = JSON.stringify({
      threshold: 60,
      rules: [
        { id: 'a', reason: 'x', signal: 'usage', below: 0, points: -5 },
        { id: 'b', reason: 'y', signal: 'mrr', points: -5 },
      ],
    });
    expect(() => parseHealthRules(text, 'rules.json')).toThrow(
      /^rules\.json: the health rules are invalid: rules\.0\.signal: .*; rules\.1: give the band at least one bound: below, at_most, above or at_least\.$/,
    );
    expect(() => parseHealthRules('{', 'rules.json')).toThrow(
      'rules.json: the health rules are not JSON.',
    );
  });

  it('reads the defaults until a workspace saves its own, and goes back on reset', async () => {
    await withTempStore(async (store) => {
      expect(await readHealthRules(store)).toEqual(DEFAULT_HEALTH_RULES);
      await writeHealthRules(store, RULES);
      expect(await readHealthRules(store)).toEqual(RULES);
      await writeHealthRules(store, undefined);
      expect(await readHealthRules(store)).toEqual(DEFAULT_HEALTH_RULES);
    });
  });
});
