/**
 * The watch settings an admin edits: delivery channels (schemas here), and
 * the health rules and keyword trackers, whose schemas belong to the models
 * that read them (the API validates with those, so the dashboard's types are
 * theirs too).
 */
import { z } from 'zod';

export type { HealthRule, HealthRules, SignalName } from '../../models/risk/health-rules.js';
export type { Tracker } from '../../models/trackers/tracker-definitions.js';
export type { TrackerWeek } from '../../models/trackers/tracker-trends.js';

/** The kinds `addChannel` accepts (src/alerts/channels.ts checks the same list). */
export const channelKindSchema = z.enum(['webhook', 'slack', 'email']);

export const channelSchema = z
  .object({
    id: z.string(),
    kind: channelKindSchema,
    target: z.string().describe('Masked: credentials and secrets are never returned'),
    is_signed: z.boolean(),
    enabled: z.boolean(),
    created_at: z.string(),
  })
  .meta({ id: 'DeliveryChannel' });

export const newChannelSchema = z.object({
  kind: channelKindSchema,
  target: z.string().min(1),
  secret: z.string().min(16).optional(),
});

/** A channel just added, with the webhook secret it was given (shown this once). */
export const addedChannelSchema = channelSchema.extend({ secret: z.string().nullable() });

export type DeliveryChannel = z.output<typeof channelSchema>;
export type ChannelKind = z.output<typeof channelKindSchema>;
export type AddedChannel = z.output<typeof addedChannelSchema>;
