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

/** The menu a user sees follows their roles; the API still decides what each page may show. */
export function navItems(hasRole: (...roles: string[]) => boolean): NavItem[] {
  const items: NavItem[] = [];
  const agenda = { to: '/denne-uka', text: 'Denne uka' };
  // Staff and unit leaders start at what is due this week.
  if (hasRole('staff', 'unit_leader')) items.push(agenda);
  if (hasRole('iks_coordinator', 'iks_member')) items.push({ to: '/iks', text: 'IKS-køen' });
  const concern = { to: '/bekymring/ny', text: 'Meld bekymring' };
  if (hasRole('staff') && !hasRole('unit_leader')) items.push(concern);
  if (hasRole('staff', 'unit_leader', 'team_member', 'tfa_coordinator', 'iks_coordinator', 'iks_member')) {
    items.push({ to: '/saker', text: hasRole('unit_leader') ? 'Enhetens saker' : 'Mine saker' });
    if (!hasRole('staff', 'unit_leader')) items.push(agenda);
  }
  if (hasRole('unit_leader')) items.push(concern);
  if (hasRole('analyst')) items.push({ to: '/statistikk', text: 'Statistikk' });
  if (hasRole('auditor')) items.push({ to: '/revisjon', text: 'Revisjonslogg' });
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
  const { me, hasRole, signOut } = useSession();
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
              {navItems(hasRole).map((item) => (
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
