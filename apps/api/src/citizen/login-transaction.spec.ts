import { LoginTransactionSeal, safeReturnTo } from './login-transaction.js';

describe('safeReturnTo', () => {
  it.each([
    [undefined, '/innbygger'],
    ['', '/innbygger'],
    ['/innbygger', '/innbygger'],
    ['/innbygger/saker/1?fane=logg#siste', '/innbygger/saker/1?fane=logg#siste'],
    ['/innbygger/a/../b', '/innbygger/b'],
  ])('keeps %s as %s', (raw, expected) => expect(safeReturnTo(raw)).toBe(expected));

  it.each(['https://evil.example/innbygger', '//evil.example/innbygger', '/innbygger/../saker', '/innbyggerx', '/saker', '/innbygger\\..\\x', 'innbygger'])(
    'refuses %s',
    (raw) => expect(safeReturnTo(raw)).toBeNull(),
  );
});

describe('LoginTransactionSeal', () => {
  const seal = new LoginTransactionSeal(Buffer.alloc(32, 7));
  const transaction = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/innbygger' };

  it('opens what it sealed, and hides the verifier from the browser', async () => {
    const value = await seal.seal(transaction);
    expect(value).not.toContain('v"');
    expect(await seal.open(value)).toEqual(transaction);
  });

  it('refuses a missing, tampered or foreign value', async () => {
    const value = await seal.seal(transaction);
    expect(await seal.open(undefined)).toBeNull();
    expect(await seal.open(value.slice(0, -2) + (value.endsWith('AA') ? 'BB' : 'AA'))).toBeNull();
    expect(await new LoginTransactionSeal(Buffer.alloc(32, 8)).open(value)).toBeNull();
  });
});
