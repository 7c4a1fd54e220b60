/** Renders loaded data, or the loading, empty or error state in its place. */
import type { ReactNode } from 'react';
import type { ApiState } from '../lib/useApi.js';
import { EmptyState, Loading, ProblemNotice } from './LoadState.js';

export type AsyncViewProps<T> = {
  state: ApiState<T>;
  /** What is loading, for "Loading …". */
  label: string;
  isEmpty?: (data: T) => boolean;
  emptyMessage?: string;
  children: (data: T) => ReactNode;
};

export function AsyncView<T>({
  state,
  label,
  isEmpty,
  emptyMessage = 'Nothing to show for these filters.',
  children,
}: AsyncViewProps<T>) {
  switch (state.status) {
    case 'loading':
      return <Loading label={label} />;
    case 'error':
      return <ProblemNotice problem={state.problem} />;
    case 'ok':
      return isEmpty?.(state.data) ? <EmptyState message={emptyMessage} /> : children(state.data);
  }
}
