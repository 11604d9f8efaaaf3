import { allowedEvents, apply } from './apply.js';
import type { CaseState } from './case-state.js';
import { EVENT_TYPES, type CaseEvent, type EventType } from './events.js';
import { ACTORS, SUPER, TRANSFER_TO_U2, caseIn, consent, ctx, samplePayload, setupFor, type ActorName } from './test-fixtures.js';
import { TRANSITIONS } from './transitions.js';
import { CASE_STATUSES, EVALUATION_OUTCOMES, type CaseStatus } from './vocabulary.js';

/**
 * The workflow as a reviewer reads it in the action guide (DESIGN sections 4, 8.7, 8.8), written
 * out by hand and NOT derived from TRANSITIONS: one row per event, one column per status, the
 * status the case is in afterwards, or NO where the event is not allowed. evaluate is shown with
 * outcome `continue` (its `close` outcome is checked below).
 */
const NO = null;
const EXPECTED: Record<EventType, (CaseStatus | null)[]> = {
  //                        discovered    assessing     deciding      acting        evaluating    closed
  start_assessment:        ['assessing' , NO          , NO          , NO          , NO          , NO],
  complete_assessment:     [NO          , 'deciding'  , NO          , NO          , NO          , NO],
  decide:                  [NO          , NO          , 'acting'    , NO          , NO          , NO],
  escalate:                [NO          , NO          , NO          , 'acting'    , NO          , NO],
  request_evaluation:      [NO          , NO          , NO          , 'evaluating', NO          , NO],
  evaluate:                [NO          , NO          , NO          , NO          , 'acting'    , NO],
  close:                   ['closed'    , 'closed'    , 'closed'    , 'closed'    , 'closed'    , NO],
  reopen:                  [NO          , NO          , NO          , NO          , NO          , 'assessing'],
  report_to_child_welfare: ['discovered', 'assessing' , 'deciding'  , 'acting'    , 'evaluating', NO],
  propose_transfer:        ['discovered', 'assessing' , 'deciding'  , 'acting'    , 'evaluating', NO],
  accept_transfer:         ['discovered', 'assessing' , 'deciding'  , 'acting'    , 'evaluating', NO],
  reject_transfer:         ['discovered', 'assessing' , 'deciding'  , 'acting'    , 'evaluating', NO],
  step_down:               [NO          , NO          , NO          , 'acting'    , NO          , NO],
  raise_safety_concern:    ['discovered', 'assessing' , 'deciding'  , 'acting'    , 'evaluating', NO],
  accept_handover:         ['discovered', 'assessing' , 'deciding'  , 'acting'    , 'evaluating', NO],
  decline_handover:        ['discovered', 'assessing' , 'deciding'  , 'acting'    , 'evaluating', NO],
  guardians_may_be_informed: ['discovered', 'assessing', 'deciding' , 'acting'    , 'evaluating', 'closed'],
};
const COLUMNS: readonly CaseStatus[] = ['discovered', 'assessing', 'deciding', 'acting', 'evaluating', 'closed'];

describe('every status × every event, against the hand-written table', () => {
  it('the table covers every event and every status', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...EVENT_TYPES].sort());
    expect([...COLUMNS].sort()).toEqual([...CASE_STATUSES].sort());
  });

  const cells = COLUMNS.flatMap((status, column) => EVENT_TYPES.map((type) => [status, type, column] as const));
  it.each(cells)('%s × %s', (status, type, column) => {
    const { state, ctx: context } = setupFor(type, status);
    const result = apply(state, samplePayload(type), SUPER, context);
    const target = EXPECTED[type][column];
    if (target === null) {
      expect(result).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
    } else {
      expect(result).toMatchObject({ ok: true, next: { status: target } });
    }
  });

  it('evaluate with outcome close closes the case; every other outcome goes back to acting', () => {
    const results = EVALUATION_OUTCOMES.map((outcome) => {
      const e = { type: 'evaluate', outcome, note: 'n', ...(outcome === 'escalate' ? { route: 'interdisciplinary_team', anonymous: true, anonymousSummary: 'Oppsummering.' } : {}) } as CaseEvent;
      const r = apply(caseIn('evaluating'), e, SUPER, ctx());
      return [outcome, r.ok ? r.next.status : r.code];
    });
    expect(results).toEqual([['continue', 'acting'], ['adjust', 'acting'], ['escalate', 'acting'], ['close', 'closed']]);
  });
});

describe('reachability, by applying events (not by reading the table)', () => {
  /** Every sample payload plus every evaluate outcome, from each status reached so far. */
  function reachable(): Set<CaseStatus> {
    const variants: CaseEvent[] = [
      ...EVENT_TYPES.map(samplePayload),
      ...EVALUATION_OUTCOMES.map((outcome) => ({ type: 'evaluate', outcome, note: 'n', route: 'interdisciplinary_team', anonymous: true, anonymousSummary: 'Oppsummering.' }) as CaseEvent),
    ];
    const reached = new Set<CaseStatus>(['discovered']);
    const queue: CaseStatus[] = ['discovered'];
    while (queue.length) {
      const status = queue.shift()!;
      for (const event of variants) {
        const { state, ctx: context } = setupFor(event.type, status);
        const r = apply(state, event, SUPER, context);
        if (r.ok && !reached.has(r.next.status)) {
          reached.add(r.next.status);
          queue.push(r.next.status);
        }
      }
    }
    return reached;
  }

  it('every status, closed included, is reachable from discovered', () => {
    expect([...reachable()].sort()).toEqual([...CASE_STATUSES].sort());
  });
});

describe('who may apply each event (DESIGN sections 4, 8.7, 8.8)', () => {
  // Hand-written from the design, not from the table: a wrong table row fails here.
  // otherLeader leads u2, the unit the pending transfer proposes.
  const WHO: Record<EventType, ActorName[]> = {
    start_assessment: ['reporter', 'assignee', 'leader'],
    complete_assessment: ['assignee', 'leader'],
    decide: ['assignee', 'leader'],
    escalate: ['leader'],
    request_evaluation: ['assignee', 'leader', 'system'],
    evaluate: ['assignee', 'leader'],
    close: ['leader', 'assignee'],
    reopen: ['leader'],
    report_to_child_welfare: ['reporter', 'assignee', 'leader'],
    propose_transfer: ['leader'],
    accept_transfer: ['otherLeader'],
    reject_transfer: ['otherLeader'],
    step_down: ['leader'],
    // 8.1: only someone who sees the child identified; 8.2: only the proposed coordinator.
    raise_safety_concern: ['reporter', 'assignee', 'leader'],
    accept_handover: ['assignee'],
    decline_handover: ['assignee'],
    // 12.4: the unit leader decides when a hidden case may be shown to the family.
    guardians_may_be_informed: ['leader'],
  };
  const STATUS_FOR: Record<EventType, CaseStatus> = {
    start_assessment: 'discovered',
    complete_assessment: 'assessing',
    decide: 'deciding',
    escalate: 'acting',
    request_evaluation: 'acting',
    evaluate: 'evaluating',
    close: 'assessing',
    reopen: 'closed',
    report_to_child_welfare: 'assessing',
    propose_transfer: 'acting',
    accept_transfer: 'acting',
    reject_transfer: 'deciding',
    step_down: 'acting',
    raise_safety_concern: 'assessing',
    accept_handover: 'acting',
    decline_handover: 'acting',
    guardians_may_be_informed: 'acting',
  };
  const names = Object.keys(ACTORS) as ActorName[];

  it.each(EVENT_TYPES.map((t) => [t]))('%s', (type) => {
    const { state, ctx: context } = setupFor(type, STATUS_FOR[type]);
    const permitted = names.filter((n) => allowedEvents(state, ACTORS[n], context).includes(type));
    expect(permitted.sort()).toEqual([...WHO[type]].sort());
    for (const n of names) {
      const r = apply(state, samplePayload(type), ACTORS[n], context);
      if (permitted.includes(n)) expect(r.ok).toBe(true);
      else expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    }
  });

  it('without a pending transfer nobody may accept or reject one', () => {
    for (const type of ['accept_transfer', 'reject_transfer'] as const) {
      for (const n of names) expect(apply(caseIn('acting'), samplePayload(type), ACTORS[n], ctx())).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    }
  });
});

describe('allowedEvents agrees with apply for every status × event × actor', () => {
  const names = Object.keys(ACTORS) as ActorName[];
  const withTransfer = (s: CaseState): CaseState => (s.status === 'closed' ? s : { ...s, transfer: { ...TRANSFER_TO_U2 } });
  it.each(CASE_STATUSES.flatMap((s) => [[s, false], [s, true]] as const))('status %s, transfer pending %s', (status, pending) => {
    const state = pending ? withTransfer(caseIn(status)) : caseIn(status);
    const context = ctx({ consents: [consent(['receiving_unit'])] });
    for (const n of names) {
      const allowed = allowedEvents(state, ACTORS[n], context);
      for (const type of EVENT_TYPES) {
        const r = apply(state, samplePayload(type), ACTORS[n], context);
        const passedTableChecks = r.ok || (r.code !== 'FORBIDDEN_ROLE' && r.code !== 'TRANSITION_NOT_ALLOWED');
        expect([n, type, passedTableChecks]).toEqual([n, type, allowed.includes(type)]);
      }
    }
  });

  it('the table rows name only the statuses of the machine', () => {
    for (const type of EVENT_TYPES) {
      const from = TRANSITIONS[type].from;
      if (from !== 'open') for (const s of from) expect(CASE_STATUSES).toContain(s);
    }
  });
});
