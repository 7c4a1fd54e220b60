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
