/**
 * The dashboard in Debian's Chromium against a real server on 127.0.0.1 over
 * a 300-customer demo company: signing in, the Overview tiles against
 * /api/metrics, the shared segment filter, role scopes by URL and by API,
 * a customer's timeline and health, the at-risk list against /api/risk,
 * tracker trends against /api/trackers/trends, user management, health
 * rules and delivery channels with CSRF, goals and the planner against
 * /api/goals, the alert inbox's writes and scopes, problem and empty states,
 * and a screenshot of every page in .artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/alerts/alert.js';
import type { CustomerDetail, CustomerSummary } from '../../../src/api/contract/customers.js';
import type { Kpi, MetricResult } from '../../../src/api/contract/metrics.js';
import type { SurvivalReport } from '../../../src/api/contract/retention.js';
import type { AtRiskList } from '../../../src/api/contract/risk.js';
import type { GoalProgress } from '../../../src/goals/goal-progress.js';
import type { ActivityPlan } from '../../../src/goals/plan-activity.js';
import type { HealthRules } from '../../../src/models/risk/health-rules.js';
import type { TrackerWeek } from '../../../src/models/trackers/tracker-trends.js';
import { isOverdue } from '../../../web/src/features/alerts/alert-labels.js';
import { GOAL_STATUS_LABELS } from '../../../web/src/features/goals/goal-rows.js';
import {
  formatCount,
  formatDate,
  formatDays,
  formatKpiChange,
  formatKpiValue,
  formatPercent,
  formatPoints,
  formatPrecise,
} from '../../../web/src/lib/format.js';
import { ApiClient } from '../../helpers/start-server.js';
import { ensureWebBuild, WEB_ROOT } from './build-web.js';
import { launchChromium } from './launch-chromium.js';
import { NOW, openDemoServer, PASSWORD, USERS, type DemoServer } from './open-demo-server.js';

const SCREENSHOTS = join(import.meta.dirname, '../../../.artifacts/screenshots');
/** The Overview's tiles, in the order issue #7 lists them. */
const OVERVIEW_KPIS = [
  'customers_active',
  'mrr',
  'arr',
  'customer_churn_rate',
  'net_revenue_retention',
  'new_customers',
  'nps',
  'win_rate',
  'cac',
  'ltv_to_cac',
];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

type Tile = { value: string | undefined; change: string | undefined };
type CustomerList = { total: number; customers: CustomerSummary[] };
type AlertList = { alerts: Alert[] };
type ChannelRow = { id: string; kind: string; target: string; is_signed: boolean };

let server: DemoServer | undefined;
let browser: Browser | undefined;
/** One signed-in admin browser session and API client, so the login rate limit is never reached. */
let admin: { context: BrowserContext; api: ApiClient; catalogue: Kpi[] } | undefined;

function started() {
  if (!server || !browser || !admin) throw new Error('beforeAll did not start the dashboard');
  return { baseUrl: server.baseUrl, browser, admin };
}

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await openDemoServer(WEB_ROOT);
  browser = await launchChromium();
  const api = new ApiClient(server.baseUrl);
  expect((await api.login(USERS.admin.email, PASSWORD)).status).toBe(200);
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, USERS.admin.email, '/');
  await page.close();
  admin = { context, api, catalogue: await api.getJson<Kpi[]>('/api/metrics/catalogue') };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newContext(on: Browser): Promise<BrowserContext> {
  // Reduced motion turns chart animation off, so a screenshot shows the finished chart.
  const context = await on.newContext({
    viewport: DESKTOP,
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  // The page's today is the server's, so overdue follow-ups are the same on every run.
  await context.clock.setFixedTime(NOW);
  return context;
}

/**
 * Until the page shows its heading (`heading`, when given) or a problem, and
 * nothing is loading any more. Naming the heading matters after a click:
 * the router keeps the old page on screen while the new one's code loads.
 * A page renders its heading together with its panels' loading states.
 */
async function waitForData(page: Page, heading?: string): Promise<void> {
  await (
    heading === undefined
      ? page.locator('main h1, main [role="alert"]')
      : page.getByRole('heading', { level: 1, name: heading })
  )
    .first()
    .waitFor();
  // A string runs in the page, where `document` exists (this file is typed for Node).
  await page.waitForFunction('document.querySelector(\'[aria-busy="true"]\') === null');
}

async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path`, which sends the visitor to the login page, signs in, and waits for `path` to load. */
async function signIn(page: Page, baseUrl: string, email: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL((url) => url.pathname === '/login');
  await submitLogin(page, email, PASSWORD);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
  await waitForData(page);
}

async function openAsAdmin(path: string): Promise<Page> {
  const { baseUrl, admin: signedIn } = started();
  const page = await signedIn.context.newPage();
  await page.goto(`${baseUrl}${path}`);
  await waitForData(page);
  return page;
}

/** Runs `action` and waits for the API answer it causes and for the page to show it. */
async function afterAnswer(
  page: Page,
  isAnswer: (response: Response) => boolean,
  action: () => Promise<void>,
): Promise<void> {
  await Promise.all([page.waitForResponse(isAnswer), action()]);
  await waitForData(page);
}

/** Each tile's value and change, by the KPI title it shows. */
async function readTiles(page: Page): Promise<Record<string, Tile>> {
  const tiles = page.locator('article.kpi-tile');
  const titles = await tiles.locator('h3').allTextContents();
  const values = await tiles.locator('.kpi-value').allTextContents();
  const changes = await tiles.locator('.kpi-change-value').allTextContents();
  return Object.fromEntries(
    titles.map((title, index) => [title, { value: values[index], change: changes[index] }]),
  );
}

/** What the tiles must show for an /api/metrics answer: the last period's value and its change. */
function expectTiles(results: readonly MetricResult[], catalogue: readonly Kpi[]) {
  return Object.fromEntries(
    OVERVIEW_KPIS.map((id) => {
      const kpi = catalogue.find((entry) => entry.id === id);
      if (!kpi) throw new Error(`the catalogue has no ${id}`);
      const series = results
        .filter((result) => result.metric === id)
        .sort((a, b) => a.period_start.localeCompare(b.period_start));
      const current = series.at(-1)?.value ?? null;
      const previous = series.at(-2)?.value ?? null;
      return [
        kpi.title,
        {
          value: formatKpiValue(current, kpi),
          change: formatKpiChange(current, previous, kpi),
        },
      ];
    }),
  );
}

/** The text of one column of the table named `caption`, row by row. */
function readColumn(page: Page, caption: string, column: number): Promise<string[]> {
  return page
    .getByRole('table', { name: caption })
    .locator(`tbody tr td:nth-child(${column})`)
    .allTextContents();
}

/** The session's CSRF token, as the page's own session knows it. */
function readCsrfToken(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    return me.csrfToken;
  });
}

/** What the reason lists show for each reason: its points, then its words. */
function expectReasons(reasons: readonly { reason: string; contribution: number }[]): string[] {
  return reasons.map((reason) => `${formatPoints(reason.contribution)}${reason.reason}`);
}

/** The page never scrolls sideways: wide content (the nav, tables) scrolls inside itself. */
async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
    PHONE.width,
  );
}

async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Charts that drew nothing: the dashboard shows an empty state instead of a blank chart. */
async function countBlankCharts(page: Page): Promise<number> {
  return (
    (await page.locator('.chart').count()) - (await page.locator('.chart:has(svg path)').count())
  );
}

describe('the dashboard in Chromium', () => {
  it('sends a visitor to the login page, refuses a wrong password, and returns to the page asked for', async () => {
    const { baseUrl, browser: chromium } = started();
    const context = await newContext(chromium);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/retention?grain=quarter`);
      await page.waitForURL((url) => url.pathname === '/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/retention?grain=quarter');
      await saveScreenshot(page, 'login-1280');

      await submitLogin(page, USERS.admin.email, 'not the password');
      const refusal = page.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('That e-mail and password do not match.');

      await submitLogin(page, USERS.admin.email, PASSWORD);
      await page.waitForURL((url) => url.pathname === '/retention');
      await waitForData(page, 'Retention');
      expect(new URL(page.url()).search).toBe('?grain=quarter');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Retention');
      expect(await page.getByLabel('Grain').inputValue()).toBe('quarter');
    } finally {
      await context.close();
    }
  });

  it('shows on every Overview tile the value and change /api/metrics gives for the same parameters', async () => {
    const { admin: signedIn } = started();
    const results = await signedIn.api.getJson<MetricResult[]>(
      `/api/metrics?metric=${OVERVIEW_KPIS.join(',')}`,
    );
    const page = await openAsAdmin('/');
    const tiles = await readTiles(page);
    expect(tiles).toEqual(expectTiles(results, signedIn.catalogue));
    // The formatter itself, checked against the raw number: a count is the number with separators.
    const active = results
      .filter((result) => result.metric === 'customers_active')
      .sort((a, b) => a.period_start.localeCompare(b.period_start))
      .at(-1);
    expect(Number(tiles['Active customers']?.value?.replaceAll(',', ''))).toBe(active?.value);
    expect(Object.keys(tiles)).toHaveLength(OVERVIEW_KPIS.length);
    await page.close();
  });

  it('changes the tiles and the URL with the segment filter, and keeps it across pages', async () => {
    const { admin: signedIn } = started();
    const page = await openAsAdmin('/');
    const before = await readTiles(page);

    await afterAnswer(
      page,
      (response) =>
        response.url().includes('/api/metrics?') && response.url().includes('segment%3Denterprise'),
      () =>
        page
          .getByRole('combobox', { name: 'Segment' })
          .selectOption('enterprise')
          .then(() => undefined),
    );
    expect(new URL(page.url()).searchParams.get('segment')).toBe('enterprise');
    const filtered = await signedIn.api.getJson<MetricResult[]>(
      `/api/metrics?metric=${OVERVIEW_KPIS.join(',')}&where=segment%3Denterprise`,
    );
    const after = await readTiles(page);
    expect(after).toEqual(expectTiles(filtered, signedIn.catalogue));
    expect(after['Active customers']?.value).not.toBe(before['Active customers']?.value);
    expect(after['MRR']?.value).not.toBe(before['MRR']?.value);

    await page.getByRole('link', { name: 'Revenue' }).click();
    await waitForData(page, 'Revenue');
    expect(new URL(page.url()).searchParams.get('segment')).toBe('enterprise');
    expect(await page.getByRole('combobox', { name: 'Segment' }).inputValue()).toBe('enterprise');
    await page.close();
  });

  it("keeps a rep out of another rep's customer, by URL and by API, and a manager to their team", async () => {
    const { baseUrl, browser: chromium, admin: signedIn } = started();
    const { customers } = await signedIn.api.getJson<CustomerList>('/api/customers?limit=500');
    const own = customers.filter((customer) => customer.owner_rep_id === USERS.rep.repId);
    const others = customers.find((customer) => customer.owner_rep_id === USERS.otherRep.repId);
    const south = customers.find(
      (customer) => !['rep_001', 'rep_002', 'rep_003'].includes(customer.owner_rep_id ?? ''),
    );
    if (!own[0] || !others || !south) throw new Error('the demo company lacks a rep’s customers');

    const repApi = new ApiClient(baseUrl);
    await repApi.login(USERS.rep.email, PASSWORD);
    const refused = await repApi.request('GET', `/api/customers/${others.id}`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({
      detail: `No customer ${others.id} that you may see.`,
    });

    const context = await newContext(chromium);
    try {
      const page = await context.newPage();
      await signIn(page, baseUrl, USERS.rep.email, `/customers/${others.id}`);
      const problem = await page.getByRole('alert').textContent();
      expect(problem).toContain('Not found');
      expect(problem).toContain(`No customer ${others.id} that you may see.`);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);

      await page.goto(`${baseUrl}/customers/${own[0].id}`);
      await waitForData(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
        own[0].name ?? own[0].id,
      );
      await page.goto(`${baseUrl}/customers`);
      await waitForData(page);
      expect(await page.locator('.pager span').textContent()).toBe(
        `1–${own.length} of ${own.length}`,
      );
    } finally {
      await context.close();
    }

    const managerApi = new ApiClient(baseUrl);
    await managerApi.login(USERS.manager.email, PASSWORD);
    const team = customers.filter((customer) =>
      ['rep_001', 'rep_002', 'rep_003'].includes(customer.owner_rep_id ?? ''),
    );
    expect((await managerApi.getJson<CustomerList>('/api/customers?limit=500')).total).toBe(
      team.length,
    );
    expect((await managerApi.request('GET', `/api/customers/${others.id}`)).status).toBe(200);
    expect((await managerApi.request('GET', `/api/customers/${south.id}`)).status).toBe(404);
  });

  it('finds a customer by name and shows its details and its whole timeline', async () => {
    const { admin: signedIn } = started();
    const { customers } = await signedIn.api.getJson<CustomerList>('/api/customers?limit=500');
    const details = await Promise.all(
      customers
        .filter((customer) => customer.is_active && customer.name !== null)
        .slice(0, 20)
        .map((customer) => signedIn.api.getJson<CustomerDetail>(`/api/customers/${customer.id}`)),
    );
    const busiest = details.sort((a, b) => b.timeline.length - a.timeline.length)[0];
    if (!busiest) throw new Error('the demo company has no active customer');
    const { customer, timeline } = busiest;

    const page = await openAsAdmin('/customers');
    await page.getByLabel('Search customers').fill(customer.name ?? '');
    await afterAnswer(
      page,
      (response) => response.url().includes('/api/customers?search='),
      () => page.getByRole('button', { name: 'Search' }).click(),
    );
    await page
      .getByRole('table', { name: 'Customers', exact: true })
      .getByRole('link', { name: customer.name ?? '', exact: true })
      .click();
    await waitForData(page, customer.name ?? '');
    expect(new URL(page.url()).pathname).toBe(`/customers/${customer.id}`);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `${customer.name} Active`,
    );
    const fields = await page.locator('.fields').textContent();
    expect(fields).toContain(customer.segment ?? '');
    expect(fields).toContain(customer.id);
    const items = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
    expect(timeline.length).toBeGreaterThan(3);
    expect(await items.count()).toBe(timeline.length);
    expect(await items.first().textContent()).toContain(timeline[0]?.summary);
    expect(await items.last().textContent()).toContain(timeline.at(-1)?.summary);
    await saveScreenshot(page, 'customer-1280');
    await page.close();
  });

  it('lets an admin add and remove a user, sending the session’s CSRF token with each write', async () => {
    const { baseUrl, admin: signedIn } = started();
    const page = await openAsAdmin('/settings');
    const csrfToken = await readCsrfToken(page);
    const writes: { method: string; token: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/users') && request.method() !== 'GET')
        writes.push({ method: request.method(), token: request.headers()['x-csrf-token'] });
    });

    const form = page.getByRole('region', { name: 'Add a user' });
    await form.getByLabel('E-mail').fill('felix@example.com');
    await form.getByLabel('Role').selectOption('rep');
    await form.getByLabel('Rep id').fill('rep_005');
    await form.getByLabel('First password').fill('another long password');
    await afterAnswer(
      page,
      (response) => response.url().endsWith('/api/users') && response.request().method() === 'GET',
      () => form.getByRole('button', { name: 'Add user' }).click(),
    );
    expect(await page.getByRole('status').textContent()).toBe('Added felix@example.com.');
    expect(await page.getByRole('cell', { name: 'felix@example.com', exact: true }).count()).toBe(
      1,
    );
    const users =
      await signedIn.api.getJson<{ email: string; role: string; rep_id: string }[]>('/api/users');
    expect(users.find((user) => user.email === 'felix@example.com')).toMatchObject({
      role: 'rep',
      rep_id: 'rep_005',
    });
    const felix = new ApiClient(baseUrl);
    expect((await felix.login('felix@example.com', 'another long password')).status).toBe(200);

    page.once('dialog', (dialog) => void dialog.accept());
    await afterAnswer(
      page,
      (response) => response.url().endsWith('/api/users') && response.request().method() === 'GET',
      () => page.getByRole('button', { name: 'Remove felix@example.com' }).click(),
    );
    expect(await page.getByRole('cell', { name: 'felix@example.com', exact: true }).count()).toBe(
      0,
    );
    expect(writes).toEqual([
      { method: 'POST', token: csrfToken },
      { method: 'DELETE', token: csrfToken },
    ]);

    // The same write without the token, from the signed-in page, is refused.
    const forged = await page.evaluate(async () => {
      const response = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'x@example.com', role: 'admin', password: 'long enough pw' }),
      });
      return { status: response.status, body: (await response.json()) as { detail: string } };
    });
    expect(forged).toEqual({
      status: 403,
      body: expect.objectContaining({
        detail: 'This change needs the X-CSRF-Token header of your session.',
      }) as unknown,
    });
    await page.close();
  });

  it('shows on the Goals page every goal and status /api/goals/progress gives the admin, and plans from a revenue goal', async () => {
    const { admin: signedIn } = started();
    const progress = await signedIn.api.getJson<GoalProgress[]>('/api/goals/progress');
    const statuses = progress.map((goal) => GOAL_STATUS_LABELS[goal.status]);
    // The demo company's goals are a mix, so the comparison tells statuses apart.
    expect(new Set(statuses)).toEqual(new Set(['On track', 'At risk', 'Off track']));

    const page = await openAsAdmin('/goals');
    expect(await readColumn(page, 'Goals', 7)).toEqual(statuses);
    const kpiOf = (goal: GoalProgress) => {
      const kpi = signedIn.catalogue.find((entry) => entry.id === goal.metric);
      if (!kpi) throw new Error(`the catalogue has no ${goal.metric}`);
      return kpi;
    };
    expect(await readColumn(page, 'Goals', 1)).toEqual(
      progress.map(
        (goal) => `${kpiOf(goal).title}${goal.scope}${goal.scope_id ? ` ${goal.scope_id}` : ''}`,
      ),
    );
    expect(await readColumn(page, 'Goals', 4)).toEqual(
      progress.map((goal) => formatKpiValue(goal.actual, kpiOf(goal))),
    );
    expect(await countBlankCharts(page)).toBe(0);

    const plan = await signedIn.api.getJson<ActivityPlan>(
      '/api/goals/plan?revenue=250000&period=2025-Q3',
    );
    await page.getByLabel('Revenue goal').fill('250000');
    await page.getByLabel('Period').fill('2025-Q3');
    await afterAnswer(
      page,
      (response) => response.url().includes('/api/goals/plan?'),
      () => page.getByRole('button', { name: 'Plan' }).click(),
    );
    const url = new URL(page.url());
    expect([url.searchParams.get('revenue'), url.searchParams.get('period')]).toEqual([
      '250000',
      '2025-Q3',
    ]);
    expect(await page.locator('.plan-headline').textContent()).toBe(
      `${formatCount(plan.per_rep_per_day.dials)} dials and ${formatPrecise(plan.per_rep_per_day.meetings)} meetings per rep per working day`,
    );
    expect(await readColumn(page, 'Funnel steps', 1)).toEqual(plan.steps.map((step) => step.step));
    expect(await readColumn(page, 'Funnel steps', 4)).toEqual(
      plan.steps.map((step) => formatCount(step.sample_size)),
    );
    await page.close();
  });

  it('acknowledges and resolves an alert in the inbox with the session’s CSRF token, as the API then reports', async () => {
    const { admin: signedIn } = started();
    const { alerts: open } = await signedIn.api.getJson<AlertList>('/api/alerts?state=open');
    const [alert, other] = open;
    if (!alert || !other) throw new Error('the alert rules raised fewer than two alerts');

    const page = await openAsAdmin('/alerts?state=open');
    expect(await page.getByRole('combobox', { name: 'State' }).inputValue()).toBe('open');
    expect(await readColumn(page, 'Alerts', 3)).toEqual(open.map((entry) => entry.title));
    const csrfToken = await readCsrfToken(page);
    const writes: { path: string; token: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST')
        writes.push({
          path: new URL(request.url()).pathname,
          token: request.headers()['x-csrf-token'],
        });
    });
    const row = page.getByRole('row').filter({ hasText: alert.title });
    const isWrite = (action: string) => (response: Response) =>
      response.url().endsWith(`/api/alerts/${alert.id}/${action}`);

    await afterAnswer(page, isWrite('acknowledge'), () =>
      page.getByRole('button', { name: `Acknowledge: ${alert.title}` }).click(),
    );
    // The row changes in place (once the page has read the answer), though the open filter no longer matches it.
    await expect.poll(() => row.locator('td:nth-child(6)').textContent()).toBe('Acknowledged');
    expect(await row.getByRole('button').allTextContents()).toEqual(['Resolve']);
    const acknowledged = await signedIn.api.getJson<AlertList>('/api/alerts?state=acknowledged');
    expect(acknowledged.alerts.find((entry) => entry.id === alert.id)).toMatchObject({
      state: 'acknowledged',
      acknowledged_at: expect.any(String) as unknown,
      resolved_at: null,
    });

    await afterAnswer(page, isWrite('resolve'), () =>
      page.getByRole('button', { name: `Resolve: ${alert.title}` }).click(),
    );
    await expect.poll(() => row.locator('td:nth-child(6)').textContent()).toBe('Resolved');
    expect(await row.getByRole('button').count()).toBe(0);
    const resolved = await signedIn.api.getJson<AlertList>('/api/alerts?state=resolved');
    expect(resolved.alerts.map((entry) => entry.id)).toContain(alert.id);
    expect(writes).toEqual([
      { path: `/api/alerts/${alert.id}/acknowledge`, token: csrfToken },
      { path: `/api/alerts/${alert.id}/resolve`, token: csrfToken },
    ]);

    // Acknowledged elsewhere since the page loaded: the refusal is shown in the API's words.
    const elsewhere = await signedIn.api.request(
      'POST',
      `/api/alerts/${other.id}/acknowledge`,
      undefined,
      { 'x-csrf-token': signedIn.api.csrfToken },
    );
    expect(elsewhere.status).toBe(200);
    await afterAnswer(
      page,
      (response) => response.url().endsWith(`/api/alerts/${other.id}/acknowledge`),
      () => page.getByRole('button', { name: `Acknowledge: ${other.title}` }).click(),
    );
    const problem = await page.getByRole('alert').textContent();
    expect(problem).toContain(`Alert ${other.id} is acknowledged; it cannot become acknowledged.`);
    expect(problem).toContain('Resolve it instead.');
    // The refusal reloads the list, which then holds only what is still open.
    await waitForData(page);
    const stillOpen = await signedIn.api.getJson<AlertList>('/api/alerts?state=open');
    expect(stillOpen.alerts.map((entry) => entry.id)).not.toContain(other.id);
    expect(await readColumn(page, 'Alerts', 3)).toEqual(
      stillOpen.alerts.map((entry) => entry.title),
    );
    await page.close();
  });

  it('shows a rep only their own alerts, goals and at-risk customers, exactly as the API gives them to that rep', async () => {
    const { baseUrl, browser: chromium, admin: signedIn } = started();
    const { alerts: all } = await signedIn.api.getJson<AlertList>('/api/alerts');
    const allAtRisk = await signedIn.api.getJson<AtRiskList>('/api/risk');
    const repApi = new ApiClient(baseUrl);
    await repApi.login(USERS.rep.email, PASSWORD);
    const { alerts: own } = await repApi.getJson<AlertList>('/api/alerts');
    expect(own).toEqual(all.filter((alert) => alert.assignee_rep_id === USERS.rep.repId));
    expect(own.length).toBeGreaterThan(1);
    expect(own.length).toBeLessThan(all.length);
    const today = NOW.toISOString().slice(0, 10);
    const overdue = own.map((alert) => isOverdue(alert, today));
    expect(new Set(overdue)).toEqual(new Set([true, false]));
    const goals = await repApi.getJson<GoalProgress[]>('/api/goals/progress');
    expect(goals.length).toBeGreaterThan(0);
    const ownAtRisk = await repApi.getJson<AtRiskList>('/api/risk');
    expect(ownAtRisk.customers).toEqual(
      allAtRisk.customers.filter((customer) => customer.owner_rep_id === USERS.rep.repId),
    );
    // The demo's at-risk customers all belong to other reps, so the rep's empty list is the scope at work.
    expect(ownAtRisk.customers).toEqual([]);
    expect(allAtRisk.customers.length).toBeGreaterThan(0);

    const context = await newContext(chromium);
    try {
      const page = await context.newPage();
      await signIn(page, baseUrl, USERS.rep.email, '/alerts');
      expect(await readColumn(page, 'Alerts', 3)).toEqual(own.map((alert) => alert.title));
      expect(new Set(await readColumn(page, 'Alerts', 4))).toEqual(new Set([USERS.rep.repId]));
      const followUps = await readColumn(page, 'Alerts', 5);
      expect(followUps.map((text) => text.includes('Overdue'))).toEqual(overdue);

      await page.getByRole('link', { name: 'Goals' }).click();
      await waitForData(page, 'Goals');
      expect(await readColumn(page, 'Goals', 7)).toEqual(
        goals.map((goal) => GOAL_STATUS_LABELS[goal.status]),
      );
      expect(goals.every((goal) => goal.scope_id === USERS.rep.repId)).toBe(true);
      expect(await page.locator('.state-empty').textContent()).toContain(
        'Admins and managers plan the activity',
      );
      expect(await page.getByLabel('Team').count()).toBe(0);

      await page.getByRole('link', { name: 'Customers', exact: true }).click();
      await waitForData(page, 'Customers');
      const atRisk = page.getByRole('region', { name: 'At risk' });
      expect(await atRisk.locator('.state-empty').textContent()).toBe(
        'No customer of yours is at risk in the latest snapshot.',
      );
      expect(await atRisk.getByRole('table').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('lists on the Customers page the at-risk customers /api/risk gives the admin, least healthy first', async () => {
    const { admin: signedIn } = started();
    const risk = await signedIn.api.getJson<AtRiskList>('/api/risk');
    expect(risk.as_of).toBe(NOW.toISOString().slice(0, 10));
    expect(risk.customers.length).toBeGreaterThan(1);

    const page = await openAsAdmin('/customers');
    expect(await readColumn(page, 'At-risk customers', 1)).toEqual(
      risk.customers.map((customer) => customer.name ?? customer.customer_id),
    );
    expect(await readColumn(page, 'At-risk customers', 2)).toEqual(
      risk.customers.map((customer) => formatCount(customer.health)),
    );
    expect(await readColumn(page, 'At-risk customers', 4)).toEqual(
      risk.customers.map((customer) => expectReasons(customer.reasons.slice(0, 3)).join('')),
    );
    expect(await readColumn(page, 'At-risk customers', 6)).toEqual(
      risk.customers.map((customer) => formatDate(customer.since)),
    );
    const [first] = risk.customers;
    await page
      .getByRole('table', { name: 'At-risk customers' })
      .getByRole('link', { name: first?.name ?? first?.customer_id, exact: true })
      .click();
    await waitForData(page, first?.name ?? first?.customer_id);
    expect(new URL(page.url()).pathname).toBe(`/customers/${first?.customer_id}`);
    await page.close();
  });

  it("shows on a customer's page the latest health, its reasons, the change since a week before, and the tracker hits of its calls", async () => {
    const { admin: signedIn } = started();
    const risk = await signedIn.api.getJson<AtRiskList>('/api/risk');
    const details = await Promise.all(
      risk.customers.map((customer) =>
        signedIn.api.getJson<CustomerDetail>(`/api/customers/${customer.customer_id}`),
      ),
    );
    const heard = (detail: CustomerDetail) =>
      detail.timeline.find((event) => event.trackers.length > 0);
    // An at-risk customer whose reasons moved over the week, and one whose calls fired a tracker.
    const chosen = details.find(
      (detail) =>
        detail.health.length === 2 &&
        detail.health[0]?.reasons.map((r) => r.reason).join() !==
          detail.health[1]?.reasons.map((r) => r.reason).join(),
    );
    const caller = details.find((detail) => heard(detail) !== undefined);
    if (!chosen || !caller) throw new Error('no at-risk customer with changed reasons or hits');
    const [latest, before] = chosen.health;
    if (!latest || !before) throw new Error('the customer lacks two snapshots');
    const call = heard(caller);

    const page = await openAsAdmin(`/customers/${chosen.customer.id}`);
    const health = page.getByRole('region', { name: 'Health' });
    expect(await health.locator('.health-headline').textContent()).toBe(
      `${formatCount(latest.health)} / 100 At risk`,
    );
    const readList = (name: string) =>
      health.getByRole('list', { name, exact: true }).getByRole('listitem').allTextContents();
    expect(await readList('Health reasons')).toEqual(expectReasons(latest.reasons));
    const beforeTexts = new Set(before.reasons.map((reason) => reason.reason));
    const latestTexts = new Set(latest.reasons.map((reason) => reason.reason));
    const added = latest.reasons.filter((reason) => !beforeTexts.has(reason.reason));
    const gone = before.reasons.filter((reason) => !latestTexts.has(reason.reason));
    expect(await readList('Reasons added')).toEqual(expectReasons(added));
    expect(await readList('Reasons gone')).toEqual(expectReasons(gone));
    expect(await health.locator('.health-changes h3').textContent()).toBe(
      `Since ${formatDate(before.as_of)} (health ${formatCount(before.health)})`,
    );
    expect(await countBlankCharts(page)).toBe(0);
    await saveScreenshot(page, 'customer-health-1280');
    await page.setViewportSize(PHONE);
    await waitForData(page);
    await expectFitsPhone(page);
    await saveScreenshot(page, 'customer-health-390');

    await page.goto(`${started().baseUrl}/customers/${caller.customer.id}`);
    await waitForData(page, caller.customer.name ?? caller.customer.id);
    const item = page
      .getByRole('list', { name: 'Timeline' })
      .getByRole('listitem')
      .filter({ hasText: call?.summary ?? '' });
    const badges = await item.locator('.badge').allTextContents();
    expect(badges).toEqual([...new Set(call?.trackers.map((hit) => hit.tracker))]);
    expect(await item.locator('.timeline-hit q').allTextContents()).toEqual(
      call?.trackers.map((hit) => hit.snippet),
    );
    await expectFitsPhone(page);
    await saveScreenshot(page, 'customer-calls-390');
    await page.close();
  });

  it('charts on the Conversations page a series per tracker over the weeks /api/trackers/trends gives for the range in the URL', async () => {
    const { admin: signedIn } = started();
    const range = 'from=2025-03-03&to=2025-06-16';
    const { weeks } = await signedIn.api.getJson<{ weeks: TrackerWeek[] }>(
      `/api/trackers/trends?${range}`,
    );
    const trackers = [...new Set(weeks.map((week) => week.tracker))].sort();
    const weekStarts = [...new Set(weeks.map((week) => week.week_start))].sort().reverse();
    expect(trackers.length).toBeGreaterThan(1);
    expect(weekStarts.length).toBe(15);
    expect(weeks.some((week) => week.hits > 0)).toBe(true);

    const page = await openAsAdmin(`/conversations?${range}`);
    expect(await page.getByLabel('From').inputValue()).toBe('2025-03-03');
    const table = page.getByRole('table', { name: 'Tracker weeks' });
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Week of',
      'Conversations',
      ...trackers,
    ]);
    expect(await readColumn(page, 'Tracker weeks', 1)).toEqual(weekStarts.map(formatDate));
    for (const [index, tracker] of trackers.entries()) {
      const expected = weekStarts.map((start) => {
        const week = weeks.find((entry) => entry.week_start === start && entry.tracker === tracker);
        return `${formatPercent(week?.share ?? null)}${formatCount(week?.hits ?? null)} hits`;
      });
      expect(await readColumn(page, 'Tracker weeks', index + 3)).toEqual(expected);
    }
    // The chart's legend names one line per tracker.
    const legend = await page.locator('.chart svg text').allTextContents();
    expect(trackers.every((tracker) => legend.includes(tracker))).toBe(true);
    expect(await countBlankCharts(page)).toBe(0);
    expect(await readColumn(page, 'Trackers', 1)).toEqual(
      (await signedIn.api.getJson<{ name: string }[]>('/api/settings/trackers')).map(
        (tracker) => tracker.name,
      ),
    );
    await page.close();
  });

  it('lets an admin change the health threshold, and shows the API’s problem for a rule set it refuses', async () => {
    const { admin: signedIn } = started();
    const original = await signedIn.api.getJson<HealthRules>('/api/settings/health-rules');
    const page = await openAsAdmin('/settings');
    const csrfToken = await readCsrfToken(page);
    const writes: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/settings/health-rules') && request.method() === 'PUT')
        writes.push(request.headers()['x-csrf-token']);
    });
    const panel = page.getByRole('region', { name: 'Health rules' });
    expect(await readColumn(page, 'Health rules', 1)).toEqual(original.rules.map((r) => r.id));
    expect(await readColumn(page, 'Health rules', 4)).toEqual(
      original.rules.map((rule) => formatPoints(rule.points)),
    );
    const isRulesRead = (response: Response) =>
      response.url().endsWith('/api/settings/health-rules') &&
      response.request().method() === 'GET';

    await panel.getByLabel('At-risk threshold').fill('55');
    await afterAnswer(page, isRulesRead, () =>
      panel.getByRole('button', { name: 'Save threshold' }).click(),
    );
    expect(await panel.getByRole('status').textContent()).toBe('Saved the health rules.');
    expect(await panel.getByLabel('At-risk threshold').inputValue()).toBe('55');
    const saved = await signedIn.api.getJson<HealthRules>('/api/settings/health-rules');
    expect(saved).toEqual({ ...original, threshold: 55 });

    // A rule set the API refuses: the page shows its detail, and nothing changes.
    const refused = { ...saved, threshold: 250 };
    const answer = await signedIn.api.request('PUT', '/api/settings/health-rules', refused, {
      'x-csrf-token': signedIn.api.csrfToken,
    });
    expect(answer.status).toBe(400);
    const { detail } = (await answer.json()) as { detail: string };
    await panel.getByText('Edit the health rules as JSON').click();
    await panel.getByRole('textbox').fill(JSON.stringify(refused));
    await Promise.all([
      page.waitForResponse(
        (response) =>
          response.url().endsWith('/api/settings/health-rules') &&
          response.request().method() === 'PUT',
      ),
      panel.getByRole('button', { name: 'Replace the health rules' }).click(),
    ]);
    const problem = panel.getByRole('alert');
    await problem.waitFor();
    expect(await problem.textContent()).toContain(detail);
    expect(await signedIn.api.getJson<HealthRules>('/api/settings/health-rules')).toEqual(saved);

    await panel.getByRole('textbox').fill(JSON.stringify(original));
    await afterAnswer(page, isRulesRead, () =>
      panel.getByRole('button', { name: 'Replace the health rules' }).click(),
    );
    expect(await signedIn.api.getJson<HealthRules>('/api/settings/health-rules')).toEqual(original);
    expect(writes).toEqual([csrfToken, csrfToken, csrfToken]);
    await page.close();
  });

  it('lets an admin add a webhook channel, shows its secret once, and removes it, each write with the CSRF token', async () => {
    const { admin: signedIn } = started();
    const page = await openAsAdmin('/settings');
    const csrfToken = await readCsrfToken(page);
    const writes: { method: string; token: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/settings/channels') && request.method() !== 'GET')
        writes.push({ method: request.method(), token: request.headers()['x-csrf-token'] });
    });
    const panel = page.getByRole('region', { name: 'Delivery channels' });
    const isChannelsRead = (response: Response) =>
      response.url().endsWith('/api/settings/channels') && response.request().method() === 'GET';
    const target = 'https://hooks.example.com/retain';

    await panel.getByLabel('Kind').selectOption('webhook');
    await panel.getByLabel('Target').fill(target);
    await afterAnswer(page, isChannelsRead, () =>
      panel.getByRole('button', { name: 'Add channel' }).click(),
    );
    const channels = await signedIn.api.getJson<ChannelRow[]>('/api/settings/channels');
    const added = channels.find((channel) => channel.target === target);
    expect(added).toMatchObject({ kind: 'webhook', is_signed: true });
    const notice = await panel.getByRole('status').textContent();
    expect(notice).toContain(`Added webhook channel ${added?.id}.`);
    const secret = await panel.locator('code.secret').textContent();
    expect(secret?.length).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify(channels)).not.toContain(secret);
    expect(await readColumn(page, 'Delivery channels', 2)).toContain(target);

    page.once('dialog', (dialog) => void dialog.accept());
    await afterAnswer(page, isChannelsRead, () =>
      panel.getByRole('button', { name: `Remove channel ${added?.id}` }).click(),
    );
    const after = await signedIn.api.getJson<ChannelRow[]>('/api/settings/channels');
    expect(after.map((channel) => channel.id)).not.toContain(added?.id);
    expect(writes).toEqual([
      { method: 'POST', token: csrfToken },
      { method: 'DELETE', token: csrfToken },
    ]);
    await page.close();
  });

  it("shows the API's detail and hint for a bad filter, and empty states rather than blank charts", async () => {
    const page = await openAsAdmin('/?from=not-a-date');
    const problem = await page.getByRole('alert').textContent();
    expect(problem).toContain('--from not-a-date is not a date.');
    expect(problem).toContain('Write dates as YYYY-MM-DD');

    await page.goto(`${started().baseUrl}/revenue?segment=no-such-segment`);
    await waitForData(page);
    expect(await page.locator('.state-empty').allTextContents()).toEqual([
      'No MRR in this range for these filters.',
      'No values in this range for these filters.',
      'No values in this range for these filters.',
    ]);
    expect(await page.locator('.chart').count()).toBe(0);
    await page.close();
  });

  it('states the median tenure and its band that /api/survival gives, per segment when split', async () => {
    const { admin: signedIn } = started();
    const overall = await signedIn.api.getJson<SurvivalReport>('/api/survival');
    const [curve] = overall.curves;
    // The demo's curve reaches its median, and the band's lower edge does too; the upper does not.
    expect(curve?.median_days).not.toBeNull();
    expect(curve?.median_lower_days).not.toBeNull();
    expect(curve?.median_upper_days).toBeNull();
    const readSentences = async (path: string) => {
      const page = await openAsAdmin(path);
      const panel = page.getByRole('region', { name: 'Customer survival' });
      const sentences = await panel.locator('.panel-description').allTextContents();
      expect(await countBlankCharts(page)).toBe(0);
      await page.close();
      return sentences;
    };
    expect(await readSentences('/retention')).toEqual([
      `Median tenure ${formatDays(curve?.median_days ?? null)} (95 % band: at least ${formatDays(curve?.median_lower_days ?? null)}). ` +
        `${formatCount(curve?.customers ?? null)} customers: ${formatCount(curve?.events ?? null)} left, ${formatCount(curve?.censored ?? null)} still active.`,
    ]);

    const split = await signedIn.api.getJson<SurvivalReport>('/api/survival?by=segment');
    const sentences = await readSentences('/retention?by=segment');
    expect(split.curves.length).toBeGreaterThan(1);
    expect(sentences).toHaveLength(split.curves.length);
    split.curves.forEach((segmentCurve, index) => {
      const prefix = `${segmentCurve.segment ?? '(none)'}: `;
      expect(sentences[index]?.slice(0, prefix.length)).toBe(prefix);
      expect(sentences[index]).toContain(
        segmentCurve.median_days === null
          ? 'More than half of these customers are still customers.'
          : `Median tenure ${formatDays(segmentCurve.median_days)}`,
      );
      expect(sentences[index]).toContain(`${formatCount(segmentCurve.customers)} customers:`);
    });
  });

  it.each([
    ['overview', '/'],
    ['retention', '/retention'],
    ['revenue', '/revenue'],
    ['sales', '/sales'],
    ['goals', '/goals?revenue=250000&period=2025-Q3'],
    ['customers', '/customers'],
    ['conversations', '/conversations'],
    ['alerts', '/alerts'],
    ['settings', '/settings'],
  ])('draws the %s page at 1280 px with every chart filled', async (name, path) => {
    const page = await openAsAdmin(path);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await countBlankCharts(page)).toBe(0);
    await saveScreenshot(page, `${name}-1280`);
    await page.close();
  });

  it.each([
    ['overview', '/'],
    ['retention', '/retention'],
    ['goals', '/goals?revenue=250000&period=2025-Q3'],
    ['customers', '/customers'],
    ['conversations', '/conversations'],
    ['alerts', '/alerts'],
    ['settings', '/settings'],
  ])('fits the %s page into a 390 px phone screen', async (name, path) => {
    const page = await openAsAdmin(path);
    await page.setViewportSize(PHONE);
    await waitForData(page);
    expect(await countBlankCharts(page)).toBe(0);
    await expectFitsPhone(page);
    await saveScreenshot(page, `${name}-390`);
    await page.close();
  });
});
