import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Each route names itself (WCAG 2.4.2) and moves focus to its heading (2.4.3), so a screen
 * reader hears where a link led, also a link to the page already shown (a new location key). A
 * link to a place on the page (an error summary's `#field`) keeps the focus it gives.
 * Attach the ref to the page's h1 (it gets tabIndex -1).
 */
export function usePageHeading<T extends HTMLElement = HTMLHeadingElement>(title: string | undefined, site = 'BTI') {
  const heading = useRef<T>(null);
  const { key, hash } = useLocation();
  useEffect(() => {
    if (!title) return;
    document.title = `${title} – ${site}`;
    if (!hash) heading.current?.focus();
  }, [title, site, key, hash]);
  return heading;
}
