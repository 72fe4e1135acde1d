import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** Amounts line up on the right. */
  numeric?: boolean;
}

/** A table that scrolls sideways on a phone rather than squeezing its columns. */
export function Table({ columns, children }: { columns: readonly Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'text-right' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
