import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type EntityManager } from 'typeorm';
import {
  allowedActions,
  apply,
  may,
  maySeeCase,
  type EventType,
  isConcernFlagged,
  offerHandover,
  osloPlus,
  parseIsoDuration,
  remindersOnConcernLogged,
  type Applied,
  type CaseEvent,
  type DomainContext,
  type Route,
} from '@app/domain';
import {
  BtiCase,
  CaseLogEntry,
  Child,
  ChildVoiceRow,
  Concern,
  Unit,
  toCaseState,
  writeReminderEffects,
} from '@app/persistence';
import { loadReferenceData, type AppConfig } from '@app/platform';
import type { Principal } from '../auth/principal.js';
import { ProblemException, problems } from '../common/problem.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import { CaseEventRecorders } from '../case-core/case-event-recorders.js';
import { CasePeopleStore, type LogAuthor } from '../case-core/case-people-store.js';
import { IdempotencyStore } from './idempotency-store.js';
import { CaseAccessPolicy, toActor } from '../case-core/case-access.policy.js';
import { CaseStore, type LeavingSightWrite, type LoadedCase } from '../case-core/case-store.js';
import { CaseCommandRunner, requiredVersion, type CaseChange } from '../case-core/case-command-runner.js';
import type { NotificationToSend } from '../case-core/notify.js';
import { ageInYears } from '../case-core/child-age.js';
import { asJsonb } from './jsonb.js';
import { RowSecurity } from '../database/row-security.js';
import { presentCase, presentListItem, type CaseListResponse, type CaseResponse } from './case.presenter.js';
import { parseCaseSearch, searchCondition } from './case-search.js';
import { AssignCaseDto } from './dto/assign.dto.js';
import { CaseEventDto, EVENT_FIELDS } from './dto/case-event.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { versionMismatch } from '../case-core/if-match.js';
import { NationalIdCipher } from '../common/national-id.js';
import { refusalToProblem } from '../case-core/refusal.mapper.js';


/** Application service of the case area: one transaction per command, rules from libs/domain. */
@Injectable()
export class CasesService {
  private readonly cipher: NationalIdCipher;
  private readonly config: AppConfig;

  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: CaseStore,
    private readonly runner: CaseCommandRunner,
    private readonly policy: CaseAccessPolicy,
    private readonly audit: AuditTrail,
    private readonly profiles: MunicipalityProfiles,
    private readonly recorders: CaseEventRecorders,
    private readonly idempotency: IdempotencyStore,
    private readonly people: CasePeopleStore,
    @Inject(ConfigService) configService: ConfigService,
  ) {
    this.config = configService.getOrThrow<AppConfig>('app');
    this.cipher = new NationalIdCipher(this.config.dataEncryptionKey);
  }

  async create(principal: Principal, dto: CreateCaseDto, idempotencyKey?: string): Promise<{ body: CaseResponse; created: boolean }> {
    const requestHash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    return this.rowSecurity.transaction(principal, async (em) => {
      if (idempotencyKey) {
        const seen = await this.idempotency.claim(em, principal.userId, idempotencyKey);
        if (seen) {
          if (seen.requestHash !== requestHash) {
            throw new ProblemException(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key er brukt før med et annet innhold.', [
              { field: 'Idempotency-Key', message: 'er brukt før med et annet innhold' },
            ]);
          }
          await this.audit.record(em, principal, 'case.create.replay', [seen.caseId]);
          return { body: await this.present(principal, await this.store.loadVisible(em, principal, seen.caseId), false), created: false };
        }
      }
      const unit = await em.findOneBy(Unit, { id: dto.unitId, municipalityId: principal.municipalityId });
      if (!unit) throw problems.validation([{ field: 'unitId', message: 'er ikke en enhet i din kommune' }]);
      if (!may(toActor(principal), 'case.create', { unitId: unit.id, municipalityId: unit.municipalityId })) {
        throw problems.forbidden('Du kan bare melde bekymring i en enhet du arbeider i.');
      }

      const now = new Date();
      const nationalId = dto.child.nationalId;
      // The safety path (8.1): the checkbox, the category or a risk factor marked indicatesAbuse.
      const flagged = isConcernFlagged(dto.concern, abuseRiskFactors());
      // Every value is set here (ids and timestamps included), so the answer is built from what was
      // inserted: plain INSERTs without RETURNING, and no read of the new case afterwards.
      const row: BtiCase = {
        id: randomUUID(),
        municipalityId: principal.municipalityId,
        // New cases take the latest published profile version and keep it (DESIGN 12.7).
        profileVersion: await this.profiles.latestVersion(principal.municipalityId),
        unitId: unit.id,
        clusterId: unit.clusterId,
        childId: randomUUID(),
        reporterId: principal.userId,
        reporterUnitId: unit.id,
        assigneeId: null,
        pendingAssigneeId: null,
        status: 'discovered',
        route: null,
        level: 0,
        anonymous: false,
        anonymousSummary: null,
        suspectedViolenceOrAbuse: flagged,
        childWelfareReportedAt: null,
        guardiansMayBeInformedAt: null,
        transferToUnitId: null,
        transferToClusterId: null,
        closedAt: null,
        accessEndsAt: null,
        deleteAfter: null,
        deletedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        reference: '',
      };
      const child: Child = {
        id: row.childId,
        municipalityId: principal.municipalityId,
        firstName: dto.child.firstName,
        lastName: dto.child.lastName,
        birthDate: dto.child.birthDate,
        nationalIdEncrypted: nationalId ? this.cipher.encrypt(nationalId) : null,
        nationalIdHash: nationalId ? this.cipher.hash(nationalId) : null,
        // As jsonb gives them back (its key order), so the answer equals a later GET.
        guardians: asJsonb((dto.child.guardians ?? []).map((g) => ({ ...g }))),
        address: dto.child.address ? asJsonb({ ...dto.child.address }) : null,
      };
      const concern: Concern = {
        id: randomUUID(),
        caseId: row.id,
        description: dto.concern.description,
        categories: dto.concern.categories,
        riskFactors: dto.concern.riskFactors,
        protectiveFactors: dto.concern.protectiveFactors,
        childVoice: dto.concern.childVoice ?? null,
        suspectedViolenceOrAbuse: dto.concern.suspectedViolenceOrAbuse,
        createdAt: now,
      };
      row.reference = await this.store.insertNew(em, row, child, concern, {
        type: 'concern_logged',
        actorId: principal.userId,
        text: flagged ? 'Bekymring registrert. Mistanke om vold eller overgrep: meld til barnevernet nå (barnevernvakten utenom kontortid).' : 'Bekymring registrert.',
      });
      const durations = await this.profiles.reminderDurations(principal.municipalityId, row.profileVersion);
      await writeReminderEffects(em, row.id, remindersOnConcernLogged(toCaseState(row), now, durations));
      await this.audit.record(em, principal, 'case.create', [row.id]);
      if (idempotencyKey) await this.idempotency.record(em, principal.userId, idempotencyKey, requestHash, row.id);
      return { body: this.presentLoaded(principal, { row, child, concern, consents: [], childVoice: null }, now, false), created: true };
    });
  }

  /**
   * One round trip: the page and its audit rows are one statement (CaseStore.pageAudited). A search
   * (`q`) is audited as `case.search`, one row per case it returned: never the text searched for.
   */
  async list(principal: Principal, query: ListCasesQuery): Promise<CaseListResponse> {
    const now = new Date();
    const conditions: string[] = [];
    const params: Record<string, unknown> = {};
    const where = (sql: string, name: string, value: unknown) => {
      conditions.push(sql);
      params[name] = value;
    };
    if (query.status) where('c.status = :status', 'status', query.status);
    if (query.route) where('c.route = :route', 'route', query.route);
    if (query.unitId) where('c."unitId" = :unitId', 'unitId', query.unitId);
    if (query.assigneeId) where('c."assigneeId" = :assigneeId', 'assigneeId', query.assigneeId);
    // Level 0 must end in a decision: undecided cases older than twice the assessment reminder.
    const durations = await this.profiles.reminderDurations(principal.municipalityId);
    const decisionCutoff = new Date(now.getTime() - 2 * parseIsoDuration(durations.assessment_due).toMillis());
    if (query.overdue !== undefined) {
      const overdue = `(c.status IN ('discovered','assessing','deciding') AND c."createdAt" < :deadline)`;
      where(query.overdue ? overdue : `NOT ${overdue}`, 'deadline', decisionCutoff);
    }
    if (query.q !== undefined) {
      const identified = this.policy.visibleCondition(principal, now, 'c', 'full');
      const search = searchCondition(parseCaseSearch(query.q), identified.sql, (id) => this.cipher.hash(id));
      conditions.push(search.sql);
      Object.assign(params, identified.params, search.params);
    }
    const action = query.q === undefined ? 'case.list' : 'case.search';
    const { items: loaded, total } = await this.store.pageAudited(principal, { sql: conditions.join(' AND '), params }, query.page, query.pageSize, action, {
      sort: query.sort,
      decisionCutoff,
      now,
    });
    const items = loaded.map((l) => presentListItem(this.presentLoaded(principal, l, now, false), l.list));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** One round trip: the case and its audit row are one statement (CaseStore.readAudited). */
  async get(principal: Principal, caseId: string): Promise<CaseResponse> {
    return this.present(principal, await this.store.readAudited(principal, caseId, 'case.read'), true);
  }

  async applyEvent(principal: Principal, caseId: string, expectedVersion: () => number, dto: CaseEventDto): Promise<CaseResponse> {
    const { type, ...payload } = dto;
    return this.runner.run(principal, caseId, {
      action: `case.event.${type}`,
      requires: type,
      precondition: requiredVersion(expectedVersion),
      decide: async (em, loaded, now) => {
        const event = this.toEvent(dto);
        const ctx: DomainContext = {
          ...(await this.domainContext(loaded, now)),
          childAge: ageInYears(loaded.child.birthDate, now),
          // `assigneeId` names the new coordinator on `decide` only (accept_transfer's is checked by the transfer rules).
          proposedCoordinator: dto.type === 'decide' && dto.assigneeId ? await this.store.actorOf(em, dto.assigneeId, loaded.row.municipalityId) : undefined,
          units: event.type === 'propose_transfer' ? await em.find(Unit, { where: { municipalityId: loaded.row.municipalityId }, select: { id: true, clusterId: true } }) : undefined,
        };
        const result = apply(toCaseState(loaded.row), event, toActor(principal), ctx);
        if (!result.ok) throw refusalToProblem(result);
        // A feature's record of the event (DESIGN 8.9: the report's national document; 400 if facts are missing).
        const recorded = await this.recorders.record(em, principal, loaded, event, now);
        const next = result.next;
        const routed = result.effects.find((e) => e.type === 'CaseRouted');
        if (event.type === 'accept_transfer' && next.assigneeId !== null) await this.store.requireUnitStaff(em, next.assigneeId, next.unitId, next.municipalityId, 'assigneeId');
        // The actor's own write would leave a row they may not see, which row-level security refuses.
        if (!maySeeCase(toActor(principal), next, loaded.consents, now)) return this.leaveSight(em, principal, loaded, event.type, result, payload);
        const childVoice = await this.recordVoice(em, loaded.row.id, type, principal, result);
        return {
          case: {
            unitId: next.unitId,
            clusterId: next.clusterId,
            transferToUnitId: next.transfer?.toUnitId ?? null,
            transferToClusterId: next.transfer?.toClusterId ?? null,
            status: next.status,
            route: next.route,
            level: next.level,
            anonymous: next.anonymous,
            ...(routed ? { anonymousSummary: routed.type === 'CaseRouted' && routed.anonymous ? (routed.anonymousSummary ?? null) : null } : {}),
            assigneeId: next.assigneeId,
            pendingAssigneeId: next.pendingAssigneeId ?? null,
            suspectedViolenceOrAbuse: next.suspectedViolenceOrAbuse,
            childWelfareReportedAt: next.childWelfareReportedAt,
            guardiansMayBeInformedAt: next.guardiansMayBeInformedAt ?? null,
            ...(next.status === 'closed' && loaded.row.status !== 'closed' ? this.closingOverrides(now) : {}),
          },
          log: { type, text: result.logText, data: { ...payload, effects: result.effects.map((e) => e.type) } },
          effects: result.effects,
          notifications: coordinatorNotices(principal, result),
          respond: (written) => {
            return { ...this.present(principal, { ...written, childVoice: childVoice ?? written.childVoice }, false), ...recorded };
          },
        };
      },
    });
  }

  /**
   * `PUT /cases/:id/assignee` (DESIGN 8.2): on a case without a coordinator the person takes it at
   * once; on a case with one it is a handover offer the person must accept (libs/domain handover.ts).
   */
  async assign(principal: Principal, caseId: string, expectedVersion: () => number, dto: AssignCaseDto): Promise<CaseResponse> {
    return this.runner.run(principal, caseId, {
      action: 'case.assign',
      requires: 'case.assign',
      precondition: requiredVersion(expectedVersion),
      decide: async (em, loaded, now) => {
        const candidate = await this.store.actorOf(em, dto.assigneeId, loaded.row.municipalityId);
        const result = offerHandover(toCaseState(loaded.row), candidate, toActor(principal), await this.domainContext(loaded, now));
        if (!result.ok) throw refusalToProblem(result);
        const offered = result.effects.some((e) => e.type === 'HandoverOffered');
        const childVoice = await this.recordVoice(em, loaded.row.id, offered ? 'handover_offered' : 'assigned', principal, result);
        return {
          case: { assigneeId: result.next.assigneeId, pendingAssigneeId: result.next.pendingAssigneeId ?? null },
          log: { type: offered ? 'handover_offered' : 'assigned', text: result.logText, data: { assigneeId: dto.assigneeId } },
          // A handover's effects are reminders only.
          reminders: result.effects,
          notifications: coordinatorNotices(principal, result),
          respond: (written) => this.present(principal, { ...written, childVoice: childVoice ?? written.childVoice }, false),
        };
      },
    });
  }

  /**
   * RETENTION_* overrides (never in production) win over the profile version, whose dates the
   * closing trigger stores otherwise (migration RetentionAndArchive).
   */
  private closingOverrides(now: Date): Partial<Pick<BtiCase, 'closedAt' | 'accessEndsAt' | 'deleteAfter'>> {
    const { closedCaseAccess, closedCaseKeep } = this.config.retention;
    return {
      closedAt: now,
      ...(closedCaseAccess ? { accessEndsAt: osloPlus(now, closedCaseAccess) } : {}),
      ...(closedCaseKeep ? { deleteAfter: osloPlus(now, closedCaseKeep) } : {}),
    };
  }

  /** What the rules need besides the case: the municipality's routes and durations, the consents. */
  private async domainContext(loaded: LoadedCase, now: Date): Promise<DomainContext> {
    const profile = await this.profiles.get(loaded.row.municipalityId, loaded.row.profileVersion);
    return {
      now,
      enabledRoutes: profile.routes as Route[],
      consents: loaded.consents,
      reminderDurations: await this.profiles.reminderDurations(loaded.row.municipalityId, loaded.row.profileVersion),
    };
  }

  /** The voice record of the event (8.5), if it has one: the response shows it as the latest. */
  private async recordVoice(em: EntityManager, caseId: string, event: string, principal: Principal, result: Applied): Promise<ChildVoiceRow | null> {
    let latest: ChildVoiceRow | null = null;
    for (const e of result.effects) {
      if (e.type !== 'VoiceRecorded') continue;
      const values = {
        caseId, event, actorId: principal.userId,
        heard: e.child?.heard ?? null, view: e.child?.view ?? null, reasonNotHeard: e.child?.reasonNotHeard ?? null,
        weight: e.child?.weight ?? null, guardiansView: e.guardiansView,
      };
      const inserted = await em.insert(ChildVoiceRow, values);
      latest = { ...values, ...(inserted.generatedMaps[0] as Pick<ChildVoiceRow, 'id' | 'at'>) };
    }
    return latest;
  }

  async caseLog(principal: Principal, caseId: string, page: number, pageSize: number) {
    return this.rowSecurity.transaction(principal, async (em) => {
      const loaded = await this.store.loadVisible(em, principal, caseId);
      // 8.4: an anonymised viewer sees only which entries there are and when: no texts, no people.
      const full = this.policy.viewOf(principal, loaded.row, loaded.consents, new Date()) === 'full';
      await this.audit.record(em, principal, 'case.log.read', [caseId]);
      const [rows, total] = await em.findAndCount(CaseLogEntry, {
        where: { caseId },
        order: { at: 'ASC', id: 'ASC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      });
      const authors = full ? await this.people.authorsOf(em, principal.municipalityId, rows.map((r) => r.actorId)) : new Map<string, LogAuthor>();
      const items = rows.map(({ id, type, actorId, at, text, correctsEntryId }) =>
        full
          ? { id, type, actorId, author: (actorId && authors.get(actorId)) || null, at, text, correctsEntryId }
          : { id, type, actorId: null, author: null, at, text: null, correctsEntryId: null },
      );
      return { items, total, page, pageSize };
    });
  }

  /**
   * An event that takes the case out of its actor's sight: the receiving leader rejects a transfer,
   * the proposed stafettholder declines the handover. The change is a definer function's (thin:
   * exactly the columns the domain changed, only for that caller); the log entry is an INSERT
   * without RETURNING; the answer is the case as they saw it, with `leftView: true` and nothing
   * they may still do (a GET now answers 404).
   */
  private async leaveSight(em: EntityManager, principal: Principal, loaded: LoadedCase, type: EventType, result: Applied, payload: object): Promise<CaseChange<CaseResponse>> {
    const write = LEAVING_WRITES[type];
    if (!write) throw new Error(`No write for ${type} when its actor leaves the case's view`);
    // The function stamps "updatedAt" with now(), the transaction's time: read beside it, so the answer carries what was stored.
    const { ok, updatedAt } = await this.store.writeLeavingSight(em, write.fn, loaded.row.id, loaded.row.version);
    if (!ok) throw versionMismatch(loaded.row.version + 1);
    return {
      case: { writtenByCommand: { ...write.columns, updatedAt } },
      log: { type, text: result.logText, data: { ...payload, effects: result.effects.map((e) => e.type) } },
      effects: result.effects,
      respond: (written) => ({
        ...presentCase({ row: written.row as BtiCase, child: written.child, concern: written.concern, view: this.policy.viewOf(principal, loaded.row, loaded.consents, new Date()), allowedActions: [] }),
        leftView: true,
      }),
    };
  }

  /** The national id is decrypted only for GET /cases/:id, never echoed by writes. */
  private present(principal: Principal, loaded: LoadedCase, withNationalId: boolean): CaseResponse {
    return this.presentLoaded(principal, loaded, new Date(), withNationalId);
  }

  private presentLoaded(principal: Principal, loaded: LoadedCase, now: Date, withNationalId: boolean): CaseResponse {
    const view = this.policy.viewOf(principal, loaded.row, loaded.consents, now);
    const encrypted = loaded.child.nationalIdEncrypted;
    return presentCase({
      row: loaded.row,
      child: loaded.child,
      concern: loaded.concern,
      view,
      allowedActions: allowedActions(toActor(principal), { state: toCaseState(loaded.row), consents: loaded.consents, now }),
      nationalId: withNationalId && view === 'full' && encrypted ? this.cipher.decrypt(encrypted) : undefined,
      childVoice: loaded.childVoice,
      deadlines: loaded.deadlines,
    });
  }

  /** DTO → domain event; fields that belong to other events are refused by name. */
  private toEvent(dto: CaseEventDto): CaseEvent {
    const allowed = new Set(['type', ...EVENT_FIELDS[dto.type]]);
    const foreign = Object.keys(dto).filter((k) => (dto as unknown as Record<string, unknown>)[k] !== undefined && !allowed.has(k));
    if (foreign.length) {
      throw problems.validation(foreign.map((field) => ({ field, message: `hører ikke til hendelsen ${dto.type}` })));
    }
    return dto as unknown as CaseEvent;
  }
}

/** The thin writes (migration LeavingSightWrites, CaseLifecycle) of the events after which their actor no longer sees the case. */
const LEAVING_WRITES: Partial<Record<EventType, { fn: LeavingSightWrite; columns: Partial<BtiCase> }>> = {
  reject_transfer: { fn: 'bti_case_reject_transfer', columns: { transferToUnitId: null, transferToClusterId: null } },
  decline_handover: { fn: 'bti_case_decline_handover', columns: { pendingAssigneeId: null } },
};

/** Risk factor codes marked `indicatesAbuse` in risk-factors.json (the safety path, 8.1). */
function abuseRiskFactors(): string[] {
  return loadReferenceData().riskFactors.filter((f) => f.indicatesAbuse === true).map((f) => f.code);
}

/** Notices to the new or the proposed coordinator (DESIGN 8.2). */
function coordinatorNotices(principal: Principal, result: Applied): NotificationToSend[] {
  const notices: NotificationToSend[] = [];
  for (const e of result.effects) {
    if (e.type === 'CoordinatorAssigned' && e.assigneeId !== principal.userId) {
      notices.push({ recipientIds: [e.assigneeId], type: 'case_assigned', message: 'Du er satt som stafettholder for en sak.' });
    }
    if (e.type === 'HandoverOffered') {
      notices.push({
        recipientIds: [e.pendingAssigneeId],
        type: 'handover_offered',
        message: 'Du er foreslått som ny stafettholder for en sak. Godta eller avslå overleveringen.',
      });
    }
  }
  return notices;
}
