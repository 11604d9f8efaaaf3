import { apply } from './apply.js';
import type { CaseEvent } from './events.js';
import { ACTORS, DAY, NOW, SUPER, caseIn, consent, ctx, loadProfiles } from './test-fixtures.js';
import type { Route } from './vocabulary.js';

const deciding = caseIn('deciding');
const decide = (route: Route, extra: Partial<Extract<CaseEvent, { type: 'decide' }>> = {}): CaseEvent => ({
  type: 'decide', route, rationale: 'Begrunnelse.', ...extra,
});
const startOfTodayOslo = new Date('2027-03-09T23:00:00Z'); // 10 March 00:00 Oslo (CET)

describe('consent guard on decide', () => {
  it('refuses tfa without any consent', () => {
    expect(apply(deciding, decide('tfa'), ACTORS.leader, ctx())).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', field: 'route' });
  });
  it('accepts tfa with a consent valid until the end of today', () => {
    const c = consent(['tfa'], { validUntil: new Date(startOfTodayOslo.getTime() + DAY) });
    expect(apply(deciding, decide('tfa'), ACTORS.leader, ctx({ consents: [c] })).ok).toBe(true);
  });
  it('refuses tfa with a consent valid until the end of yesterday', () => {
    const c = consent(['tfa'], { validUntil: startOfTodayOslo });
    expect(apply(deciding, decide('tfa'), ACTORS.leader, ctx({ consents: [c] }))).toMatchObject({ code: 'CONSENT_REQUIRED' });
  });
  it('refuses with a withdrawn consent', () => {
    const c = consent(['tfa'], { withdrawnAt: new Date(NOW.getTime() - 1000) });
    expect(apply(deciding, decide('tfa'), ACTORS.leader, ctx({ consents: [c] }))).toMatchObject({ code: 'CONSENT_REQUIRED' });
  });
  it('refuses with a consent that starts later (pending)', () => {
    const c = consent(['tfa'], { validFrom: new Date(NOW.getTime() + 1000) });
    expect(apply(deciding, decide('tfa'), ACTORS.leader, ctx({ consents: [c] }))).toMatchObject({ code: 'CONSENT_REQUIRED' });
  });
  it('refuses with a consent covering another recipient', () => {
    const c = consent(['interdisciplinary_team', 'ppt']);
    expect(apply(deciding, decide('tfa'), ACTORS.leader, ctx({ consents: [c] }))).toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect(apply(deciding, decide('interdisciplinary_team'), ACTORS.leader, ctx({ consents: [c] })).ok).toBe(true);
  });
  it('lets the interdisciplinary team work anonymously without consent', () => {
    const r = apply(deciding, decide('interdisciplinary_team', { anonymous: true, anonymousSummary: 'Jente, 5 år, trist over tid.' }), ACTORS.leader, ctx());
    expect(r).toMatchObject({ ok: true, next: { route: 'interdisciplinary_team', level: 2, anonymous: true } });
    expect(r.ok && r.effects).toContainEqual(expect.objectContaining({ type: 'CaseRouted', anonymousSummary: 'Jente, 5 år, trist over tid.' }));
  });
  it('an anonymous consultation needs anonymousSummary of at most 2 000 characters (8.4)', () => {
    for (const anonymousSummary of [undefined, ' ', 'x'.repeat(2001)]) {
      expect(apply(deciding, decide('interdisciplinary_team', { anonymous: true, anonymousSummary }), ACTORS.leader, ctx()))
        .toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: 'anonymousSummary' });
    }
    expect(apply(deciding, decide('own_unit', { anonymousSummary: 'x' }), ACTORS.leader, ctx())).toMatchObject({ field: 'anonymousSummary' });
  });
  it('does not accept anonymity for other routes', () => {
    expect(apply(deciding, decide('iks', { anonymous: true }), ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'anonymous' });
  });
  it('needs no consent for own_unit', () => {
    expect(apply(deciding, decide('own_unit'), ACTORS.assignee, ctx())).toMatchObject({ ok: true, next: { route: 'own_unit', level: 1 } });
  });
  it('iks with a covering consent refers the case', () => {
    const r = apply(deciding, decide('iks'), ACTORS.leader, ctx({ consents: [consent(['iks'])] }));
    expect(r.ok && r.effects.some((e) => e.type === 'IksReferred')).toBe(true);
  });
});

describe('role guards', () => {
  it('staff who is not on the case may not decide', () => {
    expect(apply(deciding, decide('own_unit'), ACTORS.colleague, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
  it("another unit's leader may not decide", () => {
    expect(apply(deciding, decide('own_unit'), ACTORS.otherLeader, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
  it('the same unit leader in another municipality may not decide', () => {
    expect(apply(deciding, decide('own_unit'), ACTORS.foreignLeader, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
  it('the assignee may decide own_unit but not iks, tfa or the team', () => {
    const consents = [consent(['iks', 'tfa', 'interdisciplinary_team'])];
    for (const route of ['iks', 'tfa', 'interdisciplinary_team'] as const) {
      expect(apply(deciding, decide(route), ACTORS.assignee, ctx({ consents }))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    }
  });
  it('the assignee may close only with no_concern and only before acting', () => {
    expect(apply(caseIn('assessing'), { type: 'close', reason: 'no_concern' }, ACTORS.assignee, ctx()).ok).toBe(true);
    expect(apply(caseIn('assessing'), { type: 'close', reason: 'resolved' }, ACTORS.assignee, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply(caseIn('acting'), { type: 'close', reason: 'no_concern' }, ACTORS.assignee, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply(caseIn('acting'), { type: 'close', reason: 'resolved' }, ACTORS.leader, ctx()).ok).toBe(true);
  });
  it('escalating through an evaluation is for the unit leader only', () => {
    const e: CaseEvent = { type: 'evaluate', outcome: 'escalate', note: 'n', route: 'interdisciplinary_team', anonymous: true, anonymousSummary: 'Oppsummering.' };
    expect(apply(caseIn('evaluating'), e, ACTORS.assignee, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply(caseIn('evaluating'), e, ACTORS.leader, ctx())).toMatchObject({ ok: true, next: { status: 'acting', route: 'interdisciplinary_team' } });
  });
  it('arena members may report to child welfare only when they see the child identified (8.1)', () => {
    const report: CaseEvent = { type: 'report_to_child_welfare', grounds: 'g', guardiansInformed: true, channel: 'digital' };
    const consents = [consent(['tfa']), consent(['iks', 'nav']), consent(['ppt'])];
    expect(apply(caseIn('acting'), report, ACTORS.tfa, ctx({ consents }))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply(caseIn('acting', { route: 'tfa', level: 2 }), report, ACTORS.tfa, ctx({ consents })).ok).toBe(true);
    expect(apply(caseIn('acting', { route: 'tfa', level: 2 }), report, ACTORS.tfa, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const team = caseIn('acting', { route: 'interdisciplinary_team', level: 2 });
    expect(apply(team, report, ACTORS.teamMember, ctx({ consents })).ok).toBe(true);
    // Sees the case only anonymised: their service (health station) is not named.
    expect(apply(team, report, ACTORS.healthTeamMember, ctx({ consents }))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const anonymous = caseIn('acting', { route: 'interdisciplinary_team', level: 2, anonymous: true });
    expect(apply(anonymous, report, ACTORS.teamMember, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply(team, report, ACTORS.otherClusterTeamMember, ctx({ consents }))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply(caseIn('acting', { route: 'iks', level: 3 }), report, ACTORS.iksMember, ctx({ consents })).ok).toBe(true);
  });
});

describe('route enabled per municipality profile', () => {
  const profiles = loadProfiles();
  const consents = [consent(['tfa', 'iks', 'interdisciplinary_team'])];

  it('kristiansand has tfa but not iks', () => {
    const c = ctx({ enabledRoutes: profiles.kristiansand!.routes, consents });
    expect(apply(deciding, decide('tfa'), ACTORS.leader, c).ok).toBe(true);
    expect(apply(deciding, decide('iks'), ACTORS.leader, c)).toMatchObject({ code: 'ROUTE_DISABLED', field: 'route' });
  });
  it('kristiansund has iks but not tfa', () => {
    const c = ctx({ enabledRoutes: profiles.kristiansund!.routes, consents });
    expect(apply(deciding, decide('iks'), ACTORS.leader, c).ok).toBe(true);
    expect(apply(deciding, decide('tfa'), ACTORS.leader, c)).toMatchObject({ code: 'ROUTE_DISABLED' });
  });
  it('checks the route is enabled before consent', () => {
    const c = ctx({ enabledRoutes: profiles.kristiansand!.routes });
    expect(apply(deciding, decide('iks'), ACTORS.leader, c)).toMatchObject({ code: 'ROUTE_DISABLED' });
  });
  it('escalation to a disabled route is refused too', () => {
    const c = ctx({ enabledRoutes: profiles.kristiansund!.routes, consents });
    expect(apply(caseIn('acting'), { type: 'escalate', route: 'tfa', rationale: 'r' }, ACTORS.leader, c)).toMatchObject({ code: 'ROUTE_DISABLED' });
  });
});

describe('escalation only upward', () => {
  const team = caseIn('acting', { route: 'interdisciplinary_team', level: 2, anonymous: true });
  const consents = [consent(['tfa', 'iks'])];
  it('refuses the same level (team → tfa)', () => {
    expect(apply(team, { type: 'escalate', route: 'tfa', rationale: 'r' }, ACTORS.leader, ctx({ consents }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'route' });
  });
  it('refuses downward (team → own_unit)', () => {
    expect(apply(team, { type: 'escalate', route: 'own_unit', rationale: 'r' }, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'route' });
  });
  it('accepts upward (team → iks) with consent, and anonymity ends', () => {
    const r = apply(team, { type: 'escalate', route: 'iks', rationale: 'r' }, ACTORS.leader, ctx({ consents }));
    expect(r).toMatchObject({ ok: true, next: { route: 'iks', level: 3, anonymous: false, status: 'acting' } });
  });
  it('needs consent for the higher route', () => {
    expect(apply(team, { type: 'escalate', route: 'iks', rationale: 'r' }, ACTORS.leader, ctx())).toMatchObject({ code: 'CONSENT_REQUIRED' });
  });
  it('evaluate(escalate) follows the same rule', () => {
    const e: CaseEvent = { type: 'evaluate', outcome: 'escalate', note: 'n', route: 'own_unit' };
    expect(apply(caseIn('evaluating'), e, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'route' });
    const noRoute: CaseEvent = { type: 'evaluate', outcome: 'escalate', note: 'n' };
    expect(apply(caseIn('evaluating'), noRoute, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'route' });
  });
});

describe('complete_assessment payload', () => {
  const assessing = caseIn('assessing');
  it('requires a summary', () => {
    expect(apply(assessing, { type: 'complete_assessment', summary: '  ', guardiansInformed: true }, ACTORS.assignee, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'summary' });
  });
  it('requires a reason when guardians were not informed', () => {
    expect(apply(assessing, { type: 'complete_assessment', summary: 's', guardiansInformed: false }, ACTORS.assignee, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reasonNotInformed' });
    expect(apply(assessing, { type: 'complete_assessment', summary: 's', guardiansInformed: false, reasonNotInformed: 'Ikke nådd.' }, ACTORS.assignee, ctx()).ok).toBe(true);
  });
  it('never requires guardians informed or a reason when violence/abuse is suspected', () => {
    const flagged = caseIn('assessing', { suspectedViolenceOrAbuse: true });
    expect(apply(flagged, { type: 'complete_assessment', summary: 's', guardiansInformed: false }, ACTORS.assignee, ctx())).toMatchObject({ ok: true, next: { status: 'deciding' } });
  });
  it('rejects a missing guardiansInformed', () => {
    const e = { type: 'complete_assessment', summary: 's' } as unknown as CaseEvent;
    expect(apply(assessing, e, ACTORS.assignee, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'guardiansInformed' });
  });
});

describe('other payloads', () => {
  it('rejects an unknown route', () => {
    const e = { type: 'decide', route: 'police', rationale: 'r' } as unknown as CaseEvent;
    expect(apply(deciding, e, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'route' });
  });
  it('requires a rationale for decide', () => {
    expect(apply(deciding, { type: 'decide', route: 'own_unit', rationale: '' }, ACTORS.leader, ctx())).toMatchObject({ field: 'rationale' });
  });
  it('rejects an unknown close reason and a missing reopen reason', () => {
    const bad = { type: 'close', reason: 'bored' } as unknown as CaseEvent;
    expect(apply(caseIn('acting'), bad, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    expect(apply(caseIn('closed'), { type: 'reopen', reason: '' }, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
  });
  it('rejects an unknown event type', () => {
    const bad = { type: 'teleport' } as unknown as CaseEvent;
    expect(apply(deciding, bad, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'type' });
  });
  it('rejects text over 10 000 characters', () => {
    expect(apply(caseIn('acting'), { type: 'report_to_child_welfare', grounds: 'x'.repeat(10_001), guardiansInformed: true, channel: 'digital' }, ACTORS.leader, ctx())).toMatchObject({ field: 'grounds' });
  });
  it('checks state before role before payload', () => {
    const bad = { type: 'decide', route: 'nope', rationale: '' } as unknown as CaseEvent;
    expect(apply(caseIn('acting'), bad, ACTORS.colleague, ctx())).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(apply(deciding, bad, ACTORS.colleague, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply(deciding, bad, SUPER, ctx())).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('report_to_child_welfare', () => {
  it('needs no consent, keeps the status and records the time', () => {
    const r = apply(caseIn('acting', { route: 'tfa', level: 2 }), { type: 'report_to_child_welfare', grounds: 'g', guardiansInformed: true, channel: 'digital' }, ACTORS.reporter, ctx({ consents: [] }));
    expect(r).toMatchObject({ ok: true, next: { status: 'acting', childWelfareReportedAt: NOW } });
  });
  it('keeps the first report time', () => {
    const first = new Date(NOW.getTime() - DAY);
    const r = apply(caseIn('assessing', { childWelfareReportedAt: first }), { type: 'report_to_child_welfare', grounds: 'g', guardiansInformed: true, channel: 'digital' }, ACTORS.reporter, ctx());
    expect(r.ok && r.next.childWelfareReportedAt).toEqual(first);
  });
  it('is refused on a closed case', () => {
    expect(apply(caseIn('closed'), { type: 'report_to_child_welfare', grounds: 'g', guardiansInformed: true, channel: 'digital' }, ACTORS.leader, ctx())).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });
  it('names guardiansInformed, the reason when they were not informed, and the channel', () => {
    const report = (extra: object) => ({ type: 'report_to_child_welfare', grounds: 'g', guardiansInformed: true, channel: 'phone', ...extra }) as CaseEvent;
    const open = caseIn('assessing');
    expect(apply(open, report({ guardiansInformed: undefined }), ACTORS.reporter, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'guardiansInformed' });
    expect(apply(open, report({ guardiansInformed: false }), ACTORS.reporter, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reasonGuardiansNotInformed' });
    expect(apply(open, report({ guardiansInformed: false, reasonGuardiansNotInformed: 'Mistanke om vold.' }), ACTORS.reporter, ctx())).toMatchObject({ ok: true });
    expect(apply(open, report({ channel: 'fax' }), ACTORS.reporter, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'channel' });
    expect(apply(open, report({ reference: 'x'.repeat(10_001) }), ACTORS.reporter, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reference' });
  });
  it('logs the channel and whether the guardians were informed', () => {
    const r = apply(caseIn('assessing'), { type: 'report_to_child_welfare', grounds: 'Blåmerker.', guardiansInformed: false, reasonGuardiansNotInformed: 'Vold i hjemmet.', channel: 'barnevernvakt' }, ACTORS.reporter, ctx());
    expect(r.ok && r.logText).toBe('Bekymringsmelding til barnevernet er registrert (barnevernvakten). Grunnlag: Blåmerker. Foresatte er ikke orientert: Vold i hjemmet.');
  });
});

describe('refusals are in bokmål and never change the state', () => {
  it('returns a message and leaves the input untouched', () => {
    const state = Object.freeze(caseIn('deciding'));
    const r = apply(state, decide('tfa'), ACTORS.leader, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/samtykke/);
  });
});
