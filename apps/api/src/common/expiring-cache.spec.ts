import { ExpiringCache } from './expiring-cache.js';

describe('ExpiringCache', () => {
  it('returns a value until its time, then forgets it', () => {
    const cache = new ExpiringCache<string>(10);
    cache.set('a', 'x', Date.now() + 1000);
    expect(cache.get('a')).toBe('x');
    expect(cache.get('a', Date.now() + 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never stores what has already expired', () => {
    const cache = new ExpiringCache<string>(10);
    cache.set('a', 'x', Date.now() - 1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the oldest entry beyond its bound', () => {
    const cache = new ExpiringCache<number>(2);
    const until = Date.now() + 60_000;
    cache.set('a', 1, until);
    cache.set('b', 2, until);
    cache.set('c', 3, until);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });
});
