import { FactsCache } from './stats.service.js';

describe('FactsCache', () => {
  const rows = (n: number) => Promise.resolve(Array.from({ length: n }, () => ({}) as never));
  /** A loader that counts its calls. */
  const counting = (n: number) => {
    const load = Object.assign(() => (load.calls++, rows(n)), { calls: 0 });
    return load;
  };

  it('shares one read between the requests of the next seconds, then reads again', async () => {
    const cache = new FactsCache(5_000);
    const load = counting(3);
    await cache.get('m|2026-01-01|2026-12-07', load, 1_000);
    await cache.get('m|2026-01-01|2026-12-07', load, 5_999);
    expect(load.calls).toBe(1);
    await cache.get('m|2026-01-01|2026-12-07', load, 6_000);
    expect(load.calls).toBe(2);
  });

  it('keeps municipalities and periods apart', async () => {
    const cache = new FactsCache(5_000);
    const load = counting(1);
    await cache.get('a|2026-01-01|2026-12-07', load, 0);
    await cache.get('b|2026-01-01|2026-12-07', load, 0);
    await cache.get('a|2025-01-01|2026-12-07', load, 0);
    expect(load.calls).toBe(3);
  });

  it('does not keep a failed read', async () => {
    const cache = new FactsCache(5_000);
    await expect(cache.get('m', () => Promise.reject(new Error('db down')), 0)).rejects.toThrow('db down');
    await new Promise((r) => setImmediate(r));
    const load = counting(2);
    await expect(cache.get('m', load, 1)).resolves.toHaveLength(2);
    expect(load.calls).toBe(1);
  });

  it('holds at most maxEntries', async () => {
    const cache = new FactsCache(5_000, 2);
    const load = counting(1);
    for (const key of ['a', 'b', 'c']) await cache.get(key, load, 0);
    await cache.get('a', load, 1);
    expect(load.calls).toBe(4);
  });
});
