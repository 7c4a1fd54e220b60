/**
 * Keyword trackers: named lists of phrases listened for in conversations,
 * kept per workspace in the settings table (`retain trackers set file.json`)
 * and validated before use. A tracker listens to the customer's side by
 * default (what the rep says about pricing is not a pricing objection), and
 * skips a phrase negated within a few words before it ("we won't cancel").
 */
import { z } from 'zod';
import {
  parseSettingsDocument,
  readSettingsDocument,
  writeSettingsDocument,
  type SettingsDocument,
} from '../../store/settings-document.js';
import type { Store } from '../../store/store.js';

export const TRACKER_SPEAKERS = ['customer', 'rep', 'anyone'] as const;

const trackerSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _'),
    phrases: z.array(z.string().trim().min(1)).min(1),
    /** Whose turns count; a transcript without speakers counts whole. */
    speaker: z.enum(TRACKER_SPEAKERS).default('customer'),
    /** Words before a phrase searched for a negation; 0 turns the check off. */
    negation_window: z.number().int().min(0).max(10).default(4),
  })
  .strict();

export const trackersSchema = z
  .array(trackerSchema)
  .min(1)
  .superRefine((trackers, ctx) => {
    const seen = new Set<string>();
    for (const [index, tracker] of trackers.entries()) {
      if (seen.has(tracker.name))
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'is used twice' });
      seen.add(tracker.name);
    }
  });

export type Tracker = z.infer<typeof trackerSchema>;

/** Phrases are matched with their simple inflections: "cancel" also finds "cancelled" and "cancelling". */
export const DEFAULT_TRACKERS: readonly Tracker[] = [
  {
    name: 'cancel_intent',
    phrases: [
      'cancel',
      'cancellation',
      'terminate the contract',
      'not renew',
      'end our subscription',
    ],
    speaker: 'customer',
    negation_window: 4,
  },
  {
    name: 'pricing',
    phrases: ['too expensive', 'budget cut', 'cheaper', 'price increase', 'cost too much'],
    speaker: 'customer',
    negation_window: 4,
  },
  {
    name: 'competitor',
    phrases: ['switch to', 'competitor', 'alternative', 'evaluate other'],
    speaker: 'customer',
    negation_window: 4,
  },
  {
    name: 'disengagement',
    phrases: ['not using it much', 'stopped using', 'no longer need', 'not getting value'],
    speaker: 'customer',
    negation_window: 0,
  },
];

const TRACKERS_DOCUMENT: SettingsDocument<Tracker[]> = {
  key: 'trackers',
  title: 'the trackers',
  schema: trackersSchema,
  defaults: [...DEFAULT_TRACKERS],
  hint: 'Give an array of {"name", "phrases": [...], "speaker": customer|rep|anyone, "negation_window": words}; `retain trackers list --format json` prints the current ones, and README "Keyword trackers" explains them.',
};

/** The workspace's trackers, or the defaults when it has none. */
export function readTrackers(store: Store): Promise<Tracker[]> {
  return readSettingsDocument(store, TRACKERS_DOCUMENT);
}

/** Saves the workspace's trackers; undefined goes back to the defaults. */
export function writeTrackers(
  store: Store,
  trackers: readonly Tracker[] | undefined,
): Promise<void> {
  return writeSettingsDocument(store, TRACKERS_DOCUMENT, trackers && [...trackers]);
}

/** Parses a trackers document; `source` names it in the error. */
export function parseTrackers(text: string, source: string): Tracker[] {
  return parseSettingsDocument(TRACKERS_DOCUMENT, text, source);
}
