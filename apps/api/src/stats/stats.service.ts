import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { OSLO } from '@app/domain';
import { Cluster, UNIT_KINDS } from '@app/persistence';
import type { Principal } from '../auth/principal.js';
import { ExpiringCache } from '../common/expiring-cache.js';
import { problems } from '../common/problem.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { RowSecurity } from '../database/row-security.js';
import { osloToday } from '../measures/measure-dates.js';
import { buildOverview, MIN_CELL, type CaseFacts } from './overview.js';
import { OverviewQuery, OverviewResponse } from './stats.dto.js';

export const UNIT_KIND_LABEL: Record<string, string> = {
  health_station: 'Helsestasjon',
  kindergarten: 'Barnehage',
  primary_school: 'Barneskole',
  lower_secondary_school: 'Ungdomsskole',
  other: 'Annet',
};

/**
 * The de-identified facts of one municipality and period, shared by the requests of the next few
 * seconds (DESIGN 12.8.5: what is neither immediate nor immutable may lag within seconds). Reading
 * them costs one row per case (~40 000 in the largest municipality at national scale, over a second
 * of PostgreSQL: docs/BENCHMARKS.md, run 16); the role check, the caller's identity statement and
 * the audit row stay per request. The read in flight is what is kept, so concurrent callers share it.
 */
export class FactsCache {
  private readonly entries: ExpiringCache<Promise<CaseFacts[]>>;

  constructor(
    private readonly ttlMs = 5_000,
    maxEntries = 64,
  ) {
    this.entries = new ExpiringCache(maxEntries);
  }

  get(key: string, load: () => Promise<CaseFacts[]>, now = Date.now()): Promise<CaseFacts[]> {
    const hit = this.entries.get(key, now);
    if (hit) return hit;
    const rows = load();
    this.entries.set(key, rows, now + this.ttlMs, now);
    // A failed read is not kept: the next request tries again.
    rows.catch(() => this.entries.get(key, now) === rows && this.entries.delete(key));
    return rows;
  }
}

/**
 * Aggregates for the annual report, for the analyst role only. The rows come from
 * bti_stats_case_facts() (migration IksAndMeasures): one de-identified row per case, readable
 * under row-level security; suppression is in overview.ts.
 */
@Injectable()
export class StatsService {
  private readonly facts = new FactsCache();

  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly audit: AuditTrail,
  ) {}

  async overview(principal: Principal, query: OverviewQuery): Promise<OverviewResponse> {
    const today = osloToday();
    const from = query.from ?? `${today.slice(0, 4)}-01-01`;
    const to = query.to ?? today;
    if (from > to) throw problems.validation([{ field: 'from', message: 'kan ikke være etter to' }]);
    return this.rowSecurity.transaction(principal, async (em) => {
      const clusters = await em.find(Cluster, { where: { municipalityId: principal.municipalityId }, order: { name: 'ASC' } });
      if (query.clusterId && !clusters.some((c) => c.id === query.clusterId)) {
        throw problems.validation([{ field: 'clusterId', message: 'er ikke en klynge i din kommune' }]);
      }
      const start = DateTime.fromISO(from, { zone: OSLO }).startOf('day').toJSDate();
      const end = DateTime.fromISO(to, { zone: OSLO }).plus({ days: 1 }).startOf('day').toJSDate();
      const raw = await this.facts.get(`${principal.municipalityId}|${from}|${to}`, async () =>
        (await em.query(`SELECT * FROM bti_stats_case_facts($1, $2, $3)`, [principal.municipalityId, start, end])) as CaseFacts[],
      );
      // Aggregates only: one event without a case (every request, cached facts or not).
      await this.audit.record(em, principal, 'stats.overview', []);
      const rows = raw.filter((r) => !query.clusterId || r.clusterId === query.clusterId);
      const shownClusters = clusters.filter((c) => !query.clusterId || c.id === query.clusterId);
      const overview = buildOverview(
        rows.map((r) => ({ ...r, level: Number(r.level) })),
        UNIT_KINDS.map((k) => ({ key: k, label: UNIT_KIND_LABEL[k] ?? k })),
        shownClusters.map((c) => ({ key: c.id, label: c.name })),
      );
      return { from, to, clusterId: query.clusterId ?? null, minimumCellSize: MIN_CELL, ...overview };
    });
  }
}
