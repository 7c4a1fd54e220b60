/** A titled card holding one chart or table, with optional controls beside the title. */
import { useId, type ReactNode } from 'react';

export type PanelProps = {
  title: string;
  description?: string;
  actions?: ReactNode;
  wide?: boolean;
  children: ReactNode;
};

export function Panel({ title, description, actions, wide = false, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className={wide ? 'panel panel-wide' : 'panel'} aria-labelledby={headingId}>
      <header className="panel-header">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </header>
      {description === undefined ? null : <p className="panel-description">{description}</p>}
      {children}
    </section>
  );
}
