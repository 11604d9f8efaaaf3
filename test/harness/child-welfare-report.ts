/**
 * A complete `report_to_child_welfare` body: the event's fields (DESIGN 8.1) and the facts the KS
 * Fiks document needs that a demo case does not hold (8.9). Override what a test is about.
 */
export function reportEvent(overrides: Record<string, unknown> = {}) {
  return {
    type: 'report_to_child_welfare',
    grounds: 'Barnet har blåmerker på armene og sier at det er redd for å gå hjem.',
    guardiansInformed: true,
    channel: 'digital',
    reporterPhone: '+47 912 34 567',
    reporterEmail: 'ansatt@demo.kommune.no',
    childInformed: true,
    childAddress: { line1: 'Bakkegata 3', postalCode: '4611', postalPlace: 'Demo' },
    ...overrides,
  };
}
