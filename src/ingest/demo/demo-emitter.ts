/**
 * The generator's one door to the sink: turns a row written by column name
 * into values in `entity.columns` order, counts rows per entity, and hands
 * out sequential ids. Rows are named by column so a typo fails to compile
 * instead of shifting every later value by one.
 */
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../../domain/entities/index.js';
import type { DemoSink } from './demo-sink.js';

type DemoColumns = {
  fx_rates: 'date' | 'currency' | 'rate_to_reporting';
  reps: 'id' | 'name' | 'email' | 'team' | 'role' | 'manager_id';
  customers:
    | 'id'
    | 'name'
    | 'created_at'
    | 'segment'
    | 'region'
    | 'industry'
    | 'acquisition_channel'
    | 'owner_rep_id';
  subscriptions:
    | 'id'
    | 'customer_id'
    | 'plan'
    | 'started_at'
    | 'ended_at'
    | 'mrr'
    | 'currency'
    | 'seats'
    | 'billing_interval'
    | 'trial_ends_at'
    | 'end_reason'
    | 'cancel_reason';
  subscription_changes: 'id' | 'subscription_id' | 'effective_at' | 'mrr' | 'seats' | 'plan';
  invoices:
    | 'id'
    | 'customer_id'
    | 'subscription_id'
    | 'issued_at'
    | 'amount'
    | 'currency'
    | 'status'
    | 'paid_at'
    | 'failure_code';
  payment_methods: 'id' | 'customer_id' | 'kind' | 'exp_month' | 'exp_year' | 'is_default';
  orders: 'id' | 'customer_id' | 'ordered_at' | 'amount' | 'currency';
  leads:
    | 'id'
    | 'name'
    | 'company'
    | 'source'
    | 'created_at'
    | 'owner_rep_id'
    | 'status'
    | 'converted_customer_id';
  deals:
    | 'id'
    | 'name'
    | 'owner_rep_id'
    | 'amount'
    | 'currency'
    | 'stage'
    | 'status'
    | 'created_at'
    | 'closed_at'
    | 'expected_close_at'
    | 'lost_reason'
    | 'competitor'
    | 'source'
    | 'kind'
    | 'customer_id'
    | 'lead_id';
  activities:
    | 'id'
    | 'rep_id'
    | 'kind'
    | 'occurred_at'
    | 'direction'
    | 'outcome'
    | 'lead_id'
    | 'customer_id'
    | 'deal_id'
    | 'duration_s';
  marketing_spend:
    'id' | 'period_start' | 'period_end' | 'channel' | 'kind' | 'amount' | 'currency';
  nps_responses: 'id' | 'customer_id' | 'responded_at' | 'score' | 'comment';
  tickets: 'id' | 'customer_id' | 'opened_at' | 'closed_at' | 'priority' | 'kind';
  usage: 'customer_id' | 'date' | 'active_users' | 'events';
  conversations:
    | 'id'
    | 'occurred_at'
    | 'channel'
    | 'rep_id'
    | 'customer_id'
    | 'deal_id'
    | 'lead_id'
    | 'transcript';
  goals: 'id' | 'metric' | 'scope' | 'scope_id' | 'period_start' | 'period_end' | 'target';
};

/** One row of `E` by column name, in canonical text; a missing column is null. */
export type DemoRow<E extends EntityName> = Partial<Record<DemoColumns[E], string | null>>;

/** Rows emitted per entity. */
export type DemoStats = Record<EntityName, number>;

const COLUMNS_BY_ENTITY = new Map<EntityName, readonly string[]>(
  ENTITIES.map((entity) => [entity.name, entity.columns]),
);

// Wider than the demo needs at 100,000 customers, so ids sort as text too.
const ID_WIDTH: Readonly<Record<string, number>> = { cus: 6, rep: 3, act: 8 };
const DEFAULT_ID_WIDTH = 7;

export class DemoEmitter {
  readonly stats: DemoStats;
  private readonly counters = new Map<string, number>();
  private rowsSinceFlush = 0;

  constructor(private readonly sink: DemoSink) {
    this.stats = Object.fromEntries(ENTITY_NAMES.map((name) => [name, 0])) as DemoStats;
  }

  add<E extends EntityName>(
    entity: E,
    row: DemoRow<E>,
    attributes?: Readonly<Record<string, string>>,
  ): void {
    const columns = COLUMNS_BY_ENTITY.get(entity) ?? [];
    const cells = row as Readonly<Record<string, string | null | undefined>>;
    const values = new Array<string | null>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      values[i] = cells[columns[i] as string] ?? null;
    }
    this.sink.add(entity, values, attributes);
    this.stats[entity]++;
    this.rowsSinceFlush++;
  }

  /** The next id with this prefix: `sub_0000001`, `sub_0000002`, … */
  nextId(prefix: string): string {
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return `${prefix}_${String(next).padStart(ID_WIDTH[prefix] ?? DEFAULT_ID_WIDTH, '0')}`;
  }

  flush(): Promise<void> {
    this.rowsSinceFlush = 0;
    return this.sink.flush();
  }

  /** Flushes once `rows` rows have piled up, for phases not paced by customers. */
  async flushEvery(rows: number): Promise<void> {
    if (this.rowsSinceFlush >= rows) await this.flush();
  }
}
