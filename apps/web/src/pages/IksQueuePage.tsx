import { Alert, Button, Card, Checkbox, Details, Field, Fieldset, Heading, Label, Paragraph, Select, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/PageHeading';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, ifMatch, ProblemError, unwrap, type Schemas } from '../api/client';
import type { operations } from '../api/schema';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { count, longDate, longDateTime } from '../format';
import { IKS_STATUS_LABEL, label } from '../labels';

type Referral = Schemas['IksReferralView'];
type IksStatus = NonNullable<NonNullable<operations['IksController_queue']['parameters']['query']>['status']>;
type Priority = Schemas['AcceptReferralDto']['priority'];

const PRIORITY_LABEL: Record<Priority, string> = { 1: '1 – akutt', 2: '2 – høy', 3: '3 – normal', 4: '4 – lav' };

/** Services an IKS core group is composed of (the municipality profile's iksCoreGroup codes). */
const CORE_GROUP_SERVICES: Record<string, string> = {
  slt_coordinator: 'SLT-koordinator',
  child_welfare: 'Barneverntjenesten',
  ppt: 'PPT',
  nav: 'NAV',
  municipal_psychologist: 'Kommunepsykolog',
  school_doctor: 'Skolelege',
  child_coordinator: 'Barnekoordinator',
  culture: 'Kultur',
};

const CAPACITY_COLOR: Record<Schemas['CapacityView']['level'], string> = { available: 'success', limited: 'warning', full: 'danger', unknown: 'neutral' };

export default function IksQueuePage() {
  const [status, setStatus] = useState<IksStatus | ''>('referred');
  const queue = useQuery({
    queryKey: ['iks-queue', status],
    queryFn: () => unwrap(api.GET('/api/v1/iks/referrals', { params: { query: status ? { status } : {} } })),
  });
  return (
    <div className="page stack">
      <PageHeading title="IKS-køen" />
      {queue.data && (
        <Alert data-color={CAPACITY_COLOR[queue.data.capacity.level]}>
          <Heading level={2} data-size="xs">
            Kapasitet
          </Heading>
          <Paragraph>{queue.data.capacity.message || `${count(queue.data.capacity.activeCases, 'aktiv sak', 'aktive saker')}.`}</Paragraph>
        </Alert>
      )}
      <Field className="narrow">
        <Label>Vis henvisninger</Label>
        <Select value={status} onChange={(e) => setStatus(e.target.value as IksStatus | '')}>
          <Select.Option value="">Alle</Select.Option>
          {Object.entries(IKS_STATUS_LABEL).map(([code, text]) => (
            <Select.Option key={code} value={code}>
              {text}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <ProblemAlert error={queue.error} />
      {queue.isPending && <Spinner aria-label="Henter køen" />}
      {queue.data?.items.length === 0 && <Paragraph>Ingen henvisninger her.</Paragraph>}
      <Paragraph data-size="sm" className="muted">
        Høyeste prioritet først.
      </Paragraph>
      <ol className="cards">
        {queue.data?.items.map((r) => (
          <li key={r.id}>
            <ReferralCard referral={r} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function ReferralCard({ referral: r }: { referral: Referral }) {
  return (
    <Card>
      <Card.Block>
        <Heading level={2} data-size="xs">
          Henvisning fra {r.unit.name}
          {r.caseReference ? ` · sak ${r.caseReference}` : ''}
        </Heading>
        <Paragraph>
          <Tag data-color="info" data-size="sm">
            {IKS_STATUS_LABEL[r.status]}
          </Tag>{' '}
          {r.priority ? (
            <Tag data-color={r.priority <= 2 ? 'danger' : 'neutral'} data-size="sm">
              Prioritet {PRIORITY_LABEL[r.priority as Priority]}
            </Tag>
          ) : (
            <Tag data-size="sm">Ikke prioritert</Tag>
          )}{' '}
          {r.suspectedViolenceOrAbuse && (
            <Tag data-color="danger" data-size="sm">
              Vold/overgrep
            </Tag>
          )}
        </Paragraph>
        <Paragraph data-size="sm" className="muted">
          Henvist {longDateTime(r.referredAt)} fra nivå {r.fromLevel}
          {r.acceptedAt ? ` · tatt inn ${longDate(r.acceptedAt)}` : ''}
        </Paragraph>
        {r.score && <Paragraph data-size="sm">{r.score.explanation}</Paragraph>}
        {r.coreGroup.length > 0 && <Paragraph data-size="sm">Kjernegruppe: {r.coreGroup.map((c) => label(CORE_GROUP_SERVICES, c)).join(', ')}</Paragraph>}
        {r.entryPlan && <Paragraph data-size="sm">Inngang: {r.entryPlan}</Paragraph>}
        {r.exitCriteria && <Paragraph data-size="sm">Utgangskriterier: {r.exitCriteria}</Paragraph>}
        {r.returnReason && <Paragraph data-size="sm">Returnert: {r.returnReason}</Paragraph>}
        {r.endSummary && <Paragraph data-size="sm">Avsluttet: {r.endSummary}</Paragraph>}
        <Link to={`/saker/${r.caseId}`}>Åpne saken{r.caseReference ? ` ${r.caseReference}` : ''}</Link>
      </Card.Block>
      {(r.status === 'referred' || r.status === 'accepted') && (
        <Card.Block>
          <PriorityForm referral={r} />
        </Card.Block>
      )}
      {r.status === 'referred' && (
        <Card.Block>
          <ReferralAction referral={r} title="Ta inn i IKS" kind="acceptance" />
          <ReferralAction referral={r} title="Returner til enheten" kind="return" />
        </Card.Block>
      )}
      {r.status === 'accepted' && (
        <Card.Block>
          <ReferralAction referral={r} title="Avslutt IKS-innsatsen" kind="end" />
        </Card.Block>
      )}
    </Card>
  );
}

/** The coordinator's priority, settable before intake (POST /iks/referrals/:id/priority): it wins over the score. */
function PriorityForm({ referral }: { referral: Referral }) {
  const queryClient = useQueryClient();
  const [priority, setPriority] = useState<string>(referral.priority ? String(referral.priority) : '');
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/iks/referrals/{id}/priority', { params: { path: { id: referral.id } }, body: { priority: priority ? (Number(priority) as Priority) : null } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['iks-queue'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const name = `Prioritet for henvisningen fra ${referral.unit.name}${referral.caseReference ? `, sak ${referral.caseReference}` : ''}`;
  return (
    <form className="row" aria-label={name} onSubmit={submit}>
      <Field>
        <Label>Prioritet</Label>
        <Select value={priority} onChange={(e) => setPriority(e.target.value)}>
          <Select.Option value="">Ikke satt (rangeres som normal)</Select.Option>
          {Object.entries(PRIORITY_LABEL).map(([code, text]) => (
            <Select.Option key={code} value={code}>
              {text}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" data-size="sm" disabled={save.isPending}>
        Lagre prioritet
      </Button>
      <ProblemAlert error={save.error} />
    </form>
  );
}

type Kind = 'acceptance' | 'return' | 'end';

/**
 * Accept, return or end: each sends as If-Match the case version this view read (`caseVersion`),
 * so a change by someone else since is refused (412) instead of overwritten.
 */
function ReferralAction({ referral, title, kind }: { referral: Referral; title: string; kind: Kind }) {
  const queryClient = useQueryClient();
  const [priority, setPriority] = useState<Priority | ''>(referral.priority ?? '');
  const [coreGroup, setCoreGroup] = useState<string[]>([]);
  const [entryPlan, setEntryPlan] = useState('');
  const [exitCriteria, setExitCriteria] = useState('');
  const [reason, setReason] = useState('');
  const [exitCriteriaMet, setExitCriteriaMet] = useState(false);
  const [summary, setSummary] = useState('');
  const send = useMutation({
    mutationFn: async () => {
      if (referral.caseVersion === null) throw new ProblemError({ status: 404, detail: 'Du ser ikke lenger saken. Last inn køen på nytt.' });
      const params = { path: { id: referral.id }, header: { 'If-Match': ifMatch(referral.caseVersion) } };
      if (kind === 'acceptance') {
        return unwrap(api.POST('/api/v1/iks/referrals/{id}/acceptance', { params, body: { priority: priority as Priority, coreGroup, entryPlan, exitCriteria } }));
      }
      if (kind === 'return') return unwrap(api.POST('/api/v1/iks/referrals/{id}/return', { params, body: { reason } }));
      return unwrap(api.POST('/api/v1/iks/referrals/{id}/end', { params, body: { exitCriteriaMet, summary } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['iks-queue'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const err = (field: string) => fieldError(send.error, field);
  let fields: ReactNode;
  if (kind === 'acceptance') {
    fields = (
      <>
        <Field>
          <Label>Prioritet</Label>
          <Select value={String(priority)} onChange={(e) => setPriority(Number(e.target.value) as Priority)}>
            <Select.Option value="" disabled>
              Velg
            </Select.Option>
            {Object.entries(PRIORITY_LABEL).map(([code, text]) => (
              <Select.Option key={code} value={code}>
                {text}
              </Select.Option>
            ))}
          </Select>
          {err('priority') && <p className="field-error">{err('priority')}</p>}
        </Field>
        <Fieldset>
          <Fieldset.Legend>Kjernegruppe</Fieldset.Legend>
          {Object.entries(CORE_GROUP_SERVICES).map(([code, text]) => (
            <Checkbox
              key={code}
              label={text}
              value={code}
              checked={coreGroup.includes(code)}
              onChange={(e) => setCoreGroup(e.target.checked ? [...coreGroup, code] : coreGroup.filter((c) => c !== code))}
            />
          ))}
          {err('coreGroup') && <p className="field-error">{err('coreGroup')}</p>}
        </Fieldset>
        <Textfield multiline rows={3} label="Inngangsplan" description="Hva IKS gjør først, og hvem som møter hvem." value={entryPlan} onChange={(e) => setEntryPlan(e.target.value)} error={err('entryPlan')} />
        <Textfield multiline rows={3} label="Utgangskriterier" description="Når IKS gir saken tilbake." value={exitCriteria} onChange={(e) => setExitCriteria(e.target.value)} error={err('exitCriteria')} />
      </>
    );
  } else if (kind === 'return') {
    fields = <Textfield multiline rows={3} label="Hvorfor returneres saken?" value={reason} onChange={(e) => setReason(e.target.value)} error={err('reason')} />;
  } else {
    fields = (
      <>
        <Checkbox label="Utgangskriteriene er nådd" checked={exitCriteriaMet} onChange={(e) => setExitCriteriaMet(e.target.checked)} error={err('exitCriteriaMet')} />
        <Textfield multiline rows={3} label="Oppsummering til enheten" value={summary} onChange={(e) => setSummary(e.target.value)} error={err('summary')} />
      </>
    );
  }
  return (
    <Details>
      <Details.Summary>{title}</Details.Summary>
      <Details.Content>
        <form className="stack" noValidate aria-label={title} onSubmit={submit}>
          {fields}
          <ProblemAlert error={send.error} onReload={() => void queryClient.invalidateQueries({ queryKey: ['iks-queue'] }).then(() => send.reset())} />
          <div>
            <Button type="submit" data-size="sm" disabled={send.isPending}>
              {title}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
