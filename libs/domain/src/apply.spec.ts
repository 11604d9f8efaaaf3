import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { apply } from './apply.js';
import * as domain from './index.js';
import { ACTORS, NOW, caseIn, consent, ctx } from './test-fixtures.js';

describe('apply: effects and log text', () => {
  it('decide emits StatusChanged, CaseRouted and a bokmål log line', () => {
    const r = apply(caseIn('deciding'), { type: 'decide', route: 'interdisciplinary_team', rationale: 'Trenger PPT.', anonymous: true, anonymousSummary: 'Gutt, 6 år.' }, ACTORS.leader, ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.effects.filter((e) => e.type === 'StatusChanged' || e.type === 'CaseRouted')).toEqual([
      { type: 'StatusChanged', from: 'deciding', to: 'acting' },
      { type: 'CaseRouted', route: 'interdisciplinary_team', level: 2, anonymous: true, previousRoute: null, escalation: false, anonymousSummary: 'Gutt, 6 år.' },
    ]);
    expect(r.logText).toBe('Beslutning: tverrfaglig team (nivå 2), anonymt. Begrunnelse: Trenger PPT.');
  });
  it('complete_assessment logs summary, guardians and the child view', () => {
    const r = apply(caseIn('assessing'), { type: 'complete_assessment', summary: 'Trist.', guardiansInformed: false, reasonNotInformed: 'Ikke nådd.', childView: 'Vil ha venner.' }, ACTORS.assignee, ctx());
    expect(r.ok && r.logText).toBe('Vurdering fullført. Oppsummering: Trist.\nForesatte er ikke informert: Ikke nådd.\nBarnet er hørt. Barnets syn: Vil ha venner.');
    expect(r.ok && r.effects).toContainEqual({ type: 'AssessmentCompleted', guardiansInformed: false });
  });
  it('evaluate(close) closes with the given reason, default resolved', () => {
    const r = apply(caseIn('evaluating'), { type: 'evaluate', outcome: 'close', note: 'Bra.' }, ACTORS.assignee, ctx());
    expect(r).toMatchObject({ ok: true, next: { status: 'closed', route: 'own_unit', level: 1 } });
    expect(r.ok && r.effects).toContainEqual({ type: 'CaseClosed', reason: 'resolved' });
    const moved = apply(caseIn('evaluating'), { type: 'evaluate', outcome: 'close', note: 'n', reason: 'moved' }, ACTORS.leader, ctx());
    expect(moved.ok && moved.effects).toContainEqual({ type: 'CaseClosed', reason: 'moved' });
  });
  it('evaluate(adjust) goes back to acting without touching the route', () => {
    const state = caseIn('evaluating', { route: 'tfa', level: 2 });
    expect(apply(state, { type: 'evaluate', outcome: 'adjust', note: 'n' }, ACTORS.leader, ctx())).toMatchObject({ ok: true, next: { status: 'acting', route: 'tfa', level: 2 } });
  });
  it('the system actor may request an evaluation, nothing else', () => {
    expect(apply(caseIn('acting'), { type: 'request_evaluation' }, domain.SYSTEM_ACTOR, ctx())).toMatchObject({ ok: true, next: { status: 'evaluating' } });
    expect(apply(caseIn('closed'), { type: 'reopen', reason: 'r' }, domain.SYSTEM_ACTOR, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
  it('does not mutate its input', () => {
    const state = caseIn('deciding');
    const copy = structuredClone(state);
    apply(state, { type: 'decide', route: 'tfa', rationale: 'r' }, ACTORS.leader, ctx({ consents: [consent(['tfa'])], now: NOW }));
    expect(state).toEqual(copy);
  });
});

describe('the library', () => {
  it('exports the public API from index.ts', () => {
    for (const name of ['apply', 'allowedEvents', 'isUnitLeaderOf', 'isWorkingOnCase', 'consentStatus', 'coversRecipient', 'hasCoveringConsent', 'onConsentWithdrawn', 'parseIsoDuration', 'dueAfter', 'remindersOnConcernLogged', 'remindersOnAssigned', 'remindersOnMeasureAdded', 'remindersOnConsentRecorded', 'reminderStillApplies', 'replay']) {
      expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
    }
    expect(domain.ROUTE_LEVEL).toEqual({ own_unit: 1, interdisciplinary_team: 2, tfa: 2, iks: 3 });
    expect(domain.REFUSAL_CODES).toContain('CONSENT_REQUIRED');
  });
  it('imports no framework, no I/O and reads no clock outside the specs', () => {
    const dir = resolve(process.cwd(), 'libs/domain/src');
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'test-fixtures.ts');
    for (const file of sources) {
      const text = readFileSync(resolve(dir, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) expect([file, spec]).toEqual([file, expect.stringMatching(/^(\.\/.*\.js|luxon|date-holidays)$/)]);
      expect([file, /new Date\(\)|Date\.now\(\)|DateTime\.now\(\)|DateTime\.local\(\)/.test(text)]).toEqual([file, false]);
    }
  });
});
