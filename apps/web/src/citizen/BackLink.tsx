import { Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** «← Tilbake til saken» at the top of a page; the arrow is decoration, not part of the link's name. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Paragraph data-size="sm">
      <Link to={to}>
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </Paragraph>
  );
}
