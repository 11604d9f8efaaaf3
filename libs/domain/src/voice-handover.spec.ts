import { apply } from './apply.js';
import type { CaseEvent } from './events.js';
import { offerHandover } from './handover.js';
import { replay } from './replay.js';
import { ACTORS, caseIn, consent, ctx } from './test-fixtures.js';

describe("the child's voice at complete_assessment (8.5)", () => {
  const complete = (extra: object): CaseEvent => ({ type: 'complete_assessment', summary: 's', guardiansInformed: true, ...extra }) as CaseEvent;
  const fields = (r: ReturnType<typeof apply>) => (r.ok ? [] : (r.errors ?? [{ field: r.field }]).map((e) => e.field));
  it('under 7: nothing required', () => {
    expect(apply(caseIn('assessing'), complete({}), ACTORS.leader, ctx({ childAge: 6 })).ok).toBe(true);
  });
  it('from 7: childHeard, then the view or the reason', () => {
    expect(fields(apply(caseIn('assessing'), complete({}), ACTORS.leader, ctx({ childAge: 7 })))).toEqual(['childHeard']);
    expect(fields(apply(caseIn('assessing'), complete({ childHeard: true }), ACTORS.leader, ctx({ childAge: 7 })))).toEqual(['childView']);
    expect(fields(apply(caseIn('assessing'), complete({ childHeard: false }), ACTORS.leader, ctx({ childAge: 9 })))).toEqual(['reasonChildNotHeard']);
    expect(apply(caseIn('assessing'), complete({ childHeard: true, childView: 'Vil være med venner.' }), ACTORS.leader, ctx({ childAge: 11 })).ok).toBe(true);
  });
  it('from 12, heard: also how the view was weighed; every missing field at once', () => {
    expect(fields(apply(caseIn('assessing'), complete({ childHeard: true }), ACTORS.leader, ctx({ childAge: 12 })))).toEqual(['childView', 'childViewWeight']);
    const r = apply(caseIn('assessing'), complete({ childHeard: true, childView: 'v', childViewWeight: 'Tillagt stor vekt.', guardiansView: 'Enig.' }), ACTORS.leader, ctx({ childAge: 14 }));
    expect(r.ok && r.effects).toContainEqual({ type: 'VoiceRecorded', child: { heard: true, view: 'v', reasonNotHeard: null, weight: 'Tillagt stor vekt.' }, guardiansView: 'Enig.' });
  });
});

describe('decide needs a coordinator (8.2)', () => {
  const decide: CaseEvent = { type: 'decide', route: 'own_unit', rationale: 'r' };
  const unassigned = caseIn('deciding', { assigneeId: null });
  it('422 COORDINATOR_REQUIRED without one', () => {
    expect(apply(unassigned, decide, ACTORS.leader, ctx())).toMatchObject({ ok: false, code: 'COORDINATOR_REQUIRED' });
  });
  it('the payload may name one who may coordinate; the case takes them at once', () => {
    const r = apply(unassigned, { ...decide, assigneeId: 'colleague' } as CaseEvent, ACTORS.leader, ctx({ proposedCoordinator: ACTORS.colleague }));
    expect(r).toMatchObject({ ok: true, next: { assigneeId: 'colleague' } });
    expect(r.ok && replay(unassigned, r.effects)).toEqual(r.ok && r.next);
    expect(apply(unassigned, { ...decide, assigneeId: 'admin' } as CaseEvent, ACTORS.leader, ctx({ proposedCoordinator: ACTORS.admin }))).toMatchObject({ field: 'assigneeId' });
  });
});

describe('handover with acceptance (8.2)', () => {
  const acting = caseIn('acting', { route: 'interdisciplinary_team', level: 2 });
  it('a case without a coordinator takes the new one at once', () => {
    const r = offerHandover({ ...acting, assigneeId: null }, ACTORS.colleague, ACTORS.leader, ctx());
    expect(r).toMatchObject({ ok: true, next: { assigneeId: 'colleague', pendingAssigneeId: null } });
  });
  it('a case with one waits for the proposed person; accept or decline', () => {
    const offered = offerHandover(acting, ACTORS.teamMember, ACTORS.leader, ctx({ consents: [consent(['ppt'])] }));
    expect(offered).toMatchObject({ ok: true, next: { assigneeId: 'assignee', pendingAssigneeId: 'team' } });
    if (!offered.ok) return;
    expect(offered.effects).toEqual([{ type: 'HandoverOffered', pendingAssigneeId: 'team' }]);
    const accepted = apply(offered.next, { type: 'accept_handover' }, ACTORS.teamMember, ctx());
    expect(accepted).toMatchObject({ ok: true, next: { assigneeId: 'team', pendingAssigneeId: null } });
    const declined = apply(offered.next, { type: 'decline_handover', reason: 'Ikke nå.' }, ACTORS.teamMember, ctx());
    expect(declined).toMatchObject({ ok: true, next: { assigneeId: 'assignee', pendingAssigneeId: null } });
    expect(apply(offered.next, { type: 'accept_handover' }, ACTORS.assignee, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
  it('refuses a person who may not coordinate, staff as offerer, and a closed case', () => {
    expect(offerHandover(acting, ACTORS.healthTeamMember, ACTORS.leader, ctx({ consents: [consent(['ppt'])] }))).toMatchObject({ field: 'assigneeId' });
    expect(offerHandover(acting, ACTORS.colleague, ACTORS.assignee, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(offerHandover(caseIn('closed'), ACTORS.colleague, ACTORS.leader, ctx())).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });
});
