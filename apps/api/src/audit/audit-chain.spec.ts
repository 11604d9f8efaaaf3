import { chainHash, GENESIS_HASH, verifyChain, type ChainedFields } from './audit-chain.js';

function chain(n: number) {
  const rows: (ChainedFields & { prevHash: string; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = { id: String(i), actorId: 'a', actorUsername: 'kari', action: 'case.read', caseId: null, at: new Date(1_700_000_000_000 + i), requestId: `r${i}`, purpose: 'saksbehandling' };
    const hash = chainHash(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('verifies an intact chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ valid: true, checked: 5, brokenAtId: null });
  });

  it('finds an altered row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], action: 'case.list' };
    expect(verifyChain(rows)).toMatchObject({ valid: false, brokenAtId: '3' });
  });

  it('finds a removed row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ valid: false, brokenAtId: '3' });
  });

  it('finds a row whose hash was recomputed but whose successor was not', () => {
    const rows = chain(3);
    const altered = { ...rows[1], purpose: 'annet' };
    altered.hash = chainHash(altered.prevHash, altered);
    rows[1] = altered;
    expect(verifyChain(rows)).toMatchObject({ valid: false, brokenAtId: '3' });
  });
});
