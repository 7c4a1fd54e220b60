/**
 * Filters (`--where col=value`) and breakdowns (`--by col`) on customer
 * columns, the owning rep and team, the plan, and imported extra attributes.
 * A column name is checked against the known ones before it touches SQL;
 * values always travel as parameters, never inside the SQL text.
 */
import { RetainError } from '../domain/errors.js';
import type { SqlValue, Store } from '../store/store.js';
import type { MetricContext } from './context.js';

export type Filter = { readonly column: string; readonly value: string };

/** Columns every workspace has; imported attributes are added per workspace. */
const FIXED_DIMENSIONS = [
  'segment',
  'region',
  'industry',
  'acquisition_channel',
  'owner_rep_id',
  'team',
  'plan',
] as const;

/** `rep_id` reads better for activity KPIs; it is the same dimension. */
const ALIASES: Readonly<Record<string, string>> = { rep_id: 'owner_rep_id' };

export async function listDimensions(store: Store): Promise<string[]> {
  const rows = await store.query<{ key: string }>(
    store.dialect.jsonKeysQuery('customers', 'attributes'),
  );
  const attributes = rows
    .map((row) => row.key)
    .filter((key) => !(FIXED_DIMENSIONS as readonly string[]).includes(key));
  return [...FIXED_DIMENSIONS, ...attributes];
}

export function parseFilter(text: string): Filter {
  const separator = text.indexOf('=');
  if (separator <= 0) {
    throw new RetainError('INVALID_ARGUMENT', `--where ${text} is not column=value.`, {
      hint: 'For example: --where segment=smb (repeat --where to combine filters).',
    });
  }
  return { column: text.slice(0, separator).trim(), value: text.slice(separator + 1).trim() };
}

/** The canonical name of `column`, or a refusal listing the known ones. */
export function resolveDimension(column: string, known: readonly string[]): string {
  const name = ALIASES[column] ?? column;
  if (known.includes(name)) return name;
  throw new RetainError('INVALID_ARGUMENT', `"${column}" is not a column results can be cut by.`, {
    hint: `Use one of: ${known.join(', ')}.`,
  });
}

/**
 * The values a column takes anywhere a row could be cut by it, as one SQL
 * query of `value`: a customer's own column, the reps behind `owner_rep_id`
 * and `team`, spend channels, and plans before and after changes.
 */
function knownValuesSql(column: string, store: Store): string {
  const customerColumn = (expression: string) => `SELECT ${expression} AS value FROM customers`;
  switch (column) {
    case 'segment':
    case 'region':
    case 'industry':
      return customerColumn(column);
    case 'acquisition_channel':
      return `${customerColumn(column)} UNION SELECT channel FROM marketing_spend`;
    case 'owner_rep_id':
      return `${customerColumn(column)} UNION SELECT id FROM reps`;
    case 'team':
      return 'SELECT team AS value FROM reps';
    case 'plan':
      return 'SELECT plan AS value FROM subscriptions UNION SELECT plan FROM subscription_changes';
    default:
      return customerColumn(store.dialect.jsonText('attributes', column));
  }
}

/** How many known values a refusal lists before "…". */
const LISTED_VALUES = 12;

/** A filter no row matches, and what the user may have meant. */
export type EmptyFilter = { readonly filter: Filter; readonly hint: string };

/**
 * The filters whose value no row has (`segment=SMB` where the data says
 * `smb`): every result they give is an empty zero, which reads like a fact.
 * Not an error: a goal or a person's scope may name a team with no rows yet.
 */
export async function findEmptyFilters(
  store: Store,
  filters: readonly Filter[],
): Promise<EmptyFilter[]> {
  const empty: EmptyFilter[] = [];
  for (const filter of filters) {
    const known = `SELECT DISTINCT value FROM (${knownValuesSql(filter.column, store)}) v WHERE value IS NOT NULL`;
    const [found] = await store.query(
      `SELECT 1 AS hit FROM (${known}) k WHERE value = $1 LIMIT 1`,
      [filter.value],
    );
    if (found) continue;
    const values = (
      await store.query<{ value: string }>(
        `SELECT value FROM (${known}) k ORDER BY value LIMIT ${LISTED_VALUES + 1}`,
      )
    ).map((row) => row.value);
    const sameButCase = values.find((value) => value.toLowerCase() === filter.value.toLowerCase());
    const listed = `${values.slice(0, LISTED_VALUES).join(', ')}${values.length > LISTED_VALUES ? ', …' : ''}`;
    empty.push({
      filter,
      hint:
        sameButCase !== undefined
          ? `Values match exactly: did you mean ${filter.column}=${sameButCase}?`
          : values.length === 0
            ? `No row has any ${filter.column} yet.`
            : `Known values: ${listed}.`,
    });
  }
  return empty;
}

/** SQL expressions linking a row to the dimensions: its customer, rep and spend channel. */
export type RowLinks = {
  readonly customerId: string;
  readonly repId: string;
  readonly channel: string;
};

/** The links of a contribution row `c` (see buildContributionsSql). */
export const CONTRIBUTION_LINKS: RowLinks = {
  customerId: 'c.customer_id',
  repId: 'c.rep_id',
  channel: 'c.channel',
};

/**
 * SQL for a dimension's value on a row, given the joins of {@link dimensionJoins}:
 * a customer's own column, else what the row itself carries (a deal's owner,
 * a spend row's channel).
 */
export function dimensionExpression(
  dimension: string,
  context: MetricContext,
  links: RowLinks,
): string {
  switch (dimension) {
    case 'segment':
    case 'region':
    case 'industry':
    case 'plan':
      return `dim.${dimension}`;
    case 'acquisition_channel':
      return `coalesce(dim.acquisition_channel, ${links.channel})`;
    case 'owner_rep_id':
      return `coalesce(${links.repId}, dim.owner_rep_id)`;
    case 'team':
      return 'dim_rep.team';
    default:
      return context.dialect.jsonText('dim.attributes', dimension);
  }
}

export function dimensionJoins(context: MetricContext, links: RowLinks): string {
  // Aliases no row source uses, so the joins never shadow a source's own.
  return `LEFT JOIN ${context.tables.dimensions} dim ON dim.customer_id = ${links.customerId}
    LEFT JOIN reps dim_rep ON dim_rep.id = coalesce(${links.repId}, dim.owner_rep_id)`;
}

/** WHERE text and its parameters: values of one column are alternatives, columns combine. */
export function buildFilterSql(
  filters: readonly Filter[],
  context: MetricContext,
  links: RowLinks,
  firstParameter: number,
): { sql: string; params: SqlValue[] } {
  const byColumn = new Map<string, string[]>();
  for (const filter of filters)
    byColumn.set(filter.column, [...(byColumn.get(filter.column) ?? []), filter.value]);
  const params: SqlValue[] = [];
  const clauses = [...byColumn].map(([column, values]) => {
    const placeholders = values.map((value) => {
      params.push(value);
      return `$${firstParameter + params.length - 1}`;
    });
    return `${dimensionExpression(column, context, links)} IN (${placeholders.join(', ')})`;
  });
  return { sql: clauses.length === 0 ? 'TRUE' : clauses.join(' AND '), params };
}
