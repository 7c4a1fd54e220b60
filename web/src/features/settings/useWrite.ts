/**
 * One write at a time from a settings form: whether it is in flight, and the
 * API's problem when it is refused, so the form shows the refusal in the
 * server's words. A new write clears the last problem.
 */
import { useCallback, useState } from 'react';
import type { ApiProblem } from '../../lib/api.js';
import { toProblem } from '../../lib/useApi.js';

export type Write = {
  /** Awaits `write`, then hands its answer to `onDone`; a failure becomes `problem`. */
  run: <T>(write: () => Promise<T>, onDone: (answer: T) => void) => void;
  /** Shows a problem found before anything was sent (JSON that does not parse). */
  refuse: (problem: ApiProblem) => void;
  problem: ApiProblem | undefined;
  isSending: boolean;
};

export function useWrite(): Write {
  const [problem, setProblem] = useState<ApiProblem>();
  const [isSending, setIsSending] = useState(false);
  const run = useCallback(<T>(write: () => Promise<T>, onDone: (answer: T) => void) => {
    setIsSending(true);
    setProblem(undefined);
    write()
      .then(onDone, (error: unknown) => setProblem(toProblem(error)))
      .finally(() => setIsSending(false));
  }, []);
  return { run, refuse: setProblem, problem, isSending };
}
