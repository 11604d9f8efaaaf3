import { Button, Checkbox, Field, Fieldset, Label, Select, Textfield, ValidationMessage, type SuggestionItem } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useUnits } from '../api/catalog';
import { emptyGuardian, type Address, type FieldSpec, type GuardianDraft } from './eventForms';
import { PersonPicker } from './PersonPicker';

/** The relations the case's guardians take (stored as written, as the concern form writes them). */
const GUARDIAN_RELATION: Record<string, string> = { mor: 'Mor', far: 'Far', verge: 'Verge', fosterforelder: 'Fosterforelder', annen: 'Annen' };

export interface FieldProps {
  field: FieldSpec;
  id: string;
  value: unknown;
  required: boolean;
  onChange(value: unknown): void;
  /** The server's message for this field or one of its parts (`line1`, `0.name`). */
  error(part?: string): string | undefined;
}

/** One field of an event form, drawn from the API's description of it. */
export function EventField(props: FieldProps) {
  const { field, id, value, required, onChange, error } = props;
  switch (field.type) {
    case 'boolean':
      return <Checkbox id={id} label={field.label} description={field.description} checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} error={error()} />;
    case 'choice':
      return <ChoiceField {...props} options={Object.fromEntries((field.values ?? []).map((v) => [v.code, v.label]))} />;
    case 'unit':
      return <UnitField {...props} />;
    case 'person':
      return <PersonField {...props} />;
    case 'address':
      return <AddressField {...props} />;
    case 'guardians':
      return <GuardiansField {...props} />;
    default: {
      const common = { id, label: field.label, description: field.description, value: typeof value === 'string' ? value : '', required, error: error() };
      return field.type === 'textarea' ? (
        <Textfield multiline rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Textfield {...common} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
      );
    }
  }
}

function ChoiceField({ field, id, value, required, onChange, error, options }: FieldProps & { options: Record<string, string> }) {
  return (
    <Field>
      <Label htmlFor={id}>{field.label}</Label>
      {field.description && <Field.Description>{field.description}</Field.Description>}
      <Select id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} required={required} aria-invalid={error() ? true : undefined}>
        <Select.Option value="" disabled>
          Velg
        </Select.Option>
        {Object.entries(options).map(([code, text]) => (
          <Select.Option key={code} value={code}>
            {text}
          </Select.Option>
        ))}
      </Select>
      {error() && <ValidationMessage>{error()}</ValidationMessage>}
    </Field>
  );
}

/** Units by name (GET /units); sends the id. */
function UnitField(props: FieldProps) {
  const units = useUnits();
  return <ChoiceField {...props} options={Object.fromEntries((units.data ?? []).map((u) => [u.id, u.name]))} />;
}

/** A person by name from the directory; sends the id. */
function PersonField({ field, id, onChange, error }: FieldProps) {
  const [item, setItem] = useState<SuggestionItem | null>(null);
  return (
    <PersonPicker
      id={id}
      label={field.label}
      description={field.description}
      value={item}
      onChange={(picked) => {
        setItem(picked);
        onChange(picked?.value ?? '');
      }}
      error={error()}
    />
  );
}

function AddressField({ field, id, value, required, onChange, error }: FieldProps) {
  const a = (value as Address | undefined) ?? { line1: '', postalCode: '', postalPlace: '' };
  const set = (part: Partial<Address>) => onChange({ ...a, ...part });
  return (
    <Fieldset>
      <Fieldset.Legend>{field.label}</Fieldset.Legend>
      {field.description && <Fieldset.Description>{field.description}</Fieldset.Description>}
      {error() && <ValidationMessage>{error()}</ValidationMessage>}
      <div className="grid-2">
        <Textfield id={`${id}-line1`} label="Gateadresse" value={a.line1} onChange={(e) => set({ line1: e.target.value })} required={required} error={error('line1')} autoComplete="off" />
        <Textfield id={`${id}-postalCode`} label="Postnummer" inputMode="numeric" value={a.postalCode} onChange={(e) => set({ postalCode: e.target.value })} error={error('postalCode')} autoComplete="off" />
        <Textfield id={`${id}-postalPlace`} label="Poststed" value={a.postalPlace} onChange={(e) => set({ postalPlace: e.target.value })} error={error('postalPlace')} autoComplete="off" />
      </div>
    </Fieldset>
  );
}

function GuardiansField({ field, id, value, onChange, error }: FieldProps) {
  const rows = (value as GuardianDraft[] | undefined) ?? [emptyGuardian()];
  const set = (i: number, part: Partial<GuardianDraft>) => onChange(rows.map((g, j) => (j === i ? { ...g, ...part } : g)));
  return (
    <Fieldset>
      <Fieldset.Legend>{field.label}</Fieldset.Legend>
      {field.description && <Fieldset.Description>{field.description}</Fieldset.Description>}
      {error() && <ValidationMessage>{error()}</ValidationMessage>}
      {rows.map((g, i) => (
        <div key={i} className="grid-2">
          <Textfield id={`${id}-${i}-name`} label={`Navn på foresatt ${i + 1}`} value={g.name} onChange={(e) => set(i, { name: e.target.value })} error={error(`${i}.name`)} autoComplete="off" />
          <Field>
            <Label htmlFor={`${id}-${i}-relation`}>Relasjon til barnet</Label>
            <Select id={`${id}-${i}-relation`} value={g.relation} onChange={(e) => set(i, { relation: e.target.value })}>
              {!(g.relation in GUARDIAN_RELATION) && <Select.Option value={g.relation}>{g.relation}</Select.Option>}
              {Object.entries(GUARDIAN_RELATION).map(([code, name]) => (
                <Select.Option key={code} value={code}>
                  {name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield id={`${id}-${i}-phone`} label="Telefon (valgfritt)" type="tel" value={g.phone} onChange={(e) => set(i, { phone: e.target.value })} error={error(`${i}.phone`)} autoComplete="off" />
          <Checkbox label="Har foreldreansvar" checked={g.parentalResponsibility} onChange={(e) => set(i, { parentalResponsibility: e.target.checked })} />
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => onChange([...rows, emptyGuardian()])}>
          Legg til foresatt
        </Button>
      </div>
    </Fieldset>
  );
}

/** The element an error summary's link leads to for this field. */
export function focusTarget(field: FieldSpec, id: string): string {
  if (field.type === 'address') return `${id}-line1`;
  if (field.type === 'guardians') return `${id}-0-name`;
  return id;
}
