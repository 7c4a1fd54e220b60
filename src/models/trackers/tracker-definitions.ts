/**
 * Keyword trackers: named lists of phrases listened for in conversations,
 * kept per workspace in the settings table (`retain trackers set file.json`)
 * and validated before use. A tracker listens to the customer's side by
 * default (what the rep says about pricing is not a pricing objection), and
 * skips a phrase negated within a few words before it ("we won't cancel").
 */
import { z } from 'zod';
import { RetainError } from '../../domain/errors.js';
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

const SETTINGS_KEY = 'trackers';

/** The workspace's trackers, or the defaults when it has none. */
export async function readTrackers(store: Store): Promise<readonly Tracker[]> {
  const [row] = await store.query<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [
    SETTINGS_KEY,
  ]);
  return row === undefined ? DEFAULT_TRACKERS : parseTrackers(row.value, 'the settings table');
}

/** Saves the workspace's trackers; undefined goes back to the defaults. */
export async function writeTrackers(
  store: Store,
  trackers: readonly Tracker[] | undefined,
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query(`DELETE FROM settings WHERE key = $1`, [SETTINGS_KEY]);
    if (trackers !== undefined)
      await tx.query(`INSERT INTO settings (key, value) VALUES ($1, $2)`, [
        SETTINGS_KEY,
        JSON.stringify(trackers),
      ]);
  });
}

/** Parses a trackers document; `source` names it in the error. */
export function parseTrackers(text: string, source: string): Tracker[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RetainError('INVALID_ARGUMENT', `${source}: the trackers are not JSON.`, {
      hint: `Fix the JSON (${(error as Error).message}); \`retain trackers list --format json\` prints the current ones to start from.`,
    });
  }
  const parsed = trackersSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`)
      .join('; ');
    throw new RetainError('INVALID_ARGUMENT', `${source}: the trackers are invalid: ${problems}.`, {
      hint: 'Give an array of {"name", "phrases": [...], "speaker": customer|rep|anyone, "negation_window": words}; see README "Keyword trackers".',
    });
  }
  return parsed.data;
}
