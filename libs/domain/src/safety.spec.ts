import { apply } from './apply.js';
import type { CaseEvent } from './events.js';
import { isConcernFlagged } from './safety.js';
import { ACTORS, NOW, caseIn, consent, ctx } from './test-fixtures.js';

const flagged = (status: Parameters<typeof caseIn>[0] = 'assessing') => caseIn(status, { suspectedViolenceOrAbuse: true });
const JUSTIFICATION = 'Samtalen med barnet avkreftet mistanken helt.';

describe('isConcernFlagged (8.1)', () => {
  it('flags by the boolean, the category violence_abuse, or a risk factor marked indicatesAbuse', () => {
    const abuse = ['serious_violations'];
    expect(isConcernFlagged({ suspectedViolenceOrAbuse: true }, abuse)).toBe(true);
    expect(isConcernFlagged({ suspectedViolenceOrAbuse: false, categories: ['violence_abuse'] }, abuse)).toBe(true);
    expect(isConcernFlagged({ suspectedViolenceOrAbuse: false, riskFactors: ['serious_violations'] }, abuse)).toBe(true);
    expect(isConcernFlagged({ suspectedViolenceOrAbuse: false, categories: ['care'], riskFactors: ['family_conflict'] }, abuse)).toBe(false);
  });
});

describe('raise_safety_concern', () => {
  it('flags the case and starts the urgent reminder in clock time', () => {
    const r = apply(caseIn('acting', { route: 'own_unit', level: 1 }), { type: 'raise_safety_concern', note: 'Forteller om slag.' }, ACTORS.reporter, ctx());
    expect(r).toMatchObject({ ok: true, next: { suspectedViolenceOrAbuse: true, status: 'acting' } });
    // Wednesday 11:00 + 24 h, not moved (and a Friday concern would alert on Saturday).
    expect(r.ok && r.effects).toContainEqual({ type: 'ReminderScheduled', kind: 'child_welfare_report_missing', dueAt: new Date(NOW.getTime() + 24 * 3600_000), recipient: 'unit_leader' });
    expect(r.ok && r.logText).toMatch(/barnevernvakten/);
  });
  it('a Friday evening flag is due Saturday evening, not Monday', () => {
    const friday = new Date('2027-03-12T19:00:00Z');
    const r = apply(caseIn('assessing'), { type: 'raise_safety_concern', note: 'n' }, ACTORS.leader, ctx({ now: friday }));
    expect(r.ok && r.effects).toContainEqual(expect.objectContaining({ kind: 'child_welfare_report_missing', dueAt: new Date('2027-03-13T19:00:00Z') }));
  });
  it('needs a note, and an identified view: an anonymised team member gets FORBIDDEN_ROLE', () => {
    expect(apply(caseIn('assessing'), { type: 'raise_safety_concern', note: ' ' } as CaseEvent, ACTORS.leader, ctx())).toMatchObject({ field: 'note' });
    const anonymous = caseIn('acting', { route: 'interdisciplinary_team', level: 2, anonymous: true });
    expect(apply(anonymous, { type: 'raise_safety_concern', note: 'n' }, ACTORS.teamMember, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply(anonymous, { type: 'raise_safety_concern', note: 'n' }, ACTORS.teamMember, ctx({ consents: [consent(['ppt'])] })).ok).toBe(true);
  });
});

describe('a flagged case without a report never closes silently', () => {
  const close = (extra: object = {}): CaseEvent => ({ type: 'close', reason: 'no_concern', ...extra }) as CaseEvent;
  it('the assignee gets FORBIDDEN_ROLE even with no_concern before acting', () => {
    expect(apply(flagged(), close({ justification: JUSTIFICATION }), ACTORS.assignee, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
  it('the unit leader needs a justification of at least 20 characters, which the log keeps', () => {
    expect(apply(flagged(), close(), ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'justification' });
    expect(apply(flagged(), close({ justification: 'For kort.' }), ACTORS.leader, ctx())).toMatchObject({ field: 'justification' });
    const ok = apply(flagged(), close({ justification: JUSTIFICATION }), ACTORS.leader, ctx());
    expect(ok).toMatchObject({ ok: true, next: { status: 'closed' } });
    expect(ok.ok && ok.logText).toContain(JUSTIFICATION);
  });
  it('an evaluation that closes follows the same rule', () => {
    const e: CaseEvent = { type: 'evaluate', outcome: 'close', note: 'n' };
    expect(apply(flagged('evaluating'), e, ACTORS.assignee, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply(flagged('evaluating'), e, ACTORS.leader, ctx())).toMatchObject({ field: 'justification' });
  });
  it('after a report anyone allowed may close as before', () => {
    const reported = caseIn('assessing', { suspectedViolenceOrAbuse: true, childWelfareReportedAt: NOW });
    expect(apply(reported, close(), ACTORS.assignee, ctx()).ok).toBe(true);
  });
});

describe('guardians_may_be_informed (DESIGN 12.4)', () => {
  it('releases a flagged case to the family once, keeping the first time', () => {
    const first = apply(caseIn('acting', { route: 'own_unit', level: 1, suspectedViolenceOrAbuse: true }), { type: 'guardians_may_be_informed', note: 'Barnevernet sier ja.' }, ACTORS.leader, ctx());
    expect(first.ok && first.next.guardiansMayBeInformedAt).toBeInstanceOf(Date);
  });

  it('a new safety concern, or a report that does not inform the guardians, hides a released case again', () => {
    const released = caseIn('acting', { route: 'own_unit', level: 1, suspectedViolenceOrAbuse: true, guardiansMayBeInformedAt: NOW });
    const flag = apply(released, { type: 'raise_safety_concern', note: 'Ny mistanke.' }, ACTORS.leader, ctx());
    expect(flag.ok && flag.next.guardiansMayBeInformedAt).toBeNull();
    expect(flag.ok && flag.effects).toContainEqual({ type: 'GuardiansHidden' });
    const report = (guardiansInformed: boolean) =>
      apply(released, { type: 'report_to_child_welfare', grounds: 'g', channel: 'phone', guardiansInformed, ...(guardiansInformed ? {} : { reasonGuardiansNotInformed: 'Barnevernet ber oss vente.' }) } as CaseEvent, ACTORS.leader, ctx());
    const notTold = report(false);
    expect(notTold.ok && notTold.next.guardiansMayBeInformedAt).toBeNull();
    const told = report(true);
    expect(told.ok && told.next.guardiansMayBeInformedAt).toEqual(NOW);
    const again = apply(flag.ok ? flag.next : released, { type: 'guardians_may_be_informed', note: 'Avklart igjen.' }, ACTORS.leader, ctx({ now: new Date(NOW.getTime() + 1000) }));
    expect(again.ok && again.next.guardiansMayBeInformedAt).toEqual(new Date(NOW.getTime() + 1000));
  });

  it('is refused on a case that is not hidden from the family, and without a note', () => {
    const open = apply(caseIn('acting', { route: 'own_unit', level: 1 }), { type: 'guardians_may_be_informed', note: 'Ja.' }, ACTORS.leader, ctx());
    expect(open.ok).toBe(false);
    const noNote = apply(caseIn('acting', { route: 'own_unit', level: 1, suspectedViolenceOrAbuse: true }), { type: 'guardians_may_be_informed', note: ' ' }, ACTORS.leader, ctx());
    expect(noNote.ok ? null : noNote.field).toBe('note');
  });
});
