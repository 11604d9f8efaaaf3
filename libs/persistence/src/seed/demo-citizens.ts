/**
 * The family's demo identities (DESIGN 12.4 Contract): synthetic national ids by Digdir's test-user
 * convention (month + 80), which no real person has. The seed links them to demo cases
 * (apps/api/src/citizen/family-demo-seed.ts); the local ID-porten stand-in and
 * `GET /api/v1/auth/config` offer them.
 */
export interface DemoCitizen {
  pid: string;
  name: string;
  /** What this identity sees in the portal. */
  description: string;
}

export const DEMO_CHILD_SOLSIDEN = { pid: '14892050083', firstName: 'Lea', lastName: 'Demosen', birthDate: '2020-09-14', unitCode: 'solsiden-bhg' };
export const DEMO_YOUTH_FJORDGLOTT = { pid: '05901050041', firstName: 'Jonas', lastName: 'Demoberg', birthDate: '2010-10-05', unitCode: 'fjordglott-us' };

export const DEMO_CITIZENS: DemoCitizen[] = [
  { pid: '03888510086', name: 'Mona Demosen', description: 'Mor til Lea (Solsiden barnehage), felles foreldreansvar' },
  { pid: '21908210015', name: 'Per Demosen', description: 'Far til Lea (Solsiden barnehage), felles foreldreansvar' },
  { pid: DEMO_YOUTH_FJORDGLOTT.pid, name: 'Jonas Demoberg', description: 'Ungdom, 16 år (Fjordglott ungdomsskole)' },
  { pid: '27927710086', name: 'Ulrik Ukoblet', description: 'Voksen uten kobling til noen sak' },
];
