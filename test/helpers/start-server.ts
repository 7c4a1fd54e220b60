/**
 * A real Retain HTTP server on 127.0.0.1 (a free port) over a temporary
 * store, with a fixed clock; the tests talk to it with fetch like any client.
 */
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from '../../src/api/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import { createMetricCache } from '../../src/metrics/metric-cache.js';
import type { Runtime } from '../../src/runtime.js';
import type { Store } from '../../src/store/store.js';

export type TestServer = { baseUrl: string; runtime: Runtime };

export async function withServer<T>(
  store: Store,
  now: Date,
  work: (server: TestServer) => Promise<T>,
  options: AppOptions = {},
): Promise<T> {
  const runtime: Runtime = {
    config: loadConfig({ db: store.location }),
    store,
    metricCache: createMetricCache(),
    now: () => now,
    close: () => Promise.resolve(),
  };
  const app = await createApp(runtime, options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as AddressInfo;
    return await work({ baseUrl: `http://127.0.0.1:${port}`, runtime });
  } finally {
    await app.close();
  }
}

/** A client that keeps the session cookie and CSRF token, as a browser would. */
export class ApiClient {
  private cookie = '';
  csrfToken = '';

  constructor(
    private readonly baseUrl: string,
    private readonly bearer?: string,
  ) {}

  async login(email: string, password: string): Promise<Response> {
    const response = await this.request('POST', '/api/auth/login', { email, password });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    if (response.ok)
      this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }

  request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async getJson<T>(path: string): Promise<T> {
    const response = await this.request('GET', path);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}
