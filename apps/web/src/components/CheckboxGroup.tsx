import { Checkbox, Fieldset } from '@digdir/designsystemet-react';
import type { Schemas } from '../api/client';

/** A fieldset of catalog checkboxes; the catalog (from the API) decides the options. */
export function CheckboxGroup(props: {
  legend: string;
  description?: string;
  items: Schemas['CatalogItemDto'][] | undefined;
  value: string[];
  onChange(value: string[]): void;
  error?: string;
}) {
  const { legend, description, items, value, onChange, error } = props;
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...value, code] : value.filter((c) => c !== code));
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {items?.map((item) => (
        <Checkbox
          key={item.code}
          label={item.nb}
          value={item.code}
          checked={value.includes(item.code)}
          onChange={(e) => toggle(item.code, e.target.checked)}
        />
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Fieldset>
  );
}
