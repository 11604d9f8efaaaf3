import { useEffect, useRef } from 'react';

/**
 * Each route names itself (WCAG 2.4.2) and moves focus to its heading (2.4.3), so a screen
 * reader hears where a link led. Attach the ref to the page's h1 (it gets tabIndex -1).
 */
export function usePageHeading<T extends HTMLElement = HTMLHeadingElement>(title: string | undefined, site = 'BTI') {
  const heading = useRef<T>(null);
  useEffect(() => {
    if (!title) return;
    document.title = `${title} – ${site}`;
    heading.current?.focus();
  }, [title, site]);
  return heading;
}
