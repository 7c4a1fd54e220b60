/**
 * The dashboard's only way to the API: same-origin fetches that carry the
 * HttpOnly session cookie, send the session's X-CSRF-Token on every write,
 * and turn any failure into an ApiProblem holding the server's detail and hint.
 */
import type { Problem } from './api-types.js';

/** A failed request as the person should read it: what went wrong and what to do. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly hint: string | undefined,
  ) {
    super(detail);
  }
}

type QueryValue = string | number | readonly string[] | undefined;

/** `path?key=value…`, skipping undefined and empty values and repeating array keys (`where`). */
export function buildPath(path: string, query: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (typeof value === 'object') for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request('GET', path, { signal })) as T;
}

/** A write with the session's CSRF token; resolves to the JSON body, or undefined for 204. */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { csrfToken: string; body?: unknown },
): Promise<T | undefined> {
  return (await request(method, path, options)) as T | undefined;
}

/** Signing in is the one write made before there is a session, hence before there is a CSRF token. */
export async function postLogin<T>(email: string, password: string): Promise<T> {
  return (await request('POST', '/api/auth/login', { body: { email, password } })) as T;
}

async function request(
  method: string,
  path: string,
  options: { csrfToken?: string; body?: unknown; signal?: AbortSignal | undefined },
): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken !== undefined) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error: unknown) {
    if (options.signal?.aborted) throw error;
    throw new ApiProblem(
      0,
      'No answer',
      'The Retain server did not answer.',
      'Check that retain serve is still running, then reload the page.',
    );
  }
  if (response.status === 204) return undefined;
  if (!response.ok) throw await readProblem(response);
  return response.json();
}

async function readProblem(response: Response): Promise<ApiProblem> {
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  const body = isJson ? ((await response.json()) as Partial<Problem>) : {};
  return new ApiProblem(
    response.status,
    body.title ?? response.statusText,
    body.detail ?? `The server answered ${response.status} ${response.statusText}.`,
    body.hint,
  );
}
