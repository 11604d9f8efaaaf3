import { Button, Details, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useMeasureCatalog } from '../api/catalog';
import { api, ifMatch, unwrap, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { date } from '../labels';
import { personName, usePeopleNames } from './people';
import { PersonPicker } from './PersonPicker';
import { useRefreshCase } from './useCase';

type MeasureOutcome = Schemas['EvaluateMeasureDto']['outcome'];
const MEASURE_OUTCOME: Record<MeasureOutcome, string> = { continue: 'Fortsetter', adjust: 'Justeres', stop: 'Avsluttes' };

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Measures (tiltak) with their evaluations; adding and evaluating for those working on the case. */
/** What the caller may do comes from the case's `allowedActions`; a measure's responsible person evaluates their own. */
export function MeasuresPanel({ caseData, onStale }: { caseData: Schemas['CaseResponse']; onStale: () => void }) {
  const { me } = useSession();
  const measures = useQuery({
    queryKey: ['measures', caseData.id],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/measures', { params: { path: { id: caseData.id } } })),
  });
  const names = usePeopleNames(measures.data?.items.map((m) => m.responsibleId) ?? []);
  return (
    <section className="stack" aria-labelledby="measures-heading">
      <Heading level={2} data-size="sm" id="measures-heading">
        Tiltak
      </Heading>
      <ProblemAlert error={measures.error} />
      {measures.data?.items.length === 0 && <Paragraph>Ingen tiltak ennå.</Paragraph>}
      <ul className="cards">
        {measures.data?.items.map((m) => (
          <li key={m.id} className="card-line">
            <Paragraph>
              <Tag data-color={m.status === 'active' ? 'success' : 'neutral'} data-size="sm">
                {m.status === 'active' ? 'Aktivt' : 'Avsluttet'}
              </Tag>{' '}
              <strong>{m.title ?? 'Eget tiltak'}</strong>
            </Paragraph>
            <Paragraph data-size="sm" className="muted">
              {/* An anonymised view names no one (the API leaves responsibleId out). */}
              {m.responsibleId !== null && `Ansvarlig: ${personName(m.responsibleId, names, me?.userId)} · `}start {date(m.startDate)} · evaluering {date(m.evaluationDate)}
            </Paragraph>
            {m.evaluations.map((ev) => (
              <Paragraph key={ev.id} data-size="sm">
                Evaluert {date(ev.at)}: {MEASURE_OUTCOME[ev.outcome]}. {ev.note}
              </Paragraph>
            ))}
            {(caseData.allowedActions.includes('measure.evaluate') || m.responsibleId === me?.userId) && m.status === 'active' && <EvaluateMeasure caseData={caseData} measureId={m.id} onStale={onStale} />}
          </li>
        ))}
      </ul>
      {caseData.allowedActions.includes('measure.add') && (
        <Details>
          <Details.Summary>Legg til tiltak</Details.Summary>
          <Details.Content>
            <AddMeasureForm caseData={caseData} onStale={onStale} />
          </Details.Content>
        </Details>
      )}
    </section>
  );
}

function AddMeasureForm({ caseData, onStale }: { caseData: Schemas['CaseResponse']; onStale: () => void }) {
  const { me } = useSession();
  const catalog = useMeasureCatalog();
  const refresh = useRefreshCase(caseData.id);

  const [catalogCode, setCatalogCode] = useState('');
  const [title, setTitle] = useState('');
  const [responsible, setResponsible] = useState<{ label: string; value: string } | null>(null);
  const responsibleId = responsible?.value ?? caseData.assigneeId ?? me?.userId ?? '';
  const [startDate, setStartDate] = useState(inDays(0));
  const [evaluationDate, setEvaluationDate] = useState(inDays(42));
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/measures', {
          params: { path: { id: caseData.id }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: { ...(catalogCode ? { catalogCode } : { title }), responsibleId, startDate, evaluationDate },
        }),
      ),
    onSuccess: () => refresh(),
  });
  const err = (field: string) => fieldError(add.error, field);
  return (
    <form
      className="stack"
      noValidate
      aria-label="Legg til tiltak"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Field>
        <Label>Tiltak fra katalogen</Label>
        <Select value={catalogCode} onChange={(e) => setCatalogCode(e.target.value)}>
          <Select.Option value="">Eget tiltak (skriv navn under)</Select.Option>
          {catalog.data?.map((item) => (
            <Select.Option key={item.code} value={item.code}>
              {item.nb}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {!catalogCode && <Textfield label="Navn på tiltaket" value={title} onChange={(e) => setTitle(e.target.value)} error={err('title')} />}
      <PersonPicker
        id="measure-responsible"
        label="Ansvarlig"
        description="Skriv starten av navnet. Uten valg: stafettholderen."
        value={responsible}
        onChange={setResponsible}
        error={err('responsibleId')}
      />
      <div className="grid-2">
        <Textfield label="Startdato" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} error={err('startDate')} />
        <Textfield label="Evalueringsdato" type="date" value={evaluationDate} onChange={(e) => setEvaluationDate(e.target.value)} error={err('evaluationDate')} />
      </div>
      <ProblemAlert error={add.error} onReload={() => { add.reset(); onStale(); }} />
      <div>
        <Button type="submit" data-size="sm" disabled={add.isPending}>
          Legg til tiltaket
        </Button>
      </div>
    </form>
  );
}

function EvaluateMeasure({ caseData, measureId, onStale }: { caseData: Schemas['CaseResponse']; measureId: string; onStale: () => void }) {
  const refresh = useRefreshCase(caseData.id);
  const [outcome, setOutcome] = useState<MeasureOutcome | ''>('');
  const [note, setNote] = useState('');
  const evaluate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/measures/{measureId}/evaluations', {
          params: { path: { id: caseData.id, measureId }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: { outcome: outcome as MeasureOutcome, note },
        }),
      ),
    onSuccess: () => refresh(),
  });
  return (
    <Details>
      <Details.Summary>Evaluer tiltaket</Details.Summary>
      <Details.Content>
        <form
          className="stack"
          noValidate
          aria-label="Evaluer tiltaket"
          onSubmit={(e) => {
            e.preventDefault();
            evaluate.mutate();
          }}
        >
          <Field>
            <Label>Resultat</Label>
            <Select value={outcome} onChange={(e) => setOutcome(e.target.value as MeasureOutcome)}>
              <Select.Option value="" disabled>
                Velg
              </Select.Option>
              {Object.entries(MEASURE_OUTCOME).map(([code, text]) => (
                <Select.Option key={code} value={code}>
                  {text}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield multiline rows={2} label="Notat" value={note} onChange={(e) => setNote(e.target.value)} error={fieldError(evaluate.error, 'note')} />
          <ProblemAlert error={evaluate.error} onReload={() => { evaluate.reset(); onStale(); }} />
          <div>
            <Button type="submit" data-size="sm" disabled={evaluate.isPending}>
              Lagre evalueringen
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
