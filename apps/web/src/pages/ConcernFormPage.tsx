import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/PageHeading';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCategories, useProtectiveFactors, useRiskFactors, useUnits, indicatesAbuse } from '../api/catalog';
import { api, unwrap, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { SafetyGuidance } from '../components/SafetyGuidance';

const VIOLENCE_CATEGORY = 'violence_abuse';

interface GuardianDraft {
  name: string;
  relation: string;
  parentalResponsibility: boolean;
  contact: string;
}
const emptyGuardian = (): GuardianDraft => ({ name: '', relation: 'mor', parentalResponsibility: true, contact: '' });
/** The relations the case's guardians take (stored as written; the report maps them). */
const GUARDIAN_RELATION: Record<string, string> = { mor: 'Mor', far: 'Far', verge: 'Verge', fosterforelder: 'Fosterforelder', annen: 'Annen' };

export default function ConcernFormPage() {
  const { me } = useSession();
  const units = useUnits();
  const categories = useCategories();
  const riskFactors = useRiskFactors();
  const protectiveFactors = useProtectiveFactors();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // One key per form: a double submit or a retried request creates one case, not two.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const myUnitIds = useMemo(() => new Set(me?.caseCreateUnitIds), [me]);
  const [unitId, setUnitId] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [nationalId, setNationalId] = useState('');
  const [description, setDescription] = useState('');
  const [childVoice, setChildVoice] = useState('');
  const [selectedCategories, setCategories] = useState<string[]>([]);
  const [selectedRisks, setRisks] = useState<string[]>([]);
  const [selectedProtective, setProtective] = useState<string[]>([]);
  const [suspected, setSuspected] = useState(false);
  const [guardians, setGuardians] = useState<GuardianDraft[]>([emptyGuardian()]);
  const [address, setAddress] = useState({ line1: '', postalCode: '', postalPlace: '' });
  const setGuardian = (i: number, change: Partial<GuardianDraft>) => setGuardians((all) => all.map((g, j) => (j === i ? { ...g, ...change } : g)));

  const chosenUnit = unitId || units.data?.find((u) => myUnitIds.has(u.id))?.id || '';
  const abuseRiskMarked = selectedRisks.some((code) => riskFactors.data?.some((f) => f.code === code && indicatesAbuse(f)));

  const create = useMutation({
    mutationFn: (body: Schemas['CreateCaseDto']) =>
      unwrap(api.POST('/api/v1/cases', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/saker/${created.id}`, { state: { created: true } });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      unitId: chosenUnit,
      child: {
        firstName,
        lastName,
        birthDate,
        ...(nationalId ? { nationalId } : {}),
        // A guardian row left empty is not a guardian.
        guardians: guardians
          .filter((g) => g.name.trim())
          .map((g) => ({ name: g.name, relation: g.relation, parentalResponsibility: g.parentalResponsibility, ...(g.contact.trim() ? { contact: g.contact } : {}) })),
        ...(address.line1.trim() ? { address } : {}),
      },
      concern: {
        description,
        categories: selectedCategories,
        riskFactors: selectedRisks,
        protectiveFactors: selectedProtective,
        ...(childVoice ? { childVoice } : {}),
        suspectedViolenceOrAbuse: suspected,
      },
    });
  };
  const err = (field: string) => fieldError(create.error, field);

  return (
    <form className="page stack" onSubmit={submit} noValidate aria-labelledby="concern-heading">
      <PageHeading title="Meld bekymring" id="concern-heading" />
      <Paragraph>
        Skriv ned det du har sett og hørt. Bekymringen blir en sak i din enhet, og enhetsleder følger den opp sammen med deg.
      </Paragraph>
      <Field>
        <Label>Enhet</Label>
        <Select value={chosenUnit} onChange={(e) => setUnitId(e.target.value)} required>
          <Select.Option value="" disabled>
            Velg enhet
          </Select.Option>
          {units.data?.map((unit) => (
            <Select.Option key={unit.id} value={unit.id}>
              {unit.name}
            </Select.Option>
          ))}
        </Select>
      </Field>

      <fieldset className="plain stack">
        <legend>
          <Heading level={2} data-size="sm">
            Barnet
          </Heading>
        </legend>
        <div className="grid-2">
          <Textfield label="Fornavn" value={firstName} onChange={(e) => setFirstName(e.target.value)} error={err('child.firstName')} required autoComplete="off" />
          <Textfield label="Etternavn" value={lastName} onChange={(e) => setLastName(e.target.value)} error={err('child.lastName')} required autoComplete="off" />
          <Textfield label="Fødselsdato" type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} error={err('child.birthDate')} required />
          <Textfield
            label="Fødselsnummer eller D-nummer (valgfritt)"
            inputMode="numeric"
            value={nationalId}
            onChange={(e) => setNationalId(e.target.value)}
            error={err('child.nationalId')}
            autoComplete="off"
          />
        </div>
        <div className="grid-2">
          <Textfield label="Adresse (valgfritt)" value={address.line1} onChange={(e) => setAddress({ ...address, line1: e.target.value })} error={err('child.address.line1')} autoComplete="off" />
          <Textfield label="Postnummer" inputMode="numeric" value={address.postalCode} onChange={(e) => setAddress({ ...address, postalCode: e.target.value })} error={err('child.address.postalCode')} autoComplete="off" />
          <Textfield label="Poststed" value={address.postalPlace} onChange={(e) => setAddress({ ...address, postalPlace: e.target.value })} error={err('child.address.postalPlace')} autoComplete="off" />
        </div>
      </fieldset>

      <fieldset className="plain stack">
        <legend>
          <Heading level={2} data-size="sm">
            Foresatte
          </Heading>
        </legend>
        {guardians.map((g, i) => (
          <div key={i} className="grid-2">
            <Textfield label={`Navn på foresatt ${i + 1}`} value={g.name} onChange={(e) => setGuardian(i, { name: e.target.value })} error={err(`child.guardians[${i}].name`)} autoComplete="off" />
            <Field>
              <Label htmlFor={`guardian-${i}-relation`}>Relasjon til barnet</Label>
              <Select id={`guardian-${i}-relation`} value={g.relation} onChange={(e) => setGuardian(i, { relation: e.target.value })}>
                {Object.entries(GUARDIAN_RELATION).map(([code, name]) => (
                  <Select.Option key={code} value={code}>
                    {name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Textfield label="Telefon (valgfritt)" type="tel" value={g.contact} onChange={(e) => setGuardian(i, { contact: e.target.value })} error={err(`child.guardians[${i}].contact`)} autoComplete="off" />
            <Checkbox label="Har foreldreansvar" checked={g.parentalResponsibility} onChange={(e) => setGuardian(i, { parentalResponsibility: e.target.checked })} />
          </div>
        ))}
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setGuardians((all) => [...all, emptyGuardian()])}>
            Legg til foresatt
          </Button>
        </div>
      </fieldset>

      <fieldset className="plain stack">
        <legend>
          <Heading level={2} data-size="sm">
            Bekymringen
          </Heading>
        </legend>
        <Textfield
          multiline
          rows={5}
          label="Hva har du sett eller hørt?"
          description="Beskriv konkret: hva, når og hvor. Skill det du har observert fra det du tolker."
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={err('concern.description')}
          required
        />
        <CheckboxGroup legend="Hva gjelder bekymringen?" items={categories.data} value={selectedCategories} onChange={setCategories} error={err('concern.categories')} />
        {/* The guidance appears next to what triggered it, not below the whole checklist. */}
        {selectedCategories.includes(VIOLENCE_CATEGORY) && <SafetyGuidance />}
        <CheckboxGroup legend="Risikofaktorer" description="Det som kan øke risikoen for barnet." items={riskFactors.data} value={selectedRisks} onChange={setRisks} error={err('concern.riskFactors')} />
        {abuseRiskMarked && !selectedCategories.includes(VIOLENCE_CATEGORY) && <SafetyGuidance />}
        <CheckboxGroup legend="Beskyttelsesfaktorer" description="Det som styrker barnet." items={protectiveFactors.data} value={selectedProtective} onChange={setProtective} error={err('concern.protectiveFactors')} />
        <Textfield
          multiline
          rows={3}
          label="Barnets stemme (valgfritt)"
          description="Hva har barnet selv sagt eller vist? Bruk barnets egne ord der du kan."
          value={childVoice}
          onChange={(e) => setChildVoice(e.target.value)}
          error={err('concern.childVoice')}
        />
        <Checkbox
          label="Jeg mistenker vold, overgrep eller alvorlig omsorgssvikt"
          description="Da får du straks råd om hva du skal gjøre."
          checked={suspected}
          onChange={(e) => setSuspected(e.target.checked)}
        />
        {suspected && !selectedCategories.includes(VIOLENCE_CATEGORY) && !abuseRiskMarked && <SafetyGuidance />}
      </fieldset>

      <ProblemAlert error={create.error} />
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Lagrer …' : 'Lagre bekymringen'}
        </Button>
      </div>
    </form>
  );
}
