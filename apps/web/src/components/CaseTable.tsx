import { Table, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { useUnits } from '../api/catalog';
import { longDate } from '../format';
import { label, ROUTE_LABEL, STATUS_LABEL } from '../labels';

/** The child as the API gave it: a name when identified, only the birth year when anonymised. */
export function childName(child: Schemas['ChildView']): string {
  if (child.firstName || child.lastName) return [child.firstName, child.lastName].filter(Boolean).join(' ');
  return `Anonymisert barn, født ${child.birthYear}`;
}

/** A list row: the case, its coordinator's name and next deadline, computed by the API over every page. */
export function CaseTable({ cases, caption }: { cases: Schemas['CaseListItem'][]; caption: string }) {
  const units = useUnits();
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? '–';
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table zebra data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>Sak</Table.HeaderCell>
            <Table.HeaderCell>Barn</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Nivå og vei</Table.HeaderCell>
            <Table.HeaderCell>Enhet</Table.HeaderCell>
            <Table.HeaderCell>Stafettholder</Table.HeaderCell>
            <Table.HeaderCell>Neste frist</Table.HeaderCell>
            <Table.HeaderCell>Meldt</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {cases.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell className="nowrap">{c.reference}</Table.Cell>
              <Table.Cell>
                <Link to={`/saker/${c.id}`}>{childName(c.child)}</Link>
                {c.flags.suspectedViolenceOrAbuse && (
                  <>
                    {' '}
                    <Tag data-color="danger" data-size="sm">
                      Vold/overgrep
                    </Tag>
                  </>
                )}
                {c.view === 'anonymised' && (
                  <>
                    {' '}
                    <Tag data-color="neutral" data-size="sm">
                      Anonymisert
                    </Tag>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>{label(STATUS_LABEL, c.status)}</Table.Cell>
              <Table.Cell>
                Nivå {c.level} · {c.route ? label(ROUTE_LABEL, c.route) : 'vei ikke besluttet'}
              </Table.Cell>
              <Table.Cell>{c.view === 'anonymised' || !c.unitId ? '–' : unitName(c.unitId)}</Table.Cell>
              <Table.Cell>{c.coordinatorName ?? (c.view === 'anonymised' ? '–' : <span className="muted">Ingen ennå</span>)}</Table.Cell>
              <Table.Cell>
                {c.nextDeadline ? longDate(c.nextDeadline) : '–'}
                {c.overdue && (
                  <>
                    {' '}
                    <Tag data-color="danger" data-size="sm">
                      Over fristen
                    </Tag>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>{longDate(c.createdAt)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
