import { acrSatisfies } from './acr.js';

describe('acrSatisfies', () => {
  it('accepts the required level and a higher one', () => {
    expect(acrSatisfies('idporten-loa-high', 'idporten-loa-high')).toBe(true);
    expect(acrSatisfies('idporten-loa-high', 'idporten-loa-substantial')).toBe(true);
  });

  it('refuses a lower level, an unknown one and none', () => {
    expect(acrSatisfies('idporten-loa-substantial', 'idporten-loa-high')).toBe(false);
    expect(acrSatisfies('Level4', 'idporten-loa-high')).toBe(false);
    expect(acrSatisfies(undefined, 'idporten-loa-substantial')).toBe(false);
  });
});
