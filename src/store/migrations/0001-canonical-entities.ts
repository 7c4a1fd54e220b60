/**
 * Schema version 1: the canonical entities of DESIGN.md. Frozen: a later
 * change to an entity is a new migration, never an edit here, because files
 * created at version 1 exist. `{json}` is the dialect's JSON type.
 */
export const canonicalEntities = {
  version: 1,
  name: 'canonical entities',
  statements: [
    `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    `INSERT INTO settings (key, value) VALUES ('reporting_currency', 'USD')`,
    `CREATE TABLE fx_rates (
      date DATE NOT NULL, currency TEXT NOT NULL, rate_to_reporting DECIMAL(18, 10) NOT NULL,
      attributes {json}, PRIMARY KEY (date, currency))`,
    `CREATE TABLE reps (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT, team TEXT, role TEXT, manager_id TEXT,
      attributes {json})`,
    `CREATE TABLE customers (
      id TEXT PRIMARY KEY, name TEXT, created_at TIMESTAMP NOT NULL, segment TEXT, region TEXT,
      industry TEXT, acquisition_channel TEXT, owner_rep_id TEXT, attributes {json})`,
    `CREATE TABLE subscriptions (
      id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, plan TEXT, started_at TIMESTAMP NOT NULL,
      ended_at TIMESTAMP, mrr DECIMAL(18, 4) NOT NULL, currency TEXT, seats INTEGER,
      billing_interval TEXT, trial_ends_at TIMESTAMP, end_reason TEXT, cancel_reason TEXT,
      attributes {json})`,
    `CREATE TABLE subscription_changes (
      id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL, effective_at TIMESTAMP NOT NULL,
      mrr DECIMAL(18, 4) NOT NULL, seats INTEGER, plan TEXT, attributes {json})`,
    `CREATE TABLE invoices (
      id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, subscription_id TEXT,
      issued_at TIMESTAMP NOT NULL, amount DECIMAL(18, 4) NOT NULL, currency TEXT,
      status TEXT NOT NULL, paid_at TIMESTAMP, failure_code TEXT, attributes {json})`,
    `CREATE TABLE payment_methods (
      id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, kind TEXT, exp_month INTEGER,
      exp_year INTEGER, is_default BOOLEAN, attributes {json})`,
    `CREATE TABLE orders (
      id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, ordered_at TIMESTAMP NOT NULL,
      amount DECIMAL(18, 4) NOT NULL, currency TEXT, attributes {json})`,
    `CREATE TABLE leads (
      id TEXT PRIMARY KEY, name TEXT, company TEXT, source TEXT, created_at TIMESTAMP NOT NULL,
      owner_rep_id TEXT, status TEXT, converted_customer_id TEXT, attributes {json})`,
    `CREATE TABLE deals (
      id TEXT PRIMARY KEY, name TEXT, owner_rep_id TEXT NOT NULL, amount DECIMAL(18, 4) NOT NULL,
      currency TEXT, stage TEXT NOT NULL, status TEXT NOT NULL, created_at TIMESTAMP NOT NULL,
      closed_at TIMESTAMP, expected_close_at TIMESTAMP, lost_reason TEXT, competitor TEXT,
      source TEXT, kind TEXT, customer_id TEXT, lead_id TEXT, attributes {json})`,
    `CREATE TABLE activities (
      id TEXT PRIMARY KEY, rep_id TEXT NOT NULL, kind TEXT NOT NULL, occurred_at TIMESTAMP NOT NULL,
      direction TEXT, outcome TEXT, lead_id TEXT, customer_id TEXT, deal_id TEXT,
      duration_s INTEGER, attributes {json})`,
    `CREATE TABLE marketing_spend (
      id TEXT PRIMARY KEY, period_start DATE NOT NULL, period_end DATE NOT NULL,
      channel TEXT NOT NULL, kind TEXT, amount DECIMAL(18, 4) NOT NULL, currency TEXT,
      attributes {json})`,
    `CREATE TABLE nps_responses (
      id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, responded_at TIMESTAMP NOT NULL,
      score INTEGER NOT NULL, comment TEXT, attributes {json})`,
    `CREATE TABLE tickets (
      id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, opened_at TIMESTAMP NOT NULL,
      closed_at TIMESTAMP, priority TEXT, kind TEXT, attributes {json})`,
    `CREATE TABLE usage (
      customer_id TEXT NOT NULL, date DATE NOT NULL, active_users INTEGER, events INTEGER,
      attributes {json}, PRIMARY KEY (customer_id, date))`,
    `CREATE TABLE conversations (
      id TEXT PRIMARY KEY, occurred_at TIMESTAMP NOT NULL, channel TEXT, rep_id TEXT,
      customer_id TEXT, deal_id TEXT, lead_id TEXT, transcript TEXT NOT NULL, attributes {json})`,
    `CREATE TABLE goals (
      id TEXT PRIMARY KEY, metric TEXT NOT NULL, scope TEXT, scope_id TEXT,
      period_start DATE NOT NULL, period_end DATE NOT NULL, target DECIMAL(18, 6) NOT NULL,
      attributes {json})`,
  ],
} as const;
