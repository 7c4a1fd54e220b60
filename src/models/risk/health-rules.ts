/**
 * The health score's rule set: a JSON document a workspace can edit
 * (`retain risk rules --set rules.json`), kept in the store's settings
 * table, validated before use. Each rule takes points off (or adds them)
 * when one signal lies in a band; the score is 100 plus the points of the
 * rules that hold, clamped to 0..100 (higher is healthier, as Gainsight and
 * Totango use it), and a customer below `threshold` is at risk.
 */
import { z } from 'zod';
import {
  parseSettingsDocument,
  readSettingsDocument,
  writeSettingsDocument,
  type SettingsDocument,
} from '../../store/settings-document.js';
import type { Store } from '../../store/store.js';

/** The signals a rule may name: exactly those readHealthFeatures provides (it checks). */
export const SIGNAL_NAMES = [
  'usage_trend',
  'active_user_drop',
  'failed_invoices_30d',
  'card_lapses_before_charge',
  'open_escalations',
  'nps_latest',
  'nps_change',
  'days_since_owner_contact',
  'days_to_renewal',
  'seat_change_90d',
  'tracker_hits_30d',
  'probability_alive',
  'mrr',
  'tenure_days',
] as const;

export type SignalName = (typeof SIGNAL_NAMES)[number];

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _'),
    /** Shown to people; `{value}` is replaced by the signal's value. */
    reason: z.string().min(1),
    signal: z.enum(SIGNAL_NAMES),
    /** The band: every bound given must hold (below <, at_most <=, above >, at_least >=). */
    below: z.number().optional(),
    at_most: z.number().optional(),
    above: z.number().optional(),
    at_least: z.number().optional(),
    points: z.number().min(-100).max(100),
  })
  .strict()
  .refine(
    (rule) => [rule.below, rule.at_most, rule.above, rule.at_least].some((b) => b !== undefined),
    { message: 'give the band at least one bound: below, at_most, above or at_least' },
  );

export const healthRulesSchema = z
  .object({
    threshold: z.number().min(0).max(100),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    for (const [index, rule] of set.rules.entries()) {
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: 'is used twice' });
      seen.add(rule.id);
    }
  });

export type HealthRule = z.infer<typeof ruleSchema>;
export type HealthRules = z.infer<typeof healthRulesSchema>;

/**
 * The defaults, each a signal customer-success teams watch. Bands of one
 * signal never overlap, so a customer loses the points of one band only.
 */
export const DEFAULT_HEALTH_RULES: HealthRules = {
  threshold: 60,
  rules: [
    {
      id: 'usage_collapsed',
      reason: 'usage down {value} (last 30 days vs the 60 before)',
      signal: 'usage_trend',
      at_most: -0.5,
      points: -25,
    },
    {
      id: 'usage_down',
      reason: 'usage down {value} (last 30 days vs the 60 before)',
      signal: 'usage_trend',
      above: -0.5,
      at_most: -0.2,
      points: -10,
    },
    {
      id: 'active_users_drop',
      reason: '{value} of active users gone',
      signal: 'active_user_drop',
      at_least: 0.3,
      points: -10,
    },
    {
      id: 'failed_invoice',
      reason: '{value} failed invoice(s) in the last 30 days',
      signal: 'failed_invoices_30d',
      at_least: 1,
      points: -15,
    },
    {
      id: 'card_expiring',
      reason: 'default card lapses before the next charge',
      signal: 'card_lapses_before_charge',
      at_least: 1,
      points: -15,
    },
    {
      id: 'open_escalation',
      reason: '{value} open complaint, objection or claim',
      signal: 'open_escalations',
      at_least: 1,
      below: 2,
      points: -10,
    },
    {
      id: 'open_escalations',
      reason: '{value} open complaints, objections or claims',
      signal: 'open_escalations',
      at_least: 2,
      points: -20,
    },
    {
      id: 'nps_detractor',
      reason: 'NPS detractor (last answer {value})',
      signal: 'nps_latest',
      at_most: 6,
      points: -15,
    },
    {
      id: 'nps_falling',
      reason: 'NPS fell by {value}',
      signal: 'nps_change',
      at_most: -3,
      points: -10,
    },
    {
      id: 'owner_silent',
      reason: 'no contact from the owner for {value} days',
      signal: 'days_since_owner_contact',
      above: 60,
      points: -10,
    },
    {
      id: 'renewal_soon',
      reason: 'annual renewal in {value} days',
      signal: 'days_to_renewal',
      at_most: 60,
      points: -5,
    },
    {
      id: 'seats_cut',
      reason: 'seats down {value} in 90 days',
      signal: 'seat_change_90d',
      below: 0,
      points: -10,
    },
    {
      id: 'risk_talk',
      reason: '{value} risk phrase(s) in calls in the last 30 days',
      signal: 'tracker_hits_30d',
      at_least: 1,
      below: 3,
      points: -15,
    },
    {
      id: 'risk_talk_repeated',
      reason: '{value} risk phrases in calls in the last 30 days',
      signal: 'tracker_hits_30d',
      at_least: 3,
      points: -25,
    },
    {
      id: 'probably_gone',
      reason: 'probability alive {value} (CLV model)',
      signal: 'probability_alive',
      below: 0.2,
      points: -50,
    },
    {
      id: 'fading',
      reason: 'probability alive {value} (CLV model)',
      signal: 'probability_alive',
      at_least: 0.2,
      below: 0.5,
      points: -30,
    },
  ],
};

const HEALTH_RULES_DOCUMENT: SettingsDocument<HealthRules> = {
  key: 'health_rules',
  title: 'the health rules',
  schema: healthRulesSchema,
  defaults: DEFAULT_HEALTH_RULES,
  hint: `Each rule needs id, reason, signal (one of ${SIGNAL_NAMES.join(', ')}), a band (below, at_most, above, at_least) and points; \`retain risk rules\` prints the current rules, and README "Health score" explains them.`,
};

/** The workspace's rules, or the defaults when it has none. */
export function readHealthRules(store: Store): Promise<HealthRules> {
  return readSettingsDocument(store, HEALTH_RULES_DOCUMENT);
}

/** Saves the workspace's rules; undefined goes back to the defaults. */
export function writeHealthRules(store: Store, rules: HealthRules | undefined): Promise<void> {
  return writeSettingsDocument(store, HEALTH_RULES_DOCUMENT, rules);
}

/** Parses a rules document; `source` names it in the error (a file, or the settings table). */
export function parseHealthRules(text: string, source: string): HealthRules {
  return parseSettingsDocument(HEALTH_RULES_DOCUMENT, text, source);
}
