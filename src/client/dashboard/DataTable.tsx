import type { ReactNode } from 'react';

interface DataTableProps {
  caption: string;
  /** Column headings; the first column heads each row. */
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

/** A plain table with a caption and header cells, scrollable on its own on a narrow screen. */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <div className="table-scroll" role="group" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={i > 0 ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="num">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
