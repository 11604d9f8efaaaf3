import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
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
  if (may('iks.queue')) items.push({ to: '/iks', text: 'IKS-køen' });
  const concern = { to: '/bekymring/ny', text: 'Meld bekymring' };
  const leadsUnit = may('cases.read.unit');
  // Staff start at the concern form; a unit leader starts at the unit's list.
  if (may('case.create') && !leadsUnit) items.push(concern);
  if (may('cases.read')) items.push({ to: '/saker', text: leadsUnit ? 'Enhetens saker' : 'Mine saker' });
  if (may('case.create') && leadsUnit) items.push(concern);
  if (may('stats.read')) items.push({ to: '/statistikk', text: 'Statistikk' });
  if (may('audit.read')) items.push({ to: '/revisjon', text: 'Revisjonslogg' });
  items.push({ to: '/varsler', text: 'Varsler' });
  return items;
}

export function Layout({ children }: { children: ReactNode }) {
  const { me, may, signOut } = useSession();
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
                  <NavLink to={item.to}>{item.text}</NavLink>
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
