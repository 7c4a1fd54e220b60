/** What a panel shows instead of its content: loading, nothing to show, or the API's problem. */
import { Link } from 'react-router';
import type { ApiProblem } from '../lib/api.js';

export type LoadingProps = { label: string };

/** Keeps the panel's height so the page does not jump when the data arrives. */
export function Loading({ label }: LoadingProps) {
  return (
    <div className="state state-loading" role="status" aria-busy="true">
      Loading {label}…
    </div>
  );
}

export type EmptyStateProps = { message: string };

export function EmptyState({ message }: EmptyStateProps) {
  return <div className="state state-empty">{message}</div>;
}

export type ProblemNoticeProps = { problem: ApiProblem };

/** The server's own words: its detail, then its hint on what to do. */
export function ProblemNotice({ problem }: ProblemNoticeProps) {
  return (
    <div className="state state-error" role="alert">
      <strong>{problem.title}</strong>
      <p>{problem.detail}</p>
      {problem.hint === undefined ? null : <p className="hint">{problem.hint}</p>}
      {problem.status === 401 ? <Link to="/login">Sign in again</Link> : null}
    </div>
  );
}
