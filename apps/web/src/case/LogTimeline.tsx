import { Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ifMatch, unwrap, type Schemas } from '../api/client';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { dateTime, EVENT_LABEL, label, ROLE_LABEL } from '../labels';
import { LogEntryForm } from './LogEntryForm';
import { useRefreshCase } from './useCase';

/** Every type the API writes to the log, in words (workflow events take their action's name). */
const ENTRY_LABEL: Record<string, string> = {
  ...EVENT_LABEL,
  concern_logged: 'Bekymring meldt',
  assigned: 'Stafettholder satt',
  handover_offered: 'Overlevering foreslått',
  consent_recorded: 'Samtykke registrert',
  consent_refused: 'Samtykke nektet',
  consent_withdrawn: 'Samtykke trukket tilbake',
  measure_added: 'Tiltak lagt til',
  measure_evaluated: 'Tiltak evaluert',
  start_assessment: 'Vurdering startet',
  complete_assessment: 'Vurdering fullført',
  decide: 'Videre vei besluttet',
  escalate: 'Saken løftet til høyere nivå',
  request_evaluation: 'Evaluering etterspurt',
  evaluate: 'Saken evaluert',
  close: 'Saken avsluttet',
  reopen: 'Saken gjenåpnet',
  report_to_child_welfare: 'Meldt til barnevernet',
  raise_safety_concern: 'Flagget: mulig vold eller overgrep',
  accept_handover: 'Overlevering godtatt',
  decline_handover: 'Overlevering avslått',
  propose_transfer: 'Overføring foreslått',
  accept_transfer: 'Overføring godtatt',
  reject_transfer: 'Overføring avslått',
  step_down: 'Trappet ned til lavere nivå',
  iks_accepted: 'Tatt inn i IKS',
  iks_returned: 'Returnert fra IKS',
  iks_ended: 'IKS avsluttet',
  iks_competence_ordered: 'Kompetanse bestilt fra IKS',
  iks_order_acknowledged: 'IKS-bestilling bekreftet',
  note: 'Notat',
  conversation_child: 'Samtale med barnet',
  conversation_guardians: 'Samtale med foresatte',
  meeting: 'Møte',
  correction: 'Rettelse',
  guardians_may_be_informed: 'Foresatte kan informeres',
};

type Entry = Schemas['CaseLogEntryView'];
/** What people write themselves can be corrected here; the workflow's entries are corrected by acting again. */
const CORRECTABLE = new Set(['note', 'conversation_child', 'conversation_guardians', 'meeting']);

function author(e: Entry): string {
  if (!e.author) return '';
  const role = [e.author.role ? label(ROLE_LABEL, e.author.role).toLowerCase() : null, e.author.unitName].filter(Boolean).join(', ');
  return role ? `${e.author.name} (${role})` : e.author.name;
}

/** The case log (stafettloggen), oldest first; each correction beside the entry it corrects. */
export function LogTimeline({ caseData, canWrite }: { caseData: Schemas['CaseResponse']; canWrite: boolean }) {
  const log = useQuery({
    queryKey: ['case-log', caseData.id],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/log', { params: { path: { id: caseData.id }, query: { pageSize: 100 } } })),
  });
  const items = log.data?.items ?? [];
  const corrections = new Map<string, Entry[]>();
  for (const e of items) if (e.correctsEntryId) corrections.set(e.correctsEntryId, [...(corrections.get(e.correctsEntryId) ?? []), e]);
  const writable = canWrite && caseData.status !== 'closed';
  return (
    <section className="stack" aria-labelledby="log-heading">
      <Heading level={2} data-size="sm" id="log-heading">
        Logg (stafettlogg)
      </Heading>
      {writable && <LogEntryForm caseData={caseData} />}
      <ProblemAlert error={log.error} />
      {log.isPending && <Spinner aria-label="Henter loggen" />}
      <ol className="timeline">
        {items
          .filter((e) => !e.correctsEntryId)
          .map((entry) => (
            <li key={entry.id}>
              <EntryView entry={entry} />
              {corrections.get(entry.id)?.map((c) => (
                <div key={c.id} className="correction">
                  <EntryView entry={c} />
                </div>
              ))}
              {canWrite && entry.text && CORRECTABLE.has(entry.type) && <CorrectEntry caseData={caseData} entry={entry} />}
            </li>
          ))}
      </ol>
    </section>
  );
}

function EntryView({ entry }: { entry: Entry }) {
  const by = author(entry);
  return (
    <>
      <Paragraph data-size="sm" className="muted">
        <time dateTime={entry.at}>{dateTime(entry.at)}</time> · <strong>{ENTRY_LABEL[entry.type] ?? 'Oppføring'}</strong>
        {by ? ` · ${by}` : ''}
      </Paragraph>
      {entry.text && <Paragraph className="prewrap">{entry.text}</Paragraph>}
    </>
  );
}

/** A correction is a new entry beside the original, which never changes (DESIGN 8.6). */
function CorrectEntry({ caseData, entry }: { caseData: Schemas['CaseResponse']; entry: Entry }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(entry.text ?? '');
  const [reason, setReason] = useState('');
  const refresh = useRefreshCase(caseData.id);
  const correct = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/log/{entryId}/corrections', {
          params: { path: { id: caseData.id, entryId: entry.id }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: { text, reason },
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      setReason('');
      await refresh();
    },
  });
  if (!open) {
    return (
      <div>
        <Button variant="tertiary" data-size="sm" onClick={() => setOpen(true)} aria-label={`Rett oppføringen fra ${dateTime(entry.at)}`}>
          Rett
        </Button>
      </div>
    );
  }
  return (
    <form
      className="stack"
      noValidate
      aria-label="Rett oppføringen"
      onSubmit={(e) => {
        e.preventDefault();
        correct.mutate();
      }}
    >
      <Textfield multiline rows={3} label="Riktig tekst" value={text} onChange={(e) => setText(e.target.value)} error={fieldError(correct.error, 'text')} />
      <Textfield label="Hvorfor rettes det?" value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(correct.error, 'reason')} />
      <ProblemAlert error={correct.error} />
      <div className="row">
        <Button type="submit" data-size="sm" disabled={correct.isPending}>
          Lagre rettelsen
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => setOpen(false)}>
          Avbryt
        </Button>
      </div>
    </form>
  );
}
