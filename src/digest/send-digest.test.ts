import { describe, expect, it } from 'vitest';
import { withSmtpInbox } from '../../test/helpers/receivers.js';
import { insertRows } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import { addChannel } from '../alerts/channels.js';
import { sendDigests } from './send-digest.js';

const NOW = new Date('2026-05-20T06:00:00Z');

describe('sending the digest', () => {
  it('mails each rep their own digest as HTML with a text part through the e-mail channel', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [
        { id: 'r1', name: 'Ravi', email: 'ravi@example.com', team: 'North', role: 'ae' },
        { id: 'r2', name: 'Rosa', email: 'rosa@example.com', team: 'North', role: 'ae' },
        // No e-mail: nothing to send to.
        { id: 'r3', name: 'Remy', team: 'North', role: 'ae' },
      ]);
      await withSmtpInbox(async (inbox) => {
        await addChannel(
          store,
          { kind: 'email', target: `${inbox.url}?from=digest@retain.test` },
          NOW,
        );
        const sendings = await sendDigests(store, { date: '2026-05-20' });
        expect(sendings).toEqual([
          { rep_id: 'r1', email: 'ravi@example.com', error: null },
          { rep_id: 'r2', email: 'rosa@example.com', error: null },
        ]);
        expect(inbox.mails.map((mail) => mail.to)).toEqual([
          ['ravi@example.com'],
          ['rosa@example.com'],
        ]);
        const [ravis] = inbox.mails;
        expect(ravis?.raw).toContain(
          'Subject: =?UTF-8?Q?Retain_digest_for_Ravi_=E2=80=94_Wednesd?=',
        );
        expect(ravis?.raw).toContain('Content-Type: multipart/alternative');
        expect(ravis?.raw).toContain('Content-Type: text/html');
      });
    });
  });

  it('refuses to send without an e-mail channel, saying how to add one', async () => {
    await withTempStore(async (store) => {
      await expect(sendDigests(store, { date: '2026-05-20' })).rejects.toThrow(
        'There is no enabled e-mail channel to send the digest through.',
      );
    });
  });
});
