/** Settings: for now, who may sign in. Only admins manage users; the API refuses anyone else. */
import { useState } from 'react';
import { useSignedInSession } from '../../app/useSession.js';
import { EmptyState } from '../../components/LoadState.js';
import { AddUserForm } from './AddUserForm.js';
import { UserList } from './UserList.js';

export function SettingsPage() {
  const { user } = useSignedInSession();
  // Bumped after each add or removal, so the list reloads.
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((current) => current + 1);
  return (
    <>
      <h1>Settings</h1>
      {user.role === 'admin' ? (
        <div className="panel-grid">
          <UserList version={version} onRemoved={reload} />
          <AddUserForm onAdded={reload} />
        </div>
      ) : (
        <EmptyState message="Only admins manage users. Ask one to add or remove people." />
      )}
    </>
  );
}
