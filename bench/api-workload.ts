/**
 * The Overview API under load: 50 concurrent clients for 10 seconds against
 * the server on the 100,000-customer demo company (autocannon, loopback),
 * after one warm-up request. Prints requests per second and p50/p99 latency.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createApp } from '../src/api/create-app.js';
import { createUser, issueApiToken } from '../src/api/auth/users.js';
import { loadConfig } from '../src/config/config.js';
import { createMetricCache } from '../src/metrics/metric-cache.js';
import type { Runtime } from '../src/runtime.js';
import { openStore } from '../src/store/open-store.js';
import { BENCH_AS_OF, cachedDemoStore, type Measurement } from './bench-kit.js';

/** What the Overview page asks for: its tiles over twelve months. */
const OVERVIEW =
  '/api/metrics?metric=customers_active,mrr,arr,customer_churn_rate,net_revenue_retention,new_customers,nps,win_rate,cac,ltv_to_cac&from=2025-12-01&to=2026-12-01';

export async function runApiWorkload(customers: number): Promise<Measurement[]> {
  const store = await openStore(await cachedDemoStore(customers));
  const runtime: Runtime = {
    config: loadConfig({ db: store.location }),
    store,
    metricCache: createMetricCache(),
    now: () => BENCH_AS_OF,
    close: () => store.close(),
  };
  const email = `bench-${Date.now()}@retain-bench.example`;
  await createUser(store, { email, role: 'admin' });
  const token = await issueApiToken(store, email);
  const app = await createApp(runtime);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}${OVERVIEW}`;
    const headers = { authorization: `Bearer ${token}` };
    const started = performance.now();
    const first = await fetch(url, { headers });
    if (!first.ok) throw new Error(`warm-up failed: ${first.status} ${await first.text()}`);
    const coldSeconds = (performance.now() - started) / 1000;
    const result = await autocannon({ url, connections: 50, duration: 10, headers });
    const errors = result.errors + result.timeouts + result.non2xx;
    const n = `${customers.toLocaleString('en-US')} customers, 50 clients, 10 s`;
    return [
      { workload: 'Overview API, first request (cold)', n, seconds: coldSeconds },
      {
        workload: 'Overview API under load',
        n,
        seconds: result.latency.p99 / 1000,
        note: `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errors} errors (seconds column: p99)`,
      },
    ];
  } finally {
    await app.close();
    await store.close();
  }
}
