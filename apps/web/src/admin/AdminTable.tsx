import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

interface AdminTableProps<T> {
  /** Names the scrollable region (it takes focus, so a keyboard can scroll it). */
  label: string;
  /** For screen readers only. */
  caption: string;
  columns: string[];
  rows: T[];
  rowKey: (row: T) => string;
  /** One cell per column, in order. */
  cells: (row: T) => ReactNode[];
}

/** A list of the administration screen: a scrollable, labelled table with a heading row. */
export function AdminTable<T>({ label, caption, columns, rows, rowKey, cells }: AdminTableProps<T>) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <Table>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c}>{c}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={rowKey(row)}>
              {cells(row).map((cell, i) => (
                <Table.Cell key={columns[i]}>{cell}</Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
