import { allowedEvents, apply } from './apply.js';
import { EVENT_TYPES, type EventType } from './events.js';
import { ACTORS, SUPER, caseIn, ctx, samplePayload, type ActorName } from './test-fixtures.js';
import { TRANSITIONS } from './transitions.js';
import { CASE_STATUSES, type CaseStatus } from './vocabulary.js';

/** What the table says, computed independently of apply: the expected target or null (refused). */
function expectedTarget(status: CaseStatus, type: EventType): CaseStatus | null {
  const t = TRANSITIONS[type];
  const from = t.from === 'open' ? CASE_STATUSES.filter((s) => s !== 'closed') : t.from;
  if (!from.includes(status)) return null;
  if (t.to === 'same') return status;
  if (typeof t.to === 'function') return t.to(samplePayload(type) as never);
  return t.to;
}

describe('every status × every event (generated from the table)', () => {
  const cells = CASE_STATUSES.flatMap((status) => EVENT_TYPES.map((type) => [status, type] as const));

  it.each(cells)('%s × %s', (status, type) => {
    // SUPER is also the proposed coordinator, so the handover events pass their role check.
    const result = apply(caseIn(status, { pendingAssigneeId: SUPER.userId }), samplePayload(type), SUPER, ctx());
    const target = expectedTarget(status, type);
    if (target === null) {
      expect(result).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.next.status).toBe(target);
    }
  });

  it('every event type has a row and the table reaches every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...EVENT_TYPES].sort());
    const reached = new Set<CaseStatus>(['discovered']);
    for (const status of CASE_STATUSES) for (const type of EVENT_TYPES) {
      const t = expectedTarget(status, type);
      if (t) reached.add(t);
    }
    reached.add('closed'); // by evaluate(close) / close
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
  });
});

describe('who may apply each event (DESIGN section 4)', () => {
  // Hand-written from the design, not from the table: a wrong table row fails here.
  const WHO: Record<EventType, ActorName[]> = {
    start_assessment: ['reporter', 'assignee', 'leader'],
    complete_assessment: ['assignee', 'leader'],
    decide: ['assignee', 'leader'],
    escalate: ['leader'],
    request_evaluation: ['assignee', 'leader', 'system'],
    evaluate: ['assignee', 'leader'],
    close: ['leader', 'assignee'],
    reopen: ['leader'],
    // 8.1: only someone who sees the child identified (here: the unit's own people).
    report_to_child_welfare: ['reporter', 'assignee', 'leader'],
    raise_safety_concern: ['reporter', 'assignee', 'leader'],
    // 8.2: only the proposed coordinator.
    accept_handover: ['colleague'],
    decline_handover: ['colleague'],
  };
  const names = Object.keys(ACTORS) as ActorName[];

  it.each(EVENT_TYPES.map((t) => [t]))('%s', (type) => {
    const status = (TRANSITIONS[type].from === 'open' ? 'assessing' : TRANSITIONS[type].from[0]) as CaseStatus;
    const state = caseIn(status, type.endsWith('_handover') ? { pendingAssigneeId: 'colleague' } : {});
    const permitted = names.filter((n) => allowedEvents(state, ACTORS[n], ctx()).includes(type));
    expect(permitted.sort()).toEqual([...WHO[type]].sort());
    for (const n of names) {
      const r = apply(state, samplePayload(type), ACTORS[n], ctx());
      if (permitted.includes(n)) expect(r.ok).toBe(true);
      else expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    }
  });
});

describe('allowedEvents agrees with apply for every status × event × actor', () => {
  const names = Object.keys(ACTORS) as ActorName[];
  it.each(CASE_STATUSES.map((s) => [s]))('status %s', (status) => {
    const state = caseIn(status);
    for (const n of names) {
      const allowed = allowedEvents(state, ACTORS[n], ctx());
      for (const type of EVENT_TYPES) {
        const r = apply(state, samplePayload(type), ACTORS[n], ctx());
        const passedTableChecks = r.ok || (r.code !== 'FORBIDDEN_ROLE' && r.code !== 'TRANSITION_NOT_ALLOWED');
        expect([n, type, passedTableChecks]).toEqual([n, type, allowed.includes(type)]);
      }
    }
  });
});
