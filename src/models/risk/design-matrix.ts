/**
 * Turns customers' signals and descriptors into the model's numeric
 * columns, learning every choice from the training rows only (means and
 * spreads, which descriptors are numeric, which categories are common
 * enough for a column of their own), so a test row never shapes its own
 * encoding. Unknown values get a missing-indicator column; rare categories
 * share an "other" column; id-like descriptors (nearly one value per
 * customer) and the label are left out.
 */
export type ModelRow = {
  readonly signals: Readonly<Record<string, number | null>>;
  readonly descriptors: Readonly<Record<string, string>>;
};

type NumericColumn = {
  kind: 'numeric';
  name: string;
  read: (row: ModelRow) => number | null;
  mean: number;
  sd: number;
  hasMissing: boolean;
};
type CategoryColumn = {
  kind: 'category';
  name: string;
  key: string;
  /** The most common value: all zeros, so the columns are not collinear with the intercept. */
  baseline: string;
  levels: string[];
};
type Encoded = NumericColumn | CategoryColumn;

export type DesignEncoder = {
  /** Column names in order, as the model's weights are. */
  readonly names: readonly string[];
  encode(rows: readonly ModelRow[]): Float64Array;
};

const MIN_LEVEL_SHARE = 0.01;
const MAX_LEVELS = 30;
const ID_LIKE_SHARE = 0.5;
/** Signals spread over orders of magnitude read better on a log scale. */
const LOG_SIGNALS = new Set(['mrr', 'tenure_days', 'days_since_owner_contact']);
const OTHER = '(other)';

export function fitDesignEncoder(
  rows: readonly ModelRow[],
  exclude: ReadonlySet<string> = new Set(),
): DesignEncoder {
  const encoded: Encoded[] = [];
  const signalNames = [...new Set(rows.flatMap((row) => Object.keys(row.signals)))].sort();
  for (const name of signalNames) {
    const transform = LOG_SIGNALS.has(name)
      ? (v: number) => Math.log1p(Math.max(0, v))
      : (v: number) => Math.max(-5, Math.min(5, v));
    const read = (row: ModelRow): number | null => {
      const value = row.signals[name];
      return value === null || value === undefined ? null : transform(value);
    };
    encoded.push(fitNumeric(name, read, rows));
  }
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row.descriptors)))]
    .filter((key) => !exclude.has(key))
    .sort();
  for (const key of keys) {
    const values = rows
      .map((row) => row.descriptors[key])
      .filter((v) => v !== undefined && v !== '');
    const distinct = new Set(values);
    const isNumeric = values.length > 0 && values.every((value) => Number.isFinite(Number(value)));
    if (isNumeric) {
      const read = (row: ModelRow): number | null => {
        const text = row.descriptors[key];
        const number = text === undefined || text === '' ? NaN : Number(text);
        return Number.isFinite(number) ? Math.sign(number) * Math.log1p(Math.abs(number)) : null;
      };
      encoded.push(fitNumeric(key, read, rows));
      continue;
    }
    if (distinct.size > ID_LIKE_SHARE * rows.length || distinct.size < 2) continue;
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value as string, (counts.get(value as string) ?? 0) + 1);
    const levels = [...counts.entries()]
      .filter(([, count]) => count >= MIN_LEVEL_SHARE * rows.length)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_LEVELS)
      .map(([level]) => level);
    const [baseline = OTHER, ...rest] = levels;
    encoded.push({ kind: 'category', name: key, key, baseline, levels: [...rest, OTHER] });
  }
  const names = encoded.flatMap((column) =>
    column.kind === 'numeric'
      ? [column.name, ...(column.hasMissing ? [`${column.name} unknown`] : [])]
      : column.levels.map((level) => `${column.name}=${level}`),
  );
  return {
    names,
    encode(input) {
      const out = new Float64Array(input.length * names.length);
      input.forEach((row, i) => {
        let j = i * names.length;
        for (const column of encoded) {
          if (column.kind === 'numeric') {
            const value = column.read(row);
            out[j++] = value === null ? 0 : (value - column.mean) / column.sd;
            if (column.hasMissing) out[j++] = value === null ? 1 : 0;
          } else {
            const value = row.descriptors[column.key];
            const level =
              value === undefined || value === '' || value === column.baseline
                ? undefined
                : column.levels.includes(value)
                  ? value
                  : OTHER;
            for (const candidate of column.levels) out[j++] = candidate === level ? 1 : 0;
          }
        }
      });
      return out;
    },
  };
}

function fitNumeric(
  name: string,
  read: (row: ModelRow) => number | null,
  rows: readonly ModelRow[],
): NumericColumn {
  let sum = 0;
  let squares = 0;
  let known = 0;
  for (const row of rows) {
    const value = read(row);
    if (value === null) continue;
    sum += value;
    squares += value * value;
    known++;
  }
  const mean = known > 0 ? sum / known : 0;
  const variance = known > 1 ? squares / known - mean * mean : 0;
  return {
    kind: 'numeric',
    name,
    read,
    mean,
    sd: variance > 1e-12 ? Math.sqrt(variance) : 1,
    hasMissing: known < rows.length,
  };
}
