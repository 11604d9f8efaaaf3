import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { caseViewOf, isIdentifiedViewer, mayCoordinate } from './access.js';
import type { Actor } from './actor.js';
import { consentNamesService, consentGiverRefusal, type Consent } from './consent.js';
import { ACTORS, DAY, NOW, caseIn, consent, type ActorName } from './test-fixtures.js';
import { CONSENT_SERVICE_CODES, ROUTES, TEAM_SERVICE_CODES } from './vocabulary.js';

const team = caseIn('acting', { route: 'interdisciplinary_team', level: 2 });

describe('caseViewOf (who sees what, DESIGN 7 and 8.3-8.4)', () => {
  it('the unit’s own people see the case identified; a leader of another unit or municipality nothing', () => {
    for (const n of ['reporter', 'assignee', 'leader'] as const) expect(caseViewOf(ACTORS[n], team, [], NOW)).toBe('full');
    for (const n of ['colleague', 'otherLeader', 'foreignLeader', 'admin', 'auditor'] as const) expect(caseViewOf(ACTORS[n], team, [], NOW)).toBeNull();
  });
  it('a proposed coordinator sees the case identified (8.2)', () => {
    expect(caseViewOf(ACTORS.colleague, { ...team, pendingAssigneeId: 'colleague' }, [], NOW)).toBe('full');
  });
  it('a team member sees the child only when their own service is named', () => {
    const ppt = [consent(['ppt'])];
    expect(caseViewOf(ACTORS.teamMember, team, ppt, NOW)).toBe('full');
    expect(caseViewOf(ACTORS.healthTeamMember, team, ppt, NOW)).toBe('anonymised');
    expect(caseViewOf(ACTORS.otherClusterTeamMember, team, ppt, NOW)).toBeNull();
    expect(caseViewOf(ACTORS.teamMember, team, [], NOW)).toBeNull();
  });
  it('an anonymous consultation is anonymised for the whole team', () => {
    const anonymous = { ...team, anonymous: true };
    expect(caseViewOf(ACTORS.teamMember, anonymous, [], NOW)).toBe('anonymised');
    expect(caseViewOf(ACTORS.healthTeamMember, anonymous, [], NOW)).toBe('anonymised');
  });
  it('a round-one consent to the team arena names every team service, but not tfa or iks', () => {
    const legacy = [consent(['interdisciplinary_team'])];
    expect(caseViewOf(ACTORS.teamMember, team, legacy, NOW)).toBe('full');
    expect(caseViewOf(ACTORS.healthTeamMember, team, legacy, NOW)).toBe('full');
    for (const s of TEAM_SERVICE_CODES) expect(consentNamesService(legacy[0]!, s, NOW)).toBe(true);
    for (const s of ['tfa', 'iks', 'receiving_unit']) expect(consentNamesService(legacy[0]!, s, NOW)).toBe(false);
  });
  it('a refusal grants nothing', () => {
    const refused = [consent(['ppt', 'tfa'], { decision: 'refused' })];
    expect(caseViewOf(ACTORS.teamMember, team, refused, NOW)).toBeNull();
    expect(caseViewOf(ACTORS.tfa, caseIn('acting', { route: 'tfa', level: 2 }), refused, NOW)).toBeNull();
  });
  it('TFA and IKS see the case under the route’s consent and their own service', () => {
    const tfa = caseIn('acting', { route: 'tfa', level: 2 });
    const iks = caseIn('acting', { route: 'iks', level: 3 });
    expect(caseViewOf(ACTORS.tfa, tfa, [consent(['tfa'])], NOW)).toBe('full');
    expect(caseViewOf(ACTORS.tfa, iks, [consent(['tfa', 'iks'])], NOW)).toBeNull();
    expect(caseViewOf(ACTORS.iks, iks, [consent(['iks'])], NOW)).toBe('full');
    expect(caseViewOf(ACTORS.iksMember, iks, [consent(['iks'])], NOW)).toBeNull();
    expect(caseViewOf(ACTORS.iksMember, iks, [consent(['iks', 'nav'])], NOW)).toBe('full');
  });
});

describe('property: no identified view without a covering consent naming the viewer’s service', () => {
  const outsiders: ActorName[] = ['teamMember', 'healthTeamMember', 'otherClusterTeamMember', 'tfa', 'iks', 'iksMember', 'colleague', 'otherLeader', 'admin'];
  const consentArb: fc.Arbitrary<Consent> = fc.record({
    id: fc.uuid(),
    recipients: fc.subarray(['interdisciplinary_team', 'ppt', 'health_station', 'nav', 'tfa', 'iks']),
    decision: fc.constantFrom<Consent['decision']>('given', 'refused', undefined),
    validFrom: fc.integer({ min: -5, max: 3 }).map((d) => new Date(NOW.getTime() + d * DAY)),
    validUntil: fc.option(fc.integer({ min: -2, max: 30 }).map((d) => new Date(NOW.getTime() + d * DAY)), { nil: null }),
    withdrawnAt: fc.option(fc.integer({ min: -3, max: 3 }).map((d) => new Date(NOW.getTime() + d * DAY)), { nil: null }),
  });
  it('holds for random cases, consents and outsiders (also: anonymised never without team scope)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROUTES, null), fc.boolean(), fc.array(consentArb, { maxLength: 4 }), fc.constantFrom(...outsiders), (route, anonymous, consents, name) => {
        const state = caseIn(route ? 'acting' : 'deciding', { route, level: route === null ? 0 : route === 'iks' ? 3 : route === 'own_unit' ? 1 : 2, anonymous: route === 'interdisciplinary_team' && anonymous });
        const actor: Actor = ACTORS[name];
        const view = caseViewOf(actor, state, consents, NOW);
        if (view === 'full') {
          const named = consents.some((c) => c.decision !== 'refused' && c.validFrom <= NOW && (c.validUntil === null || NOW < c.validUntil) &&
            (c.withdrawnAt === null || NOW < c.withdrawnAt) &&
            (c.recipients.includes(actor.service!) || (c.recipients.includes('interdisciplinary_team') && TEAM_SERVICE_CODES.includes(actor.service!))));
          expect(named).toBe(true);
        }
        if (view === 'anonymised') expect(state.route).toBe('interdisciplinary_team');
        expect(isIdentifiedViewer(actor, state, consents, NOW)).toBe(view === 'full');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mayCoordinate (8.2)', () => {
  it('staff and leader of the unit always; a team member from level 2 only when their service is named', () => {
    const deciding = caseIn('deciding');
    expect(mayCoordinate(ACTORS.colleague, deciding, [], NOW)).toBe(true);
    expect(mayCoordinate(ACTORS.leader, deciding, [], NOW)).toBe(true);
    expect(mayCoordinate(ACTORS.teamMember, deciding, [consent(['ppt'])], NOW)).toBe(false);
    expect(mayCoordinate(ACTORS.teamMember, team, [consent(['ppt'])], NOW)).toBe(true);
    expect(mayCoordinate(ACTORS.healthTeamMember, team, [consent(['ppt'])], NOW)).toBe(false);
    expect(mayCoordinate(ACTORS.otherLeader, team, [consent(['ppt'])], NOW)).toBe(false);
    expect(mayCoordinate(ACTORS.admin, team, [consent(['ppt'])], NOW)).toBe(false);
  });
});

describe('who may consent (8.3)', () => {
  it('a person with parental responsibility, or the child from selfConsentAge', () => {
    for (const r of ['mother', 'father', 'guardian', 'foster_parent']) expect(consentGiverRefusal(r, 4, 16)).toBeNull();
    expect(consentGiverRefusal('child', 16, 16)).toBeNull();
    expect(consentGiverRefusal('child', 15, 16)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'givenBy.relation' });
    expect(consentGiverRefusal('child', 15, 15)).toBeNull();
    expect(consentGiverRefusal('other', 10, 16)).toMatchObject({ field: 'givenBy.relation' });
    expect(consentGiverRefusal('neighbour', 10, 16)).toMatchObject({ field: 'givenBy.relation' });
  });
  it('the consent services are exactly services.json', () => {
    const file = resolve(process.cwd(), 'libs/reference-data/services.json');
    const codes = (JSON.parse(readFileSync(file, 'utf8')) as { items: { code: string }[] }).items.map((i) => i.code);
    expect([...CONSENT_SERVICE_CODES].sort()).toEqual(codes.sort());
  });
});

describe('the migration snapshot of the team services', () => {
  it('equals TEAM_SERVICE_CODES (a new team service needs a migration of bti_consent_names)', () => {
    const text = readFileSync(resolve(process.cwd(), 'migrations/1796021701022-PracticeRules.ts'), 'utf8');
    const list = /const TEAM_SERVICE_CODES = \[([^\]]*)\]/.exec(text)![1]!.split(',').map((s) => s.trim().replace(/'/g, ''));
    expect(list).toEqual([...TEAM_SERVICE_CODES]);
  });
});
