/** A plain, horizontally scrollable table: columns say how to render each row's cell. */
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
};

export function DataTable<TRow>({ caption, columns, rows, rowKey }: DataTableProps<TRow>) {
  return (
    <div className="table-scroll">
      <table className="data-table">
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
                <td key={column.header} className={column.isNumeric ? 'numeric' : ''}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
