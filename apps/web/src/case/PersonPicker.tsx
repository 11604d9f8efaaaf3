import { EXPERIMENTAL_Suggestion as Suggestion, Field, Label, ValidationMessage, type SuggestionItem } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { ROLE_LABEL } from '../labels';
import { usePeopleSearch, type PeopleFilter, type Person } from './people';

/** «Kari Ansatt – Ansatt, Solsiden barnehage»: enough to tell two people of the same name apart. */
export function personLine(p: Person): string {
  const roles = p.roles.map((r) => [ROLE_LABEL[r.role] ?? r.role, r.unitName].filter(Boolean).join(', '));
  return roles.length ? `${p.name} – ${roles.join('; ')}` : p.name;
}

interface Common {
  id: string;
  label: string;
  description?: string;
  filter?: PeopleFilter;
  error?: string;
}

/** One person from the directory, found by typing the start of a name (Designsystemet Suggestion). */
export function PersonPicker({ value, onChange, ...common }: Common & { value: SuggestionItem | null; onChange(item: SuggestionItem | null): void }) {
  return (
    <PickerField {...common}>
      {(options) => (
        <Suggestion selected={value} onSelectedChange={onChange} filter={false}>
          {options}
        </Suggestion>
      )}
    </PickerField>
  );
}

/** Several people; with `creatable`, also names typed freely (a guardian, someone from outside). */
export function PeoplePicker({ value, onChange, creatable, ...common }: Common & { value: SuggestionItem[]; onChange(items: SuggestionItem[]): void; creatable?: boolean }) {
  return (
    <PickerField {...common} byName>
      {(options) => (
        <Suggestion multiple selected={value} onSelectedChange={onChange} filter={false} creatable={creatable}>
          {options}
        </Suggestion>
      )}
    </PickerField>
  );
}

function PickerField({ id, label, description, filter, error, byName, children }: Common & { byName?: boolean; children(options: React.ReactNode): React.ReactNode }) {
  const [q, setQ] = useState('');
  const people = usePeopleSearch(q, filter);
  const options = (
    <>
      <Suggestion.Input id={id} onInput={(e) => setQ(e.currentTarget.value)} aria-invalid={error ? true : undefined} />
      <Suggestion.Clear aria-label="Tøm" />
      <Suggestion.List>
        {people.data?.items.length === 0 && <Suggestion.Empty>Ingen med det navnet</Suggestion.Empty>}
        {people.data?.items.map((p) => (
          <Suggestion.Option key={p.id} value={byName ? p.name : p.id} label={p.name}>
            {personLine(p)}
          </Suggestion.Option>
        ))}
      </Suggestion.List>
    </>
  );
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      {children(options)}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
