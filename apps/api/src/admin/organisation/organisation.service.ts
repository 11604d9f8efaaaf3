import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { Cluster, Unit, type UnitKind } from '@app/persistence';
import type { Principal } from '../../auth/principal.js';
import { AuditTrail } from '../../audit/audit-trail.service.js';
import { problems, ProblemException } from '../../common/problem.js';
import { RowSecurity } from '../../database/row-security.js';
import { changeDetail, given } from '../admin-change.js';
import type { ClusterView, CreateClusterDto, CreateUnitDto, UnitView, UpdateClusterDto, UpdateUnitDto } from './organisation.dto.js';

const UNIT_FIELDS = ['code', 'name', 'kind', 'clusterId', 'organisationNumber', 'active'] as const;
const CLUSTER_FIELDS = ['code', 'name', 'active'] as const;

/** Units and clusters of the caller's municipality: created, changed, deactivated (never deleted). */
@Injectable()
export class OrganisationAdmin {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly audit: AuditTrail,
  ) {}

  listUnits(principal: Principal, active?: boolean): Promise<UnitView[]> {
    return this.rowSecurity.transaction(principal, async (em) =>
      (await em.find(Unit, { where: { municipalityId: principal.municipalityId, ...(active === undefined ? {} : { active }) }, order: { name: 'ASC' } })).map(unitView),
    );
  }

  createUnit(principal: Principal, dto: CreateUnitDto): Promise<UnitView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      await this.activeCluster(em, principal, dto.clusterId);
      const row = await uniqueCode(() =>
        em.save(Unit, em.create(Unit, { ...dto, kind: dto.kind as UnitKind, address: dto.address ?? null, organisationNumber: dto.organisationNumber ?? null, municipalityId: principal.municipalityId, active: true })),
      );
      await this.audit.recordChange(em, principal, 'admin.unit.create', changeDetail({ type: 'unit', id: row.id }, null, row, UNIT_FIELDS));
      return unitView(row);
    });
  }

  updateUnit(principal: Principal, id: string, dto: UpdateUnitDto): Promise<UnitView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const before = await em.findOne(Unit, { where: { id, municipalityId: principal.municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw problems.notFound('Fant ikke enheten.');
      if (dto.clusterId !== undefined && dto.clusterId !== before.clusterId) await this.activeCluster(em, principal, dto.clusterId);
      const after: Unit = { ...before, ...given(dto), kind: (dto.kind ?? before.kind) as UnitKind };
      await em.update(Unit, { id }, { name: after.name, kind: after.kind, clusterId: after.clusterId, address: after.address, organisationNumber: after.organisationNumber, active: after.active });
      await this.audit.recordChange(em, principal, 'admin.unit.update', changeDetail({ type: 'unit', id }, before, after, UNIT_FIELDS));
      return unitView(after);
    });
  }

  listClusters(principal: Principal, active?: boolean): Promise<ClusterView[]> {
    return this.rowSecurity.transaction(principal, async (em) =>
      (await em.find(Cluster, { where: { municipalityId: principal.municipalityId, ...(active === undefined ? {} : { active }) }, order: { name: 'ASC' } })).map(clusterView),
    );
  }

  createCluster(principal: Principal, dto: CreateClusterDto): Promise<ClusterView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const row = await uniqueCode(() => em.save(Cluster, em.create(Cluster, { ...dto, municipalityId: principal.municipalityId, active: true })));
      await this.audit.recordChange(em, principal, 'admin.cluster.create', changeDetail({ type: 'cluster', id: row.id }, null, row, CLUSTER_FIELDS));
      return clusterView(row);
    });
  }

  updateCluster(principal: Principal, id: string, dto: UpdateClusterDto): Promise<ClusterView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const before = await em.findOne(Cluster, { where: { id, municipalityId: principal.municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw problems.notFound('Fant ikke klyngen.');
      if (dto.active === false && before.active && (await em.countBy(Unit, { clusterId: id, active: true })) > 0) {
        throw new ProblemException(409, 'CLUSTER_HAS_UNITS', 'Klyngen har aktive enheter: flytt eller deaktiver dem først.', [
          { field: 'active', message: 'klyngen har aktive enheter' },
        ]);
      }
      const after: Cluster = { ...before, ...given(dto) };
      await em.update(Cluster, { id }, { name: after.name, active: after.active });
      await this.audit.recordChange(em, principal, 'admin.cluster.update', changeDetail({ type: 'cluster', id }, before, after, CLUSTER_FIELDS));
      return clusterView(after);
    });
  }

  /** A unit belongs to an active cluster of the same municipality; anything else is bad input. */
  private async activeCluster(em: EntityManager, principal: Principal, clusterId: string): Promise<void> {
    const cluster = await em.findOneBy(Cluster, { id: clusterId, municipalityId: principal.municipalityId });
    if (!cluster) throw problems.validation([{ field: 'clusterId', message: 'finnes ikke i kommunen' }]);
    if (!cluster.active) throw problems.validation([{ field: 'clusterId', message: 'klyngen er deaktivert' }]);
  }
}

/** A second unit or cluster with the same code in the municipality: 409 naming `code`. */
async function uniqueCode<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (error instanceof QueryFailedError && (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === '23505') {
      throw new ProblemException(409, 'CODE_TAKEN', 'Koden er i bruk i kommunen.', [{ field: 'code', message: 'er i bruk fra før' }]);
    }
    throw error;
  }
}

function unitView(u: Unit): UnitView {
  return { id: u.id, code: u.code, name: u.name, kind: u.kind, clusterId: u.clusterId, address: u.address ?? null, organisationNumber: u.organisationNumber ?? null, active: u.active };
}

function clusterView(c: Cluster): ClusterView {
  return { id: c.id, code: c.code, name: c.name, active: c.active };
}
