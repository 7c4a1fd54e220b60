/**
 * `retain digest --send`: each person's digest, mailed through the
 * configured e-mail channel's SMTP server to their `reps.email`, as HTML
 * with a plain-text part. For one rep when a rep is named; otherwise every
 * rep with an e-mail gets their own (a manager their team's).
 */
import { readChannels } from '../alerts/channels.js';
import { sendMail } from '../alerts/delivery/send-mail.js';
import { DEFAULT_DELIVERY_POLICY } from '../alerts/delivery/delivery-policy.js';
import { RetainError } from '../domain/errors.js';
import { createMetricCache } from '../metrics/metric-cache.js';
import type { Store } from '../store/store.js';
import { assembleDigest } from './assemble-digest.js';
import { formatAudience } from './render/audience-label.js';
import { formatLongDate } from './render/format.js';
import { renderDigestHtml } from './render/render-html.js';
import { renderDigestText } from './render/render-text.js';

export type DigestSending = { rep_id: string; email: string; error: string | null };

export async function sendDigests(
  store: Store,
  request: { date: string; repId?: string | undefined },
): Promise<DigestSending[]> {
  const channel = (await readChannels(store)).find(
    (candidate) => candidate.kind === 'email' && candidate.enabled,
  );
  if (!channel) {
    throw new RetainError(
      'NOT_FOUND',
      'There is no enabled e-mail channel to send the digest through.',
      {
        hint: 'Add one: retain alerts channels add --kind email --target smtp://host:587?from=retain@example.com',
      },
    );
  }
  const recipients = await store.query<{ id: string; email: string }>(
    `SELECT id, email FROM reps WHERE email IS NOT NULL AND ($1 = '' OR id = $1) ORDER BY id`,
    [request.repId ?? ''],
  );
  if (request.repId && recipients.length === 0) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `Rep ${request.repId} has no e-mail address to send to.`,
      {
        hint: 'Import the rep with an email column, or print the digest instead of sending it.',
      },
    );
  }
  // One cache for every person's digest: the KPI blocks are the same, only the cut differs.
  const cache = createMetricCache();
  const sendings: DigestSending[] = [];
  for (const recipient of recipients) {
    const digest = await assembleDigest(store, { date: request.date, repId: recipient.id, cache });
    try {
      await sendMail(
        channel.target,
        {
          to: recipient.email,
          subject: `Retain digest for ${formatAudience(digest.audience)} — ${formatLongDate(digest.date)}`,
          text: renderDigestText(digest),
          html: renderDigestHtml(digest),
        },
        DEFAULT_DELIVERY_POLICY.timeoutMs,
      );
      sendings.push({ rep_id: recipient.id, email: recipient.email, error: null });
    } catch (cause: unknown) {
      // One unreachable mailbox must not stop the others' digests; the caller reports it.
      sendings.push({
        rep_id: recipient.id,
        email: recipient.email,
        error: cause instanceof Error ? cause.message : String(cause),
      });
    }
  }
  return sendings;
}
