import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { ROLE_LABEL, label } from '../labels';

export interface NavItem {
  to: string;
  text: string;
}

type May = ReturnType<typeof useSession>['may'];

/** The menu follows what the API says the user may do (GET /me `allowedActions`). */
export function navItems(may: May): NavItem[] {
  const items: NavItem[] = [];
  const agenda = { to: '/denne-uka', text: 'Denne uka' };
  // Staff and unit leaders (who log concerns) start at what is due this week.
  const firstAgenda = may('case.create');
  if (firstAgenda) items.push(agenda);
  if (may('iks.queue')) items.push({ to: '/iks', text: 'IKS-køen' });
  const concern = { to: '/bekymring/ny', text: 'Meld bekymring' };
  const leadsUnit = may('cases.read.unit');
  if (may('case.create') && !leadsUnit) items.push(concern);
  if (may('cases.read')) items.push({ to: '/saker', text: leadsUnit ? 'Enhetens saker' : 'Mine saker' });
  if (may('cases.read') && !firstAgenda) items.push(agenda);
  if (may('case.create') && leadsUnit) items.push(concern);
  if (may('stats.read')) items.push({ to: '/statistikk', text: 'Statistikk' });
  if (may('audit.read')) items.push({ to: '/revisjon', text: 'Revisjonslogg' });
  if (may('admin.users')) items.push({ to: '/administrasjon', text: 'Administrasjon' });
  items.push({ to: '/varsler', text: 'Varsler' });
  return items;
}

/** The caller's unread notifications, refreshed every minute and whenever notifications change. */
function useUnreadCount(): number {
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 60_000,
  });
  return unread.data?.unread ?? 0;
}

export function Layout({ children }: { children: ReactNode }) {
  const { me, may, signOut } = useSession();
  const unread = useUnreadCount();
  return (
    <>
      <SkipLink href="#main">Hopp til hovedinnholdet</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="brand" href="/">
            BTI saksflyt
          </a>
          <nav aria-label="Hovedmeny">
            <ul>
              {navItems(may).map((item) => (
                <li key={item.to}>
                  {item.to === '/varsler' && unread > 0 ? (
                    <NavLink to={item.to} aria-label={`${item.text}, ${unread} uleste`}>
                      {item.text}
                      <span className="badge" aria-hidden="true">
                        {unread}
                      </span>
                    </NavLink>
                  ) : (
                    <NavLink to={item.to}>{item.text}</NavLink>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <div className="who">
            <Paragraph data-size="sm">
              {me?.displayName}
              <span className="muted"> · {me?.roles.map((r) => label(ROLE_LABEL, r.role)).join(', ')}</span>
            </Paragraph>
            <Button variant="tertiary" data-size="sm" onClick={signOut}>
              Logg ut
            </Button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
