import type { Actor } from './actor.js';
import { PLATFORM_SCOPE_ID } from './actor.js';
import type { CaseState } from './case-state.js';
import type { Consent } from './consent.js';
import { ACTIONS, PERMISSIONS, allowedActions, allowedGeneralActions, appliesInStatus, may, unitsWhere, type Action, type CaseSubject } from './permissions.js';
import { ACTORS, MUNI, NOW, TRANSFER_TO_U2, UNIT, caseIn, consent } from './test-fixtures.js';
import { TRANSITIONS } from './transitions.js';

/**
 * The permission table as a reviewer reads it, written out by hand and NOT derived from
 * PERMISSIONS: for every action, the case shape it is asked about and exactly who may.
 */
const at = (role: Actor['roles'][number]['role'], scopeType: Actor['roles'][number]['scopeType'], scopeId: string) => ({ role, scopeType, scopeId });
const PEOPLE = {
  ...ACTORS,
  analyst: { userId: 'analyst', municipalityId: MUNI, roles: [at('analyst', 'municipality', MUNI)] },
  archivist: { userId: 'archivist', municipalityId: MUNI, roles: [at('archivist', 'municipality', MUNI)] },
  operator: { userId: 'operator', municipalityId: MUNI, roles: [at('operator', 'platform', PLATFORM_SCOPE_ID)] },
  // An admin whose municipality scope is another municipality's: no municipality action here.
  strayAdmin: { userId: 'stray', municipalityId: MUNI, roles: [at('admin', 'municipality', 'm2')] },
} satisfies Record<string, Actor>;
type Person = keyof typeof PEOPLE;
const EVERYONE = Object.keys(PEOPLE) as Person[];

const subject = (state: CaseState, consents: Consent[] = [], measureResponsibleId?: string): CaseSubject => ({ state, consents, now: NOW, measureResponsibleId });
const SHAPES = {
  /** Own unit, acting: reporter `reporter`, stafettholder `assignee`. */
  own: subject(caseIn('acting')),
  /** A handover to `colleague` is pending. */
  pending: subject(caseIn('assessing', { pendingAssigneeId: 'colleague' })),
  /** A transfer to u2 (leader `otherLeader`) is proposed. */
  transfer: subject(caseIn('assessing', { transfer: { ...TRANSFER_TO_U2 } }), [consent(['receiving_unit'])]),
  /** The team of cluster c1, consent naming ppt (`teamMember` identified, `healthTeamMember` anonymised); `teamMember` is responsible for the measure. */
  team: subject(caseIn('acting', { route: 'interdisciplinary_team', level: 2 }), [consent(['ppt'])], 'team'),
  tfa: subject(caseIn('acting', { route: 'tfa', level: 2 }), [consent(['tfa'])]),
  /** IKS with its core group's nav (`iksMember`) named. */
  iks: subject(caseIn('acting', { route: 'iks', level: 3 }), [consent(['iks', 'nav'])]),
};
type Shape = keyof typeof SHAPES | 'none' | { unitId: string; municipalityId: string };

const UNIT_WORKERS: Person[] = ['leader', 'assignee', 'reporter', 'colleague'];
const CASE_WORKERS: Person[] = [
  'leader', 'assignee', 'reporter', 'colleague', 'otherLeader', 'clusterLeader', 'teamMember', 'healthTeamMember', 'otherClusterTeamMember', 'tfa', 'iks', 'iksMember', 'foreignLeader',
];
const EXPECTED: Record<Action, [Shape, Person[]]> = {
  start_assessment:        ['own', ['leader', 'assignee', 'reporter']],
  complete_assessment:     ['own', ['leader', 'assignee']],
  decide:                  ['own', ['leader', 'assignee']],
  escalate:                ['own', ['leader']],
  request_evaluation:      ['own', ['leader', 'assignee', 'system']],
  evaluate:                ['own', ['leader', 'assignee']],
  // The assignee closes only before acting; the case is acting.
  close:                   ['own', ['leader']],
  reopen:                  ['own', ['leader']],
  report_to_child_welfare: ['team', ['leader', 'assignee', 'reporter', 'teamMember']],
  raise_safety_concern:    ['iks', ['leader', 'assignee', 'reporter', 'iks', 'iksMember']],
  accept_handover:         ['pending', ['colleague']],
  decline_handover:        ['pending', ['colleague']],
  propose_transfer:        ['own', ['leader']],
  accept_transfer:         ['transfer', ['otherLeader']],
  reject_transfer:         ['transfer', ['otherLeader']],
  step_down:               ['team', ['leader']],
  guardians_may_be_informed: ['own', ['leader']],
  'case.assign':           ['own', ['leader']],
  'consent.manage':        ['transfer', ['leader', 'assignee', 'reporter', 'otherLeader']],
  'consent.request':       ['own', ['assignee']],
  'measure.add':           ['team', ['leader', 'assignee']],
  'measure.evaluate':      ['team', ['leader', 'assignee', 'teamMember']],
  // The anonymised health station member works on the case but does not see who the child is.
  'log.write':             ['team', ['leader', 'assignee', 'reporter', 'teamMember']],
  'log.correct':           ['tfa', ['leader', 'assignee', 'reporter', 'tfa']],
  // The unit leader alone, not the stafettholder who may have written the entry.
  'log.declassify':        ['team', ['leader']],
  'youth_sharing.override': ['own', ['leader']],
  'guardians.manage':      ['pending', ['leader', 'assignee', 'reporter', 'colleague']],
  'report.read':           ['iks', ['leader', 'assignee', 'reporter', 'iks', 'iksMember']],
  'iks.accept':            ['iks', ['iks']],
  'iks.return':            ['iks', ['iks']],
  'iks.end':               ['iks', ['iks']],
  'iks.priority':          ['iks', ['iks']],
  // The TFA coordinator is no IKS coordinator.
  'iks.order':             ['tfa', []],
  'cases.read':            ['none', CASE_WORKERS],
  'cases.read.unit':       ['none', ['leader', 'otherLeader', 'clusterLeader', 'foreignLeader']],
  'audit.read':            ['none', ['auditor']],
  'stats.read':            ['none', ['analyst']],
  'iks.queue':             ['none', ['iks', 'iksMember']],
  'iks.orders.read':       ['none', ['leader', 'otherLeader', 'clusterLeader', 'foreignLeader', 'iks']],
  'people.read':           ['none', CASE_WORKERS],
  'mail.failed.read':      ['none', ['admin']],
  'admin.units':           ['none', ['admin']],
  'admin.users':           ['none', ['admin']],
  'admin.profile':         ['none', ['admin']],
  'archive.extract':       ['none', ['archivist']],
  'archive.deposit':       ['none', ['archivist']],
  'retention.read':        ['none', ['auditor']],
  'case.create':           [{ unitId: UNIT, municipalityId: MUNI }, UNIT_WORKERS],
  // Not a municipality's admin: the platform's operator alone.
  'queues.operate':        ['none', ['operator']],
  'citizen.read':          ['none', []],
  'citizen.consent':       ['none', []],
  'citizen.statement':     ['none', []],
};

describe('every action × every person, against the hand-written table', () => {
  it('the table covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(ACTIONS.map((a) => [a]))('%s', (action) => {
    const [shape, expected] = EXPECTED[action];
    const on = shape === 'none' ? undefined : typeof shape === 'string' ? SHAPES[shape] : shape;
    const allowed = EVERYONE.filter((p) => may(PEOPLE[p], action, on));
    expect(allowed.sort()).toEqual([...expected].sort());
  });
});

describe('may', () => {
  it('reads each event’s relations from the transition table', () => {
    for (const [type, t] of Object.entries(TRANSITIONS)) expect(PERMISSIONS[type as Action]).toMatchObject({ on: 'case', who: t.who });
  });

  it('a case action without its case, and a unit action without its unit, is refused', () => {
    expect(may(ACTORS.leader, 'case.assign')).toBe(false);
    expect(may(ACTORS.leader, 'case.create')).toBe(false);
  });

  it('a user of another municipality has no case action whatever their roles', () => {
    const all = allowedActions(ACTORS.foreignLeader, SHAPES.own);
    expect(all).toEqual([]);
  });

  it('a withdrawn consent takes the identified actions away at once', () => {
    const withdrawn = subject(SHAPES.team.state, [consent(['ppt'], { withdrawnAt: new Date(NOW.getTime() - 1000) })]);
    expect(may(ACTORS.teamMember, 'log.write', SHAPES.team)).toBe(true);
    expect(may(ACTORS.teamMember, 'log.write', withdrawn)).toBe(false);
  });

  it('the operator has no municipality action and no case action', () => {
    expect(allowedGeneralActions(PEOPLE.operator)).toEqual(['queues.operate']);
    expect(allowedActions(PEOPLE.operator, SHAPES.own)).toEqual([]);
  });
});

describe('allowedActions', () => {
  it('lists the permitted actions that apply in the case’s status', () => {
    expect(allowedActions(ACTORS.assignee, SHAPES.own).sort()).toEqual(
      ['request_evaluation', 'report_to_child_welfare', 'raise_safety_concern', 'consent.manage', 'consent.request', 'measure.add', 'measure.evaluate', 'log.write', 'log.correct', 'guardians.manage', 'report.read'].sort(),
    );
  });

  it('a closed case keeps reading and correcting, and may be released to the family; measures and assignments end', () => {
    const closed = subject(caseIn('closed'));
    expect(allowedActions(ACTORS.leader, closed).sort()).toEqual(['reopen', 'guardians_may_be_informed', 'consent.manage', 'log.write', 'log.correct', 'report.read'].sort());
  });

  it('status rules: measures while acting or evaluating, case.assign while open', () => {
    expect(appliesInStatus('measure.add', 'assessing')).toBe(false);
    expect(appliesInStatus('measure.add', 'evaluating')).toBe(true);
    expect(appliesInStatus('case.assign', 'closed')).toBe(false);
    expect(appliesInStatus('log.write', 'closed')).toBe(true);
  });

  it('the municipality actions of a unit leader and of a staff member', () => {
    expect(allowedGeneralActions(ACTORS.leader).sort()).toEqual(['cases.read', 'cases.read.unit', 'iks.orders.read', 'people.read', 'case.create'].sort());
    expect(allowedGeneralActions(ACTORS.assignee).sort()).toEqual(['cases.read', 'people.read', 'case.create'].sort());
    expect(allowedGeneralActions(ACTORS.admin).sort()).toEqual(['admin.profile', 'admin.units', 'admin.users', 'mail.failed.read'].sort());
  });

  it('unitsWhere: the units where the table lets a person log a concern, none for roles outside a unit', () => {
    const twoUnits: Actor = { userId: 'u', municipalityId: MUNI, roles: [at('staff', 'unit', 'unit-a'), at('unit_leader', 'unit', 'unit-b'), at('staff', 'unit', 'unit-a')] };
    expect(unitsWhere(twoUnits, 'case.create').sort()).toEqual(['unit-a', 'unit-b']);
    expect(unitsWhere(ACTORS.admin, 'case.create')).toEqual([]);
    expect(unitsWhere(PEOPLE.operator, 'case.create')).toEqual([]);
  });
});
