import { DEFAULT_REMINDER_DURATIONS, multiplyIsoDuration, parseIsoDuration, reminderDurationsFrom } from './durations.js';
import { loadProfiles } from './test-fixtures.js';

describe('reminder durations', () => {
  it('defaults match DESIGN section 5', () => {
    expect(DEFAULT_REMINDER_DURATIONS).toEqual({
      unassigned: 'P2D',
      assessment_due: 'P7D',
      tfa_follow_up: 'P14D',
      evaluation_overdue: 'P7D',
      consent_expiry: 'P30D',
      iks_pending: 'P3D',
      child_welfare_report_missing: 'PT24H',
      decision_due: 'P14D',
      // Not in section 5: the lead time of a task's reminder before its due date (8.6).
      task_due: 'P1D',
    });
  });
  it('parses valid and rejects invalid, zero or negative durations', () => {
    expect(parseIsoDuration('PT3S').toMillis()).toBe(3000);
    for (const bad of ['', 'P', '3 days', 'PT0S', 'P-1D']) expect(() => parseIsoDuration(bad)).toThrow();
  });
  it('merges profile then env overrides by env var name, validating them', () => {
    const profile = loadProfiles().kristiansand!.reminders;
    const d = reminderDurationsFrom(profile, { REMINDER_ASSESSMENT_DUE: 'PT3S', OTHER: 'x' });
    expect(d).toMatchObject({ tfa_follow_up: 'P14D', assessment_due: 'PT3S', unassigned: 'P2D' });
    expect(() => reminderDurationsFrom({ REMINDER_UNASSIGNED: 'soon' })).toThrow();
  });
  it('doubles a duration for the leader reminder', () => {
    expect(multiplyIsoDuration('P7D', 2)).toBe('P14D');
    expect(multiplyIsoDuration('PT3S', 2)).toBe('PT6S');
  });
});
