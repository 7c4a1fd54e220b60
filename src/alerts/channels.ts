/**
 * Where alerts go: generic webhooks (JSON, signed with the channel's
 * secret), Slack-compatible incoming webhooks, and e-mail over SMTP. A
 * channel receives every alert raised while it is enabled.
 */
import { randomBytes } from 'node:crypto';
import { RetainError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { toSqlTimestamp } from '../store/sql-time.js';

export const CHANNEL_KINDS = ['webhook', 'slack', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export type DeliveryChannel = {
  id: string;
  kind: ChannelKind;
  target: string;
  secret: string | null;
  enabled: boolean;
  created_at: string;
};

export type NewChannel = { kind: string; target: string; secret?: string | undefined };

/** An SMTP server URL and the envelope, from `smtp://[user:pass@]host:port?to=…&from=…`. */
export type EmailTarget = { transportUrl: string; to: string | undefined; from: string };

export const DEFAULT_FROM = 'retain@localhost';

/** Adds a channel; a webhook without a secret gets a random one (shown once, by the caller). */
export async function addChannel(
  store: Store,
  input: NewChannel,
  now: Date,
): Promise<DeliveryChannel> {
  const kind = parseChannelKind(input.kind);
  checkTarget(kind, input.target);
  const secret =
    kind === 'webhook' ? (input.secret ?? randomBytes(24).toString('base64url')) : null;
  const channel: DeliveryChannel = {
    id: `ch_${randomBytes(4).toString('hex')}`,
    kind,
    target: input.target,
    secret,
    enabled: true,
    created_at: now.toISOString(),
  };
  await store.query(
    `INSERT INTO delivery_channels (id, kind, target, secret, enabled, created_at)
     VALUES ($1, $2, $3, $4, TRUE, CAST($5 AS TIMESTAMP))`,
    [channel.id, kind, channel.target, secret, toSqlTimestamp(now)],
  );
  return channel;
}

export function readChannels(store: Store): Promise<DeliveryChannel[]> {
  return store.query<DeliveryChannel>(
    `SELECT id, kind, target, secret, enabled, created_at FROM delivery_channels ORDER BY created_at, id`,
  );
}

/**
 * Removes a channel. Deliveries it still owed are marked failed with the
 * reason, not deleted: the alert log keeps what never went out.
 */
export async function removeChannel(store: Store, id: string): Promise<number> {
  return store.transaction(async (tx) => {
    const [channel] = await tx.query(`SELECT id FROM delivery_channels WHERE id = $1`, [id]);
    if (!channel) {
      throw new RetainError('NOT_FOUND', `There is no delivery channel ${id}.`, {
        hint: 'See the ids with retain alerts channels list.',
      });
    }
    const abandoned = await tx.query<{ alert_id: string }>(
      `UPDATE alert_deliveries SET status = 'failed', last_error = $2, next_attempt_at = NULL
       WHERE channel_id = $1 AND status = 'pending' RETURNING alert_id`,
      [id, `channel ${id} was removed before this delivery went out`],
    );
    await tx.query(`DELETE FROM delivery_channels WHERE id = $1`, [id]);
    return abandoned.length;
  });
}

/** A target safe to print: any password in it replaced by ***. */
export function maskTarget(target: string): string {
  if (!URL.canParse(target)) return target;
  const url = new URL(target);
  if (url.password) url.password = '***';
  return url.toString();
}

export function parseEmailTarget(target: string): EmailTarget {
  const url = new URL(target);
  const to = url.searchParams.get('to') ?? undefined;
  const from = url.searchParams.get('from') ?? DEFAULT_FROM;
  url.searchParams.delete('to');
  url.searchParams.delete('from');
  return { transportUrl: url.toString(), to, from };
}

function parseChannelKind(kind: string): ChannelKind {
  if ((CHANNEL_KINDS as readonly string[]).includes(kind)) return kind as ChannelKind;
  throw new RetainError('INVALID_ARGUMENT', `--kind ${kind} is not a channel kind.`, {
    hint: `Use one of: ${CHANNEL_KINDS.join(', ')}.`,
  });
}

function checkTarget(kind: ChannelKind, target: string): void {
  const url = URL.canParse(target) ? new URL(target) : undefined;
  const isEmail = kind === 'email';
  const protocols = isEmail ? ['smtp:', 'smtps:'] : ['http:', 'https:'];
  if (!url || !protocols.includes(url.protocol)) {
    throw new RetainError('INVALID_ARGUMENT', `--target ${target} is not a ${kind} target.`, {
      hint: isEmail
        ? 'Give the SMTP server and recipient as smtp://host:587?to=team@example.com (optional &from=…, user:password@ before the host; without to, each alert goes to its assignee’s e-mail).'
        : 'Give the http:// or https:// URL the alerts are POSTed to.',
    });
  }
  if (isEmail) {
    const { to, from } = parseEmailTarget(target);
    for (const address of [to, from]) {
      if (address !== undefined && !/^[^@\s]+@[^@\s]+$/.test(address)) {
        throw new RetainError(
          'INVALID_ARGUMENT',
          `"${address}" in --target is not an e-mail address.`,
          {
            hint: 'Write it as name@example.com.',
          },
        );
      }
    }
  }
}
