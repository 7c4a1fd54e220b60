/**
 * Adds a delivery channel. A webhook signs its requests with a secret: one
 * given here is kept, otherwise the API makes one and returns it this once,
 * so the page shows it until the next add and never again.
 */
import { useState, type FormEvent } from 'react';
import { useSignedInSession } from '../../app/useSession.js';
import { ProblemNotice } from '../../components/LoadState.js';
import { sendJson } from '../../lib/api.js';
import type { AddedChannel, ChannelKind } from '../../lib/api-types.js';
import { readField } from '../../lib/read-field.js';
import { useWrite } from './useWrite.js';

const KINDS: readonly { kind: ChannelKind; label: string; placeholder: string }[] = [
  { kind: 'webhook', label: 'Webhook (signed JSON)', placeholder: 'https://example.com/retain' },
  { kind: 'slack', label: 'Slack-compatible webhook', placeholder: 'https://hooks.slack.com/…' },
  { kind: 'email', label: 'E-mail (SMTP)', placeholder: 'smtp://mail:587?to=team@example.com' },
];

export type AddChannelFormProps = { onAdded: () => void };

export function AddChannelForm({ onAdded }: AddChannelFormProps) {
  const { csrfToken } = useSignedInSession();
  const { run, problem, isSending } = useWrite();
  const [kind, setKind] = useState<ChannelKind>('webhook');
  const [added, setAdded] = useState<AddedChannel>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const secret = readField(form, 'secret');
    setAdded(undefined);
    run(
      () =>
        sendJson<AddedChannel>('POST', '/api/settings/channels', {
          csrfToken,
          body: {
            kind,
            target: readField(form, 'target').trim(),
            ...(kind === 'webhook' && secret !== '' ? { secret } : {}),
          },
        }),
      (channel) => {
        setAdded(channel);
        formElement.reset();
        onAdded();
      },
    );
  };

  return (
    <form className="stacked-form" aria-label="Add a channel" onSubmit={submit}>
      <h3>Add a channel</h3>
      <label>
        Kind
        <select
          value={kind}
          onChange={(event) =>
            setKind(KINDS.find((known) => known.kind === event.target.value)?.kind ?? 'webhook')
          }
        >
          {KINDS.map((known) => (
            <option key={known.kind} value={known.kind}>
              {known.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Target
        <input
          name="target"
          required
          autoComplete="off"
          placeholder={KINDS.find((known) => known.kind === kind)?.placeholder}
        />
      </label>
      {kind === 'webhook' ? (
        <label>
          Signing secret (optional, 16 characters or more; empty makes one)
          <input name="secret" type="password" minLength={16} autoComplete="off" />
        </label>
      ) : null}
      {problem === undefined ? null : <ProblemNotice problem={problem} />}
      {added === undefined ? null : (
        <div className="notice" role="status">
          Added {added.kind} channel {added.id}.
          {added.secret === null ? null : (
            <>
              {' '}
              Its signing secret, shown this once: <code className="secret">{added.secret}</code>
            </>
          )}
        </div>
      )}
      <button type="submit" disabled={isSending}>
        Add channel
      </button>
    </form>
  );
}
