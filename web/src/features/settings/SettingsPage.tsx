/**
 * Settings, for admins (the API refuses anyone else): who may sign in, the
 * health rules, the keyword trackers and where alerts are delivered.
 */
import { useState } from 'react';
import { useSignedInSession } from '../../app/useSession.js';
import { EmptyState } from '../../components/LoadState.js';
import { AddUserForm } from './AddUserForm.js';
import { ChannelsPanel } from './ChannelsPanel.js';
import { HealthRulesPanel } from './HealthRulesPanel.js';
import { TrackerSettingsPanel } from './TrackerSettingsPanel.js';
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
          <HealthRulesPanel />
          <TrackerSettingsPanel />
          <ChannelsPanel />
        </div>
      ) : (
        <EmptyState message="Only admins manage users, health rules, trackers and delivery channels. Ask one to change them." />
      )}
    </>
  );
}
