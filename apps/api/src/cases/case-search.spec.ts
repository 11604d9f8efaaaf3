import type { ProblemException } from '../common/problem.js';
import { likePrefix, parseCaseSearch } from './case-search.js';

describe('parseCaseSearch', () => {
  it.each([
    ['BTI-2026-0042', { kind: 'reference', reference: 'BTI-2026-0042' }],
    ['bti-2026-42', { kind: 'reference', reference: 'BTI-2026-0042' }],
    [' BTI-2027-12345 ', { kind: 'reference', reference: 'BTI-2027-12345' }],
    ['13097248022', { kind: 'nationalId', nationalId: '13097248022' }],
    ['14.03.2021', { kind: 'birthDate', birthDate: '2021-03-14' }],
    ['4.3.2021', { kind: 'birthDate', birthDate: '2021-03-04' }],
    ['2021-03-14', { kind: 'birthDate', birthDate: '2021-03-14' }],
    ['Ærlige  ØSTBY', { kind: 'name', prefixes: ['ærlige', 'østby'] }],
    ['å', { kind: 'name', prefixes: ['å'] }],
  ])('%s', (q, expected) => {
    expect(parseCaseSearch(q)).toEqual(expected);
  });

  it.each(['', '   ', '31.02.2021', '2021-13-01', '1309724802', 'Emma 2', 'a b c d', 'Em\u0000ma', 'Emma\n'])('%j is a 400 naming q, without the text', (q) => {
    let error: unknown;
    try {
      parseCaseSearch(q);
    } catch (e) {
      error = e;
    }
    const problem = error as ProblemException;
    expect(problem.getStatus()).toBe(400);
    const body = JSON.stringify({ detail: problem.message, errors: problem.errors });
    expect(body).toContain('"field":"q"');
    if (q.trim()) expect(body).not.toContain(q.trim());
  });

  it('takes %, _ and \\ in a name literally', () => {
    expect(likePrefix('a%_\\')).toBe('a\\%\\_\\\\%');
  });
});
