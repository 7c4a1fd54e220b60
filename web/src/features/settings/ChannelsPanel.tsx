/** Where alerts are delivered: the channels and a form to add one; the list reloads after each change. */
import { useState } from 'react';
import { Panel } from '../../components/Panel.js';
import { AddChannelForm } from './AddChannelForm.js';
import { ChannelList } from './ChannelList.js';

export function ChannelsPanel() {
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((current) => current + 1);
  return (
    <Panel
      title="Delivery channels"
      wide
      description="Every alert raised goes to every enabled channel; one that fails is retried, and the alert log keeps what never went out."
    >
      <ChannelList version={version} onRemoved={reload} />
      <AddChannelForm onAdded={reload} />
    </Panel>
  );
}
