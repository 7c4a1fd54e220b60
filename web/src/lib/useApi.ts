/**
 * Loads one GET path and reports loading, error or data. A new path (or a new
 * `version`, to reload after a write) cancels the request in flight, so a
 * slow answer to old filters can never overwrite the answer to new ones.
 */
import { useEffect, useState } from 'react';
import { ApiProblem, getJson } from './api.js';

export type ApiState<T> =
  { status: 'loading' } | { status: 'error'; problem: ApiProblem } | { status: 'ok'; data: T };

const LOADING = { status: 'loading' } as const;

export function useApi<T>(path: string, version = 0): ApiState<T> {
  const key = `${version}:${path}`;
  const [answer, setAnswer] = useState<{ key: string; state: ApiState<T> }>();

  useEffect(() => {
    const controller = new AbortController();
    getJson<T>(path, controller.signal).then(
      (data) => setAnswer({ key, state: { status: 'ok', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({ key, state: { status: 'error', problem: toProblem(error) } });
      },
    );
    return () => controller.abort();
  }, [key, path]);

  // Until the answer for this key arrives, the previous one is stale: report loading.
  return answer?.key === key ? answer.state : LOADING;
}

/** Maps the state's data, keeping loading and error as they are. */
export function mapApiState<T, U>(state: ApiState<T>, map: (data: T) => U): ApiState<U> {
  return state.status === 'ok' ? { status: 'ok', data: map(state.data) } : state;
}

/** Both loaded, or the first problem, or loading. */
export function combineApiStates<A, B>(a: ApiState<A>, b: ApiState<B>): ApiState<[A, B]> {
  if (a.status === 'error') return a;
  if (b.status === 'error') return b;
  if (a.status === 'loading' || b.status === 'loading') return LOADING;
  return { status: 'ok', data: [a.data, b.data] };
}

export function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  // A bug in the dashboard itself: show it rather than leave a blank panel.
  return new ApiProblem(
    0,
    'Error',
    error instanceof Error ? error.message : String(error),
    'Reload the page; if it happens again, report it with the steps that led here.',
  );
}
