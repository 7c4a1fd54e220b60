/**
 * A real Retain server with the built dashboard over a small demo company,
 * kept running across the tests of a file (withServer and withTempStore
 * clean up when their callbacks end, so the callback waits for `close`).
 * Users: an admin, the manager of Team North (rep_001) and two of its reps.
 * As a daily job would have left it (`watchDemoCompany` in `retain start`):
 * the trackers have scanned every call, health was scored and stored a week
 * before NOW and at NOW, and the alert rules have run on two mornings, so the
 * inbox holds alerts whose follow-ups are overdue at NOW beside ones still due.
 */
import { runAlertRules } from '../../../src/alerts/run-alert-rules.js';
import { createUser } from '../../../src/api/auth/users.js';
import { loadDemoCompany } from '../../../src/ingest/demo/load-demo-company.js';
import { readHealthRules } from '../../../src/models/risk/health-rules.js';
import { scoreCustomers, writeHealthSnapshot } from '../../../src/models/risk/score-customers.js';
import { scanConversations } from '../../../src/models/trackers/scan-conversations.js';
import { readTrackers } from '../../../src/models/trackers/tracker-definitions.js';
import type { Store } from '../../../src/store/store.js';
import { withServer } from '../../helpers/start-server.js';
import { withTempStore } from '../../helpers/temp-store.js';

export const NOW = new Date('2025-06-15T12:00:00Z');
/** The two stored health snapshots, a week apart, the later on NOW's day. */
const HEALTH_SNAPSHOTS = [new Date('2025-06-08T06:00:00Z'), new Date('2025-06-15T06:00:00Z')];
/** Two mornings: the first's follow-ups fall due on both sides of NOW (a rep's goal overdue, a card not yet). */
const ALERT_RUNS = [new Date('2025-06-05T06:00:00Z'), new Date('2025-06-15T06:00:00Z')];
export const PASSWORD = 'correct horse battery';
export const USERS = {
  admin: { email: 'admin@example.com', role: 'admin' },
  manager: { email: 'grace@example.com', role: 'manager', repId: 'rep_001' },
  rep: { email: 'isabella@example.com', role: 'rep', repId: 'rep_002' },
  otherRep: { email: 'mateo@example.com', role: 'rep', repId: 'rep_003' },
} as const;

export type DemoServer = { baseUrl: string; close: () => Promise<void> };

export async function openDemoServer(webRoot: string): Promise<DemoServer> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let ready: (baseUrl: string) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const started = new Promise<string>((resolve, reject) => {
    ready = resolve;
    fail = reject;
  });
  const finished = withTempStore(async (store) => {
    await seedDemo(store);
    await withServer(
      store,
      NOW,
      async ({ baseUrl }) => {
        ready(baseUrl);
        await released;
      },
      { webRoot },
    );
  });
  // A failure before the server answers fails the start; one after it fails close().
  finished.catch(fail);
  const baseUrl = await started;
  return {
    baseUrl,
    close: () => {
      release();
      return finished;
    },
  };
}

async function seedDemo(store: Store): Promise<void> {
  await loadDemoCompany(store, { customers: 300, seed: 7, asOf: new Date('2025-06-15T00:00:00Z') });
  await scanConversations(store, await readTrackers(store), { now: NOW });
  const rules = await readHealthRules(store);
  for (const asOf of HEALTH_SNAPSHOTS) {
    // The learned model needs months of churn history to train on; the rule score is what the pages show.
    const scores = await scoreCustomers(store, { asOf, rules, isModelUsed: false });
    await writeHealthSnapshot(store, scores, asOf);
  }
  for (const at of ALERT_RUNS) await runAlertRules(store, { asOf: at, now: at });
  for (const user of Object.values(USERS)) {
    await createUser(
      store,
      { ...user, repId: 'repId' in user ? user.repId : undefined, password: PASSWORD },
      NOW,
    );
  }
}
