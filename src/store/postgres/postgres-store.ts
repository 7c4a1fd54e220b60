/**
 * The shared store: PostgreSQL through a `pg` pool, for teams whose users and
 * processes share one database. Values come back in the same plain-JS forms
 * as DuckDB's (parsers set per pool, never globally); bulk loads use COPY;
 * a transaction (or a held connection) pins one pooled connection, which is
 * also where temporary tables live, so staging and KPI blocks always run on one.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { RetainError } from '../../domain/errors.js';
import type { Row, SqlValue, Store } from '../store.js';
import { fromBigInt, trimDecimal } from '../values.js';
import { postgresDialect } from './postgres-dialect.js';

const { Pool, types } = pg;
const OID = {
  INT8: 20,
  NUMERIC: 1700,
  TIMESTAMP: 1114,
  DATE: 1082,
  JSON: 114,
  JSONB: 3802,
} as const;

/** Opens a pool on `url` (postgres://user:password@host:port/db) and checks it answers. */
export async function openPostgresStore(url: string): Promise<Store> {
  const location = redactPassword(url);
  const pool = new Pool({ connectionString: url, max: 4, types: { getTypeParser: parserFor } });
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new RetainError(
      'STORE_UNAVAILABLE',
      `Cannot connect to PostgreSQL at ${location}: ${(error as Error).message}`,
      {
        hint: 'Check that the server runs and accepts this user, password and database (pg_isready -h <host>).',
        cause: error,
      },
    );
  }
  return new PostgresStore(location, pool, undefined);
}

/** Text-format parsers giving the store's plain-JS forms (see store.ts). */
function parserFor(oid: number, format?: string): (text: string) => unknown {
  switch (oid) {
    case OID.INT8:
      return (text) => fromBigInt(BigInt(text));
    case OID.NUMERIC:
      return trimDecimal;
    case OID.TIMESTAMP:
      return toIsoFromPostgres;
    case OID.DATE:
    case OID.JSON:
    case OID.JSONB:
      return (text) => text;
    default:
      return types.getTypeParser(oid, format === 'binary' ? 'binary' : 'text') as (
        text: string,
      ) => unknown;
  }
}

/** `2024-02-29 10:11:12.5` (UTC, no zone) → `2024-02-29T10:11:12.5Z`. */
function toIsoFromPostgres(text: string): string {
  const [date, time = '00:00:00'] = text.split(' ');
  const [seconds, fraction = ''] = time.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${date}T${seconds}${trimmed === '' ? '' : `.${trimmed}`}Z`;
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString().replace(/:@/, '@');
  } catch {
    return 'postgres://…';
  }
}

class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly dialect = postgresDialect;

  constructor(
    readonly location: string,
    private readonly pool: pg.Pool,
    private readonly client: pg.PoolClient | undefined,
    private readonly inTransaction = false,
  ) {}

  async query<TRow extends Row = Row>(
    sql: string,
    params: readonly SqlValue[] = [],
  ): Promise<TRow[]> {
    try {
      const result = await (this.client ?? this.pool).query<TRow>({
        text: sql,
        values: [...params],
      });
      return result.rows;
    } catch (error) {
      // The SQL is ours and safe to show; parameter values may be customer data.
      throw new Error(
        `${(error as Error).message}\n  in SQL (${params.length} parameters): ${sql.trim().slice(0, 2000)}`,
        {
          cause: error,
        },
      );
    }
  }

  async appendRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly (string | null)[])[],
  ): Promise<void> {
    if (rows.length === 0) return;
    // Temporary tables are found by name on the session that created them.
    const name = table.startsWith('temp.') ? table.slice('temp.'.length) : table;
    const copy = `COPY ${name} (${columns.map(this.dialect.quoteIdentifier).join(', ')}) FROM STDIN WITH (FORMAT csv, NULL '\\N')`;
    const run = async (client: pg.PoolClient) => {
      const stream = client.query(copyFrom(copy));
      await pipeline(Readable.from(toCsvLines(rows)), stream);
    };
    if (this.client) return run(this.client);
    const client = await this.pool.connect();
    try {
      await run(client);
    } finally {
      client.release();
    }
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    if (this.client) return this.runTransaction(this.client, work);
    const client = await this.pool.connect();
    try {
      return await this.runTransaction(client, work);
    } finally {
      client.release();
    }
  }

  async withConnection<T>(work: (held: Store) => Promise<T>): Promise<T> {
    if (this.client) return work(this);
    const client = await this.pool.connect();
    try {
      return await work(new PostgresStore(this.location, this.pool, client));
    } finally {
      client.release();
    }
  }

  private async runTransaction<T>(
    client: pg.PoolClient,
    work: (tx: Store) => Promise<T>,
  ): Promise<T> {
    try {
      await client.query('BEGIN');
      const result = await work(new PostgresStore(this.location, this.pool, client, true));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (!this.client) await this.pool.end();
  }
}

/** CSV for COPY: every value quoted (so '' stays an empty string), NULL as a bare \N. */
function* toCsvLines(rows: readonly (readonly (string | null)[])[]): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map((value) => (value === null ? '\\N' : `"${value.replaceAll('"', '""')}"`)).join(',')}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
