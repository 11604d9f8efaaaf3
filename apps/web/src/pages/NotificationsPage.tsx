import { Button, Card, Heading, Paragraph, Spinner, Switch, Tag } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/PageHeading';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { count, dayHeading, longDateTime, osloDay } from '../format';
import { EmailSettings } from './EmailSettings';

type Notice = Schemas['NotificationDto'];

/** Newest day first; within a day the urgent first, then the newest. */
function byDay(items: Notice[]): [string, Notice[]][] {
  const days = new Map<string, Notice[]>();
  for (const n of items) days.set(osloDay(n.createdAt), [...(days.get(osloDay(n.createdAt)) ?? []), n]);
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([day, list]) => [day, list.sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.createdAt.localeCompare(a.createdAt))]);
}

export default function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const queryClient = useQueryClient();
  const notifications = useQuery({
    queryKey: ['notifications', 'list', unreadOnly],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { pageSize: 100, ...(unreadOnly ? { unread: true } : {}) } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')), onSuccess: refresh });
  const unread = notifications.data?.items.filter((n) => !n.readAt).length ?? 0;

  return (
    <div className="page stack">
      <PageHeading title="Varsler" />
      <div className="row center">
        <Switch label="Vis bare uleste" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
        {unread > 0 && (
          <Button variant="secondary" data-size="sm" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            Marker alle som lest
          </Button>
        )}
      </div>
      {markAll.isSuccess && (
        <Paragraph role="status" data-size="sm">
          {markAll.data.marked === 0 ? 'Ingen uleste varsler.' : `${count(markAll.data.marked, 'varsel', 'varsler')} markert som lest.`}
        </Paragraph>
      )}
      <ProblemAlert error={notifications.error ?? markRead.error ?? markAll.error} />
      {notifications.isPending && <Spinner aria-label="Henter varsler" />}
      {notifications.data?.items.length === 0 && <Paragraph>{unreadOnly ? 'Du har ingen uleste varsler.' : 'Du har ingen varsler.'}</Paragraph>}
      {notifications.data &&
        byDay(notifications.data.items).map(([day, items]) => (
          <section key={day} className="day-group" aria-label={dayHeading(day)}>
            <Heading level={2} data-size="sm">
              {dayHeading(day)}
            </Heading>
            <ul className="cards">
              {items.map((n) => (
                <li key={n.id}>
                  <Card data-color={n.urgent ? 'danger' : 'neutral'}>
                    <Card.Block>
                      <Paragraph>
                        {n.urgent && (
                          <Tag data-color="danger" data-size="sm">
                            Haster
                          </Tag>
                        )}{' '}
                        {!n.readAt && (
                          <Tag data-color="info" data-size="sm">
                            Ulest
                          </Tag>
                        )}{' '}
                        {n.message}
                      </Paragraph>
                      <Paragraph data-size="sm" className="muted">
                        {longDateTime(n.createdAt)}
                        {n.dueAt ? ` · frist ${longDateTime(n.dueAt)}` : ''}
                      </Paragraph>
                      <div className="row center">
                        {n.caseId && (
                          <Link to={`/saker/${n.caseId}`}>
                            Åpne sak {n.caseReference}
                            {n.childName ? ` (${n.childName})` : ''}
                          </Link>
                        )}
                        {!n.readAt && (
                          <Button variant="tertiary" data-size="sm" onClick={() => markRead.mutate(n.id)}>
                            Marker som lest
                          </Button>
                        )}
                      </div>
                    </Card.Block>
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        ))}
      <EmailSettings />
    </div>
  );
}
