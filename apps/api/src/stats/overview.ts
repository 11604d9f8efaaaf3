/**
 * Statistics for the annual report (pure): aggregates one de-identified row per case and
 * suppresses small numbers so no child can be recognised.
 *
 * Suppression rules:
 * 1. Every count cell below 5 (0–4) is shown as `{value: null, suppressed: true}`.
 * 2. Derived figures follow their base: a median is suppressed when fewer than 5 cases have the
 *    measured interval; a share is suppressed when its numerator or its denominator is suppressed.
 * 3. Complementary suppression: cells that add up to a shown total (cases by level, by route, and
 *    the groups of a breakdown) never have exactly one suppressed cell, else it could be
 *    recovered by subtraction; the smallest other shown cell is suppressed too.
 */
export const MIN_CELL = 5;

export interface CaseFacts {
  unitKind: string;
  clusterId: string;
  level: number;
  route: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  firstMeasureAt: Date | null;
  childWelfareReported: boolean;
  iksReferred: boolean;
  iksAccepted: boolean;
}

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export interface GroupFigures {
  concernsLogged: Cell;
  casesByLevel: Record<'0' | '1' | '2' | '3', Cell>;
  casesByRoute: Record<'none' | 'own_unit' | 'interdisciplinary_team' | 'tfa' | 'iks', Cell>;
  medianDaysToDecision: Cell;
  medianDaysToFirstMeasure: Cell;
  childWelfareReports: Cell;
  childWelfareReportShare: Cell;
  iksReferred: Cell;
  iksCases: Cell;
}

export const LEVEL_KEYS = ['0', '1', '2', '3'] as const;
export const ROUTE_KEYS = ['none', 'own_unit', 'interdisciplinary_team', 'tfa', 'iks'] as const;

const DAY_MS = 86_400_000;

export function countCell(n: number): Cell {
  return n < MIN_CELL ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

const hidden = (): Cell => ({ value: null, suppressed: true });

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of day intervals, rounded to one decimal; suppressed below MIN_CELL cases. */
export function medianCell(days: number[]): Cell {
  if (days.length < MIN_CELL) return hidden();
  return { value: Math.round(median(days) * 10) / 10, suppressed: false };
}

/** A share (0–1, three decimals) of two counts; suppressed when either count is. */
export function shareCell(numerator: number, denominator: number): Cell {
  if (numerator < MIN_CELL || denominator < MIN_CELL) return hidden();
  return { value: Math.round((numerator / denominator) * 1000) / 1000, suppressed: false };
}

/**
 * Rule 3 on cells that add up to a total shown beside them: if exactly one is suppressed,
 * suppress the smallest shown one as well (mutates and returns the cells).
 */
export function complementarySuppression<K extends string>(cells: Record<K, Cell>, counts: Record<K, number>): Record<K, Cell> {
  const keys = Object.keys(cells) as K[];
  const suppressed = keys.filter((k) => cells[k].suppressed);
  if (suppressed.length !== 1) return cells;
  const shown = keys.filter((k) => !cells[k].suppressed).sort((a, b) => counts[a] - counts[b]);
  if (shown.length) cells[shown[0]] = hidden();
  return cells;
}

function tally<K extends string>(keys: readonly K[], rows: CaseFacts[], keyOf: (r: CaseFacts) => string): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) {
    const k = keyOf(r) as K;
    if (k in counts) counts[k] += 1;
  }
  return counts;
}

function cells<K extends string>(counts: Record<K, number>): Record<K, Cell> {
  const out = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, countCell(n as number)])) as Record<K, Cell>;
  return complementarySuppression(out, counts);
}

const daysBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / DAY_MS);

export function groupFigures(rows: CaseFacts[]): GroupFigures {
  const reports = rows.filter((r) => r.childWelfareReported).length;
  const total = countCell(rows.length);
  const byLevel = cells(tally(LEVEL_KEYS, rows, (r) => String(r.level)));
  const byRoute = cells(tally(ROUTE_KEYS, rows, (r) => r.route ?? 'none'));
  if (total.suppressed) {
    // The whole group is small: nothing inside it is shown.
    for (const c of [...Object.values<Cell>(byLevel), ...Object.values<Cell>(byRoute)]) Object.assign(c, hidden());
  }
  return {
    concernsLogged: total,
    casesByLevel: byLevel,
    casesByRoute: byRoute,
    medianDaysToDecision: medianCell(rows.filter((r) => r.decidedAt).map((r) => daysBetween(r.createdAt, r.decidedAt!))),
    medianDaysToFirstMeasure: medianCell(rows.filter((r) => r.firstMeasureAt).map((r) => daysBetween(r.createdAt, r.firstMeasureAt!))),
    childWelfareReports: countCell(reports),
    childWelfareReportShare: shareCell(reports, rows.length),
    iksReferred: countCell(rows.filter((r) => r.iksReferred).length),
    iksCases: countCell(rows.filter((r) => r.iksAccepted).length),
  };
}

export interface Breakdown {
  key: string;
  label: string;
  figures: GroupFigures;
}

/** Count cells by path, e.g. `casesByLevel.2`; the paths in ROW_FAMILIES add up to concernsLogged. */
const COUNT_PATHS = [
  'concernsLogged',
  ...LEVEL_KEYS.map((k) => `casesByLevel.${k}`),
  ...ROUTE_KEYS.map((k) => `casesByRoute.${k}`),
  'childWelfareReports',
  'iksReferred',
  'iksCases',
] as const;
const ROW_FAMILIES = [LEVEL_KEYS.map((k) => `casesByLevel.${k}`), ROUTE_KEYS.map((k) => `casesByRoute.${k}`)];

function cellAt(f: GroupFigures, path: string): Cell {
  const [a, b] = path.split('.');
  const v = (f as unknown as Record<string, Cell | Record<string, Cell>>)[a];
  return b === undefined ? (v as Cell) : (v as Record<string, Cell>)[b];
}

function rawCounts(rows: CaseFacts[]): Record<string, number> {
  const out: Record<string, number> = { concernsLogged: rows.length };
  for (const k of LEVEL_KEYS) out[`casesByLevel.${k}`] = rows.filter((r) => String(r.level) === k).length;
  for (const k of ROUTE_KEYS) out[`casesByRoute.${k}`] = rows.filter((r) => (r.route ?? 'none') === k).length;
  out.childWelfareReports = rows.filter((r) => r.childWelfareReported).length;
  out.iksReferred = rows.filter((r) => r.iksReferred).length;
  out.iksCases = rows.filter((r) => r.iksAccepted).length;
  return out;
}

/** Suppresses in place; true when something new was suppressed. */
function suppressOne(cellsByKey: Record<string, Cell>, counts: Record<string, number>): boolean {
  const keys = Object.keys(cellsByKey);
  if (keys.filter((k) => cellsByKey[k].suppressed).length !== 1) return false;
  const shown = keys.filter((k) => !cellsByKey[k].suppressed).sort((a, b) => counts[a] - counts[b]);
  if (!shown.length) return false;
  Object.assign(cellsByKey[shown[0]], hidden());
  return true;
}

function hideAll(f: GroupFigures): boolean {
  let changed = false;
  for (const path of COUNT_PATHS) {
    const c = cellAt(f, path);
    if (!c.suppressed) {
      Object.assign(c, hidden());
      changed = true;
    }
  }
  for (const c of [f.medianDaysToDecision, f.medianDaysToFirstMeasure, f.childWelfareReportShare]) {
    if (!c.suppressed) {
      Object.assign(c, hidden());
      changed = true;
    }
  }
  return changed;
}

/**
 * Applies rules 2 and 3 until nothing changes (each pass only adds suppression, so it ends):
 * within each group (levels, routes add up to the group's concerns), across the groups of a
 * breakdown (each count adds up to the total's), a group whose concern count is hidden is hidden
 * whole, and a share is hidden with its numerator.
 */
function protect(total: { f: GroupFigures; counts: Record<string, number> }, groups: { f: GroupFigures; counts: Record<string, number> }[]): void {
  const all = [total, ...groups];
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of all) {
      for (const family of ROW_FAMILIES) {
        changed = suppressOne(Object.fromEntries(family.map((p) => [p, cellAt(g.f, p)])), g.counts) || changed;
      }
      if (g.f.concernsLogged.suppressed) changed = hideAll(g.f) || changed;
      if (g.f.childWelfareReports.suppressed && !g.f.childWelfareReportShare.suppressed) {
        Object.assign(g.f.childWelfareReportShare, hidden());
        changed = true;
      }
    }
    for (const path of COUNT_PATHS) {
      const byGroup = Object.fromEntries(groups.map((g, i) => [String(i), cellAt(g.f, path)]));
      const counts = Object.fromEntries(groups.map((g, i) => [String(i), g.counts[path]]));
      changed = suppressOne(byGroup, counts) || changed;
    }
  }
}

/**
 * Totals and the breakdowns by unit kind and by cluster. Groups with no cases are listed too
 * (suppressed), so the answer's shape never depends on the data.
 */
export function buildOverview(
  rows: CaseFacts[],
  unitKinds: readonly { key: string; label: string }[],
  clusters: readonly { key: string; label: string }[],
): { total: GroupFigures; byUnitKind: Breakdown[]; byCluster: Breakdown[] } {
  const figures = (subset: CaseFacts[]) => ({ f: groupFigures(subset), counts: rawCounts(subset) });
  const total = figures(rows);
  const totalForClusters = figures(rows);
  const breakdown = (groups: readonly { key: string; label: string }[], keyOf: (r: CaseFacts) => string, totalCopy: typeof total) => {
    const list = groups.map((g) => ({ ...g, ...figures(rows.filter((r) => keyOf(r) === g.key)) }));
    protect(totalCopy, list);
    return list;
  };
  const byUnitKind = breakdown(unitKinds, (r) => r.unitKind, total);
  const byCluster = breakdown(clusters, (r) => r.clusterId, totalForClusters);
  // A cell of the total hidden by either breakdown is hidden in the one total shown.
  for (const path of [...COUNT_PATHS, 'medianDaysToDecision', 'medianDaysToFirstMeasure', 'childWelfareReportShare']) {
    if (cellAt(totalForClusters.f, path).suppressed) Object.assign(cellAt(total.f, path), hidden());
  }
  return {
    total: total.f,
    byUnitKind: byUnitKind.map(({ key, label, f }) => ({ key, label, figures: f })),
    byCluster: byCluster.map(({ key, label, f }) => ({ key, label, figures: f })),
  };
}
