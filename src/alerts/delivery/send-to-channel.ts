/** Sends one alert message over one channel; throws with the reason when it did not go out. */
import type { Alert } from '../alert.js';
import { parseEmailTarget, type DeliveryChannel } from '../channels.js';
import type { AlertMessage, Assignee } from './alert-message.js';
import { postJson } from './post-json.js';
import { sendMail } from './send-mail.js';
import { SIGNATURE_HEADER, signBody } from './sign-body.js';

export async function sendToChannel(
  channel: DeliveryChannel,
  alert: Alert,
  message: AlertMessage,
  assignee: Assignee | undefined,
  timeoutMs: number,
): Promise<void> {
  switch (channel.kind) {
    case 'webhook': {
      const body = JSON.stringify(message.payload);
      await postJson(
        channel.target,
        body,
        {
          ...(channel.secret ? { [SIGNATURE_HEADER]: signBody(body, channel.secret) } : {}),
          'X-Retain-Event': 'alert.raised',
          // Lets a receiver drop the repeat when a retry follows a lost acknowledgement.
          'X-Retain-Delivery': `${alert.id}/${channel.id}`,
        },
        timeoutMs,
      );
      return;
    }
    case 'slack':
      await postJson(channel.target, JSON.stringify({ text: message.text }), {}, timeoutMs);
      return;
    case 'email': {
      const to = parseEmailTarget(channel.target).to ?? assignee?.email ?? undefined;
      if (!to) {
        throw new Error(
          `no recipient: channel ${channel.id} has no to= address and the alert's assignee has no e-mail`,
        );
      }
      await sendMail(
        channel.target,
        { to, subject: message.subject, text: message.text },
        timeoutMs,
      );
      return;
    }
  }
}
