import { Heading } from '@digdir/designsystemet-react';
import { usePageHeading } from './usePageHeading';

/** The page's h1: names the tab (WCAG 2.4.2) and takes focus when the route opens (2.4.3). */
/** `tabTitle`: what the tab says when it differs from the heading (the login page). */
export function PageHeading({ title, tabTitle, size = 'md', id }: { title: string; tabTitle?: string; size?: 'md' | 'lg'; id?: string }) {
  const ref = usePageHeading(tabTitle ?? title);
  return (
    <Heading level={1} data-size={size} ref={ref} tabIndex={-1} id={id}>
      {title}
    </Heading>
  );
}
