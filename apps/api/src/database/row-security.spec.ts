import { statementRows } from './row-security.js';

describe('RowSecurity.once’s fence: one result per statement sent', () => {
  const result = (rows: unknown[]) => ({ rows });
  const STATEMENTS = ['START TRANSACTION', 'identity', 'EXECUTE', 'COMMIT'];

  it('returns the rows of the statement asked for', () => {
    const results = [result([]), result([{ set_config: 'x' }]), result([{ id: 1 }, { id: 2 }]), result([])];
    expect(statementRows(results, STATEMENTS, 2)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('refuses an answer with a statement more or less than sent, naming what it expected', () => {
    const five = [result([]), result([]), result([]), result([{ id: 1 }]), result([])];
    expect(() => statementRows(five, STATEMENTS, 2)).toThrow('expected 4 results (START TRANSACTION, identity, EXECUTE, COMMIT), got 5');
    expect(() => statementRows(result([{ id: 1 }]), STATEMENTS, 2)).toThrow('got 1');
  });
});
