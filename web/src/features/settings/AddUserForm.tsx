/** Adds a user with a first password; managers and reps are linked to their row in reps. */
import { useState, type FormEvent } from 'react';
import { useSignedInSession } from '../../app/useSession.js';
import { ProblemNotice } from '../../components/LoadState.js';
import { Panel } from '../../components/Panel.js';
import { sendJson } from '../../lib/api.js';
import type { Role, UserRow } from '../../lib/api-types.js';
import { readField } from '../../lib/read-field.js';
import { useWrite } from './useWrite.js';

const ROLES: readonly Role[] = ['admin', 'manager', 'rep'];

export type AddUserFormProps = { onAdded: () => void };

export function AddUserForm({ onAdded }: AddUserFormProps) {
  const { csrfToken } = useSignedInSession();
  const [role, setRole] = useState<Role>('rep');
  const { run, problem, isSending } = useWrite();
  const [added, setAdded] = useState<string>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const repId = readField(form, 'rep_id').trim();
    setAdded(undefined);
    run(
      () =>
        sendJson<UserRow>('POST', '/api/users', {
          csrfToken,
          body: {
            email: readField(form, 'email'),
            role,
            password: readField(form, 'password'),
            ...(repId === '' ? {} : { rep_id: repId }),
          },
        }),
      (user) => {
        setAdded(user?.email);
        formElement.reset();
        onAdded();
      },
    );
  };

  return (
    <Panel title="Add a user">
      <form className="stacked-form" onSubmit={submit}>
        <label>
          E-mail
          <input name="email" type="email" required autoComplete="off" />
        </label>
        <label>
          Role
          <select
            value={role}
            onChange={(event) =>
              setRole(ROLES.find((known) => known === event.target.value) ?? 'rep')
            }
          >
            {ROLES.map((known) => (
              <option key={known} value={known}>
                {known}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rep id{role === 'admin' ? ' (optional)' : ''}
          <input name="rep_id" required={role !== 'admin'} autoComplete="off" />
        </label>
        <label>
          First password (10 characters or more)
          <input
            name="password"
            type="password"
            minLength={10}
            required
            autoComplete="new-password"
          />
        </label>
        {problem === undefined ? null : <ProblemNotice problem={problem} />}
        {added === undefined ? null : (
          <p className="notice" role="status">
            Added {added}.
          </p>
        )}
        <button type="submit" disabled={isSending}>
          Add user
        </button>
      </form>
    </Panel>
  );
}
