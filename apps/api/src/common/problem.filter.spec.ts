import { danglingReference } from './problem.filter.js';

describe('danglingReference', () => {
  it('names the column of the foreign key that refused a row (SQLSTATE 23503)', () => {
    expect(danglingReference({ driverError: { code: '23503', constraint: 'FK_measure_responsibleId' } })).toBe('responsibleId');
    expect(danglingReference({ code: '23503', constraint: 'FK_notification_delivery_digestId' })).toBe('digestId');
  });

  it('is null for any other error', () => {
    expect(danglingReference({ driverError: { code: '23505', constraint: 'FK_measure_responsibleId' } })).toBeNull();
    expect(danglingReference({ driverError: { code: '23503', constraint: 'audit_test_block' } })).toBeNull();
    expect(danglingReference(new Error('x'))).toBeNull();
    expect(danglingReference(null)).toBeNull();
  });
});
