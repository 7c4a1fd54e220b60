/** Writes a patch of query parameters to the current URL: empty or undefined values remove theirs. */
import { useCallback, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { readField } from './read-field.js';

export type SearchPatch = Readonly<Record<string, string | undefined>>;

export function useSearchPatch(): (patch: SearchPatch) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (patch: SearchPatch) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      }),
    [setParams],
  );
}

/** A form's submit handler that writes its text fields `names`, trimmed, to the URL. */
export function useSearchFormSubmit(
  names: readonly string[],
): (event: FormEvent<HTMLFormElement>) => void {
  const patchSearch = useSearchPatch();
  return (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    patchSearch(Object.fromEntries(names.map((name) => [name, readField(form, name).trim()])));
  };
}
