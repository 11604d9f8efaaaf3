import { chainHash, GENESIS_HASH, verifyLinks, type StoredLink } from './audit-chain.js';

const M = '11111111-1111-4111-8111-111111111111';

function chain(n: number): StoredLink[] {
  const links: StoredLink[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const event = { municipalityId: M, actorId: 'a', actorUsername: 'kari', action: 'case.read', caseId: null, at: new Date(1_700_000_000_000 + i), requestId: `r${i}`, purpose: 'saksbehandling' };
    const hash = chainHash(prev, { ...event, seq: String(i), eventId: String(100 + i) });
    links.push({ seq: String(i), eventId: String(100 + i), prevHash: prev, hash, event });
    prev = hash;
  }
  return links;
}

describe('audit hash chain', () => {
  it('verifies an intact chain, also from the middle', () => {
    const links = chain(5);
    expect(verifyLinks(M, links, '0', GENESIS_HASH)).toMatchObject({ valid: true, checked: 5, brokenAtId: null, lastSeq: '5' });
    expect(verifyLinks(M, links.slice(2), '2', links[1].hash)).toMatchObject({ valid: true, checked: 3 });
  });

  it('an administrative change’s detail is sealed too; rows without one hash as before', () => {
    const links = chain(3);
    const plain = links[1].event!;
    expect(chainHash(links[1].prevHash, { ...plain, detail: null, seq: '2', eventId: links[1].eventId })).toBe(links[1].hash);
    const detail = { target: { type: 'unit', id: 'u1' }, before: { active: true }, after: { active: false } };
    const withDetail = { ...plain, detail };
    links[1] = { ...links[1], event: withDetail, hash: chainHash(links[1].prevHash, { ...withDetail, seq: '2', eventId: links[1].eventId }) };
    links[2] = { ...links[2], prevHash: links[1].hash, hash: chainHash(links[1].hash, { ...links[2].event!, seq: '3', eventId: links[2].eventId }) };
    expect(verifyLinks(M, links, '0', GENESIS_HASH)).toMatchObject({ valid: true, checked: 3 });
    links[1] = { ...links[1], event: { ...withDetail, detail: { ...detail, after: { active: true } } } };
    expect(verifyLinks(M, links, '0', GENESIS_HASH)).toMatchObject({ valid: false, brokenAtSeq: '2' });
  });

  it('finds an altered row', () => {
    const links = chain(5);
    links[2] = { ...links[2], event: { ...links[2].event!, action: 'case.list' } };
    expect(verifyLinks(M, links, '0', GENESIS_HASH)).toMatchObject({ valid: false, brokenAtId: '103', brokenAtSeq: '3' });
  });

  it('finds a removed row, and a removed link', () => {
    const gone = chain(5);
    gone[1] = { ...gone[1], event: null };
    expect(verifyLinks(M, gone, '0', GENESIS_HASH)).toMatchObject({ valid: false, brokenAtId: '102' });
    const cut = chain(5);
    cut.splice(1, 1);
    expect(verifyLinks(M, cut, '0', GENESIS_HASH)).toMatchObject({ valid: false, brokenAtId: '103', brokenAtSeq: '2' });
  });

  it('finds two rows swapped', () => {
    const links = chain(4);
    const [a, b] = [links[1].event, links[2].event];
    links[1] = { ...links[1], event: b };
    links[2] = { ...links[2], event: a };
    expect(verifyLinks(M, links, '0', GENESIS_HASH)).toMatchObject({ valid: false, brokenAtId: '102' });
  });

  it('finds a link whose hash was recomputed but whose successor was not', () => {
    const links = chain(3);
    const event = { ...links[1].event!, purpose: 'annet' };
    links[1] = { ...links[1], event, hash: chainHash(links[1].prevHash, { ...event, seq: '2', eventId: links[1].eventId }) };
    expect(verifyLinks(M, links, '0', GENESIS_HASH)).toMatchObject({ valid: false, brokenAtId: '103' });
  });

  it('finds a row of another municipality sealed into this chain', () => {
    const links = chain(2);
    links[1] = { ...links[1], event: { ...links[1].event!, municipalityId: '22222222-2222-4222-8222-222222222222' } };
    expect(verifyLinks(M, links, '0', GENESIS_HASH)).toMatchObject({ valid: false, brokenAtId: '102' });
  });
});
