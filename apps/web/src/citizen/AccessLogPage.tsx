import { Heading, Paragraph, Spinner, Switch } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { usePageHeading } from '../components/usePageHeading';
import { count } from '../format';
import { dateTime } from '../labels';
import { CitizenProblem } from './CitizenProblem';
import type { CitizenSchemas } from './client';
import { BackLink } from './BackLink';
import { SITE } from './LoginPage';
import { useAccessLog } from './queries';

type Access = CitizenSchemas['CitizenAccessItem'];

/** «Du leste saken», «Kari Ansatt (ansatt, Solsiden barnehage) endret saken». */
function sentence(a: Access): string {
  const verb = a.kind === 'read' ? 'så saken' : 'endret saken';
  if (a.name === 'du') return `Du ${verb}`;
  const about = [a.role, a.unitName].filter(Boolean).join(', ');
  return `${a.name}${about ? ` (${about})` : ''} ${verb}`;
}

/** Rows in a row that say the same in the same minute read as one: «Du så saken (3 ganger)». */
function grouped(items: Access[]): { at: string; text: string; times: number }[] {
  const rows: { at: string; text: string; times: number }[] = [];
  for (const a of items) {
    const text = sentence(a);
    const last = rows.at(-1);
    if (last && last.text === text && dateTime(last.at) === dateTime(a.at)) last.times += 1;
    else rows.push({ at: a.at, text, times: 1 });
  }
  return rows;
}

/** Who has looked (DESIGN 12.4): from the audit trail, newest first; the citizen's own reads as «du». */
export function AccessLogPage() {
  const { caseId = '' } = useParams();
  const access = useAccessLog(caseId);
  const heading = usePageHeading(access.isPending ? undefined : 'Hvem har sett saken', SITE);
  const [hideOwn, setHideOwn] = useState(false);
  const items = grouped((access.data?.items ?? []).filter((a) => !(hideOwn && a.name === 'du')));
  return (
    <div className="stack citizen-narrow">
      <BackLink to={`/innbygger/saker/${caseId}`}>Tilbake til saken</BackLink>
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1}>
        Hvem har sett saken
      </Heading>
      <Paragraph>
        Hver gang noen åpner eller endrer saken, blir det registrert. Her ser du hvem det var og når. Spør stafettholderen om noe her ser feil ut.
      </Paragraph>
      {access.isPending && <Spinner aria-label="Henter oversikten" />}
      <CitizenProblem error={access.error} />
      {access.isSuccess && (
        <>
          <Switch label="Skjul det du selv har gjort" checked={hideOwn} onChange={(e) => setHideOwn(e.target.checked)} />
          <Paragraph data-size="sm" aria-live="polite">
            {count(items.reduce((n, r) => n + r.times, 0), 'registrering', 'registreringer')}
          </Paragraph>
          <ol className="citizen-access">
            {items.map((a, i) => (
              <li key={`${a.at}-${i}`}>
                <Paragraph data-size="sm" className="muted">
                  <time dateTime={a.at}>{dateTime(a.at)}</time>
                </Paragraph>
                <Paragraph>
                  {a.text}
                  {a.times > 1 ? ` (${a.times} ganger)` : ''}
                </Paragraph>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
