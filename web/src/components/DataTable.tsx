/**
 * A plain, horizontally scrollable table: columns say how to render each
 * row's cell. A stacked table turns each row into a card of labelled cells on
 * a phone, for rows whose every cell matters (an alert's title and its action):
 * each cell's content sits in one box, which goes beside the column's label.
 */
import type { ReactNode } from 'react';

export type DataColumn<TRow> = {
  header: string;
  cell: (row: TRow) => ReactNode;
  /** Numbers align right so their digits line up. */
  isNumeric?: boolean;
};

export type DataTableProps<TRow> = {
  caption: string;
  columns: readonly DataColumn<TRow>[];
  rows: readonly TRow[];
  rowKey: (row: TRow) => string;
  isStackedOnPhone?: boolean;
};

export function DataTable<TRow>({
  caption,
  columns,
  rows,
  rowKey,
  isStackedOnPhone = false,
}: DataTableProps<TRow>) {
  return (
    <div className="table-scroll">
      <table className={isStackedOnPhone ? 'data-table data-table-stacked' : 'data-table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.isNumeric ? 'numeric' : ''}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td
                  key={column.header}
                  className={column.isNumeric ? 'numeric' : ''}
                  data-label={column.header}
                >
                  <div>{column.cell(row)}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
