import { Button, Card, Heading, Paragraph, Spinner, Switch, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { dateTime } from '../labels';
import { EmailSettings } from './EmailSettings';

export default function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const queryClient = useQueryClient();
  const notifications = useQuery({
    queryKey: ['notifications', unreadOnly],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: unreadOnly ? { unread: true } : {} } })),
  });
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });

  return (
    <div className="page stack">
      <Heading level={1} data-size="md">
        Varsler
      </Heading>
      <Switch label="Vis bare uleste" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
      <ProblemAlert error={notifications.error ?? markRead.error} />
      {notifications.isPending && <Spinner aria-label="Henter varsler" />}
      {notifications.data?.items.length === 0 && <Paragraph>Du har ingen varsler.</Paragraph>}
      <ul className="cards">
        {notifications.data?.items.map((n) => (
          <li key={n.id}>
            <Card data-color={n.urgent ? 'danger' : 'neutral'}>
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
                Opprettet {dateTime(n.createdAt)}
                {n.dueAt ? ` · frist ${dateTime(n.dueAt)}` : ''}
              </Paragraph>
              <div className="row">
                {n.caseId && <Link to={`/saker/${n.caseId}`}>Åpne saken</Link>}
                {!n.readAt && (
                  <Button variant="tertiary" data-size="sm" onClick={() => markRead.mutate(n.id)}>
                    Marker som lest
                  </Button>
                )}
              </div>
            </Card>
          </li>
        ))}
      </ul>
      <EmailSettings />
    </div>
  );
}
