import { Button, Checkbox, Details, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ifMatch, unwrap, type Schemas } from '../api/client';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { CONSENT_STATUS_LABEL, date, label, RECIPIENT_LABEL, RELATION_LABEL, type Recipient, type Relation } from '../labels';
import { useRefreshCase } from './useCase';

/** Consents of the case (given to services), with recording and withdrawal. */
export function ConsentsPanel({ caseData, onStale }: { caseData: Schemas['CaseResponse']; onStale: () => void }) {
  const canManage = caseData.allowedActions.includes('consent.manage');
  const consents = useQuery({
    queryKey: ['consents', caseData.id],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/consents', { params: { path: { id: caseData.id } } })),
  });
  return (
    <section className="stack" aria-labelledby="consents-heading">
      <Heading level={2} data-size="sm" id="consents-heading">
        Samtykker
      </Heading>
      <ProblemAlert error={consents.error} />
      {consents.data?.items.length === 0 && <Paragraph>Ingen samtykker er registrert.</Paragraph>}
      <ul className="cards">
        {consents.data?.items.map((consent) => (
          <li key={consent.id} className="card-line">
            <Paragraph>
              <Tag data-color={consent.status === 'active' ? 'success' : 'neutral'} data-size="sm">
                {CONSENT_STATUS_LABEL[consent.status]}
              </Tag>{' '}
              {consent.givenBy.name ?? 'Navn skjult'} ({label(RELATION_LABEL, consent.givenBy.relation)}) til{' '}
              {consent.recipients.map((r) => label(RECIPIENT_LABEL, r)).join(', ')}
            </Paragraph>
            <Paragraph data-size="sm" className="muted">
              Formål: {consent.purpose} · {consent.form === 'oral' ? 'muntlig' : 'skriftlig'} · gyldig {date(consent.validFrom)}–{date(consent.validUntil)}
              {consent.withdrawnAt ? ` · trukket ${date(consent.withdrawnAt)}: ${consent.withdrawalReason ?? ''}` : ''}
            </Paragraph>
            {canManage && consent.status === 'active' && <WithdrawConsent caseData={caseData} consentId={consent.id} onStale={onStale} />}
          </li>
        ))}
      </ul>
      {canManage && (
        <Details>
          <Details.Summary>Registrer samtykke</Details.Summary>
          <Details.Content>
            <RecordConsentForm caseData={caseData} onStale={onStale} />
          </Details.Content>
        </Details>
      )}
    </section>
  );
}

const oneYearFromNow = () => {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

function RecordConsentForm({ caseData, onStale }: { caseData: Schemas['CaseResponse']; onStale: () => void }) {
  const refresh = useRefreshCase(caseData.id);
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<Relation | ''>('');
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [purpose, setPurpose] = useState('');
  const [form, setForm] = useState<'written' | 'oral'>('written');
  const [validUntil, setValidUntil] = useState(oneYearFromNow);
  const record = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/consents', {
          params: { path: { id: caseData.id }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: { givenBy: { name, relation: relation as Relation }, recipients, purpose, form, validUntil },
        }),
      ),
    onSuccess: () => refresh(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  const err = (field: string) => fieldError(record.error, field);
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Registrer samtykke">
      <Textfield label="Hvem gir samtykket?" value={name} onChange={(e) => setName(e.target.value)} error={err('givenBy.name')} autoComplete="off" />
      <Field>
        <Label>Relasjon til barnet</Label>
        <Select value={relation} onChange={(e) => setRelation(e.target.value as Relation)}>
          <Select.Option value="" disabled>
            Velg
          </Select.Option>
          {Object.entries(RELATION_LABEL).map(([code, text]) => (
            <Select.Option key={code} value={code}>
              {text}
            </Select.Option>
          ))}
        </Select>
        {err('givenBy.relation') && <p className="field-error">{err('givenBy.relation')}</p>}
      </Field>
      <Fieldset>
        <Fieldset.Legend>Hvilke tjenester gjelder samtykket?</Fieldset.Legend>
        {(Object.entries(RECIPIENT_LABEL) as [Recipient, string][]).map(([code, text]) => (
          <Checkbox
            key={code}
            label={text}
            value={code}
            checked={recipients.includes(code)}
            onChange={(e) => setRecipients(e.target.checked ? [...recipients, code] : recipients.filter((r) => r !== code))}
          />
        ))}
        {err('recipients') && <p className="field-error">{err('recipients')}</p>}
      </Fieldset>
      <Textfield multiline rows={2} label="Formål" value={purpose} onChange={(e) => setPurpose(e.target.value)} error={err('purpose')} />
      <Fieldset>
        <Fieldset.Legend>Form</Fieldset.Legend>
        <Radio label="Skriftlig" name="consent-form" value="written" checked={form === 'written'} onChange={() => setForm('written')} />
        <Radio label="Muntlig (registrert av deg)" name="consent-form" value="oral" checked={form === 'oral'} onChange={() => setForm('oral')} />
      </Fieldset>
      <Textfield label="Gyldig til" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} error={err('validUntil')} />
      <ProblemAlert error={record.error} onReload={() => { record.reset(); onStale(); }} />
      <div>
        <Button type="submit" data-size="sm" disabled={record.isPending}>
          Lagre samtykket
        </Button>
      </div>
    </form>
  );
}

function WithdrawConsent({ caseData, consentId, onStale }: { caseData: Schemas['CaseResponse']; consentId: string; onStale: () => void }) {
  const refresh = useRefreshCase(caseData.id);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/consents/{consentId}/withdrawal', {
          params: { path: { id: caseData.id, consentId }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: { reason },
        }),
      ),
    onSuccess: () => refresh(),
  });
  return (
    <Details>
      <Details.Summary>Trekk tilbake samtykket</Details.Summary>
      <Details.Content>
        <form
          className="stack"
          noValidate
          aria-label="Trekk tilbake samtykke"
          onSubmit={(e) => {
            e.preventDefault();
            withdraw.mutate();
          }}
        >
          <Textfield multiline rows={2} label="Begrunnelse" value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(withdraw.error, 'reason')} />
          <Paragraph data-size="sm">Tilbaketrekkingen virker med en gang: andre tjenester mister tilgang til saken.</Paragraph>
          <ProblemAlert error={withdraw.error} onReload={() => { withdraw.reset(); onStale(); }} />
          <div>
            <Button type="submit" variant="secondary" data-color="danger" data-size="sm" disabled={withdraw.isPending}>
              Trekk tilbake
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
