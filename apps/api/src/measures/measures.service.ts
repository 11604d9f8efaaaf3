import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { MEASURE_LIFECYCLE, may, measureEventOf, remindersOnMeasureAdded, remindersOnMeasureEvaluated, step, type DomainEffect } from '@app/domain';
import { AppUser, Measure, MeasureEvaluation, type BtiCase, type MeasureOutcome } from '@app/persistence';
import { loadReferenceData, norwegianDate } from '@app/platform';
import type { Principal } from '../auth/principal.js';
import { ProblemException, problems, type FieldError } from '../common/problem.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { CaseAccessPolicy, type CaseView } from '../case-core/case-access.policy.js';
import { RowSecurity } from '../database/row-security.js';
import { CaseStore } from '../case-core/case-store.js';
import { CaseCommandRunner } from '../case-core/case-command-runner.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import type { CasePrecondition } from '../case-core/if-match.js';
import { evaluationMoment, osloToday } from './measure-dates.js';
import { CreateMeasureDto, EvaluateMeasureDto, ListMeasuresQuery, MeasureListResponse, MeasureView } from './measures.dto.js';


/** Measures are the "act" step: they are added and evaluated once the case is decided. */
const MEASURE_STATUSES_OF_CASE = ['acting', 'evaluating'];

const LEVEL_LABEL: Record<string, string> = { universal: 'universelt', selected: 'selektivt', indicated: 'indikert' };
const OUTCOME_TEXT: Record<MeasureOutcome, string> = { continue: 'videreføres', adjust: 'justeres', stop: 'avsluttes' };

/**
 * Tiltak on a case. Who: the case's coordinator (assignee) and the unit leader of its unit add
 * measures; they and the measure's responsible person evaluate them. The reporter does not (they
 * raised the concern; the coordinator holds the plan). When: while the case is acting or
 * evaluating. Each measure schedules `evaluation_due` (the responsible, on the evaluation date)
 * and `evaluation_overdue` (the unit leader) through the outbox; an evaluation cancels them and,
 * for continue/adjust, schedules them for the next evaluation date.
 */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: CaseStore,
    private readonly runner: CaseCommandRunner,
    private readonly profiles: MunicipalityProfiles,
    private readonly audit: AuditTrail,
    private readonly policy: CaseAccessPolicy,
  ) {}

  async create(principal: Principal, caseId: string, dto: CreateMeasureDto, precondition: CasePrecondition): Promise<MeasureView> {
    return this.runner.run(principal, caseId, {
      action: 'measure.create',
      requires: 'measure.add',
      precondition,
      decide: async (em, { row, consents }, now) => {
        requireDecided(row);
        const errors: FieldError[] = [];
        if (dto.catalogCode !== undefined && dto.title !== undefined) errors.push({ field: 'title', message: 'oppgi enten catalogCode eller title, ikke begge' });
        if (dto.catalogCode !== undefined && dto.levels !== undefined) errors.push({ field: 'levels', message: 'hentes fra tiltakskatalogen for katalogtiltak' });
        errors.push(...this.dateErrors(dto.startDate, dto.evaluationDate, 'evaluationDate'));
        const responsible = await this.responsible(em, principal, dto.responsibleId);
        if (!responsible) errors.push({ field: 'responsibleId', message: 'er ikke en ansatt i kommunen som kan være ansvarlig for et tiltak' });
        // The responsible's reminders lead to the case: nobody is made responsible who cannot open it.
        else if (!(await this.store.canOpenIdentified(em, responsible.id, row, consents, now))) {
          errors.push({ field: 'responsibleId', message: 'må kunne åpne saken: tildel saken eller innhent samtykke først' });
        }
        if (errors.length) throw problems.validation(errors);

        const item = dto.catalogCode ? loadReferenceData().measures.find((m) => m.code === dto.catalogCode)! : null;
        const levels = item ? ((item.levels as string[] | undefined) ?? []) : (dto.levels ?? []);
        const measure = await em.save(
          em.create(Measure, {
            caseId,
            catalogCode: item?.code ?? null,
            title: item ? item.nb : dto.title!.trim(),
            levels,
            description: dto.description?.trim() || null,
            responsibleId: dto.responsibleId,
            startDate: dto.startDate,
            evaluationDate: dto.evaluationDate,
            status: 'active',
            createdById: principal.userId,
            endedAt: null,
          }),
        );
        const levelText = levels.length ? ` (${levels.map((l) => LEVEL_LABEL[l] ?? l).join(', ')})` : '';
        return {
          case: {},
          log: {
            type: 'measure_added',
            text: `Tiltak lagt til: ${measure.title}${levelText}. Ansvarlig: ${responsible!.displayName}. Oppstart ${norwegianDate(dto.startDate)}, evaluering ${norwegianDate(dto.evaluationDate)}.`,
            data: { measureId: measure.id, catalogCode: measure.catalogCode },
          },
          reminders: await this.scheduleEvaluation(row, measure.id, dto.evaluationDate),
          // A new measure has no evaluations yet; its author (coordinator or leader) sees the case identified.
          respond: () => toView(measure, [], 'full'),
        };
      },
    });
  }

  async list(principal: Principal, caseId: string, query: ListMeasuresQuery): Promise<MeasureListResponse> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const loaded = await this.store.loadVisible(em, principal, caseId);
      const view = this.policy.viewOf(principal, loaded.row, loaded.consents, new Date());
      const [rows, total] = await em.findAndCount(Measure, {
        where: { caseId },
        order: { createdAt: 'ASC', id: 'ASC' },
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      });
      await this.audit.record(em, principal, 'measure.list', [caseId]);
      const evaluations = rows.length ? await em.find(MeasureEvaluation, { where: { measureId: In(rows.map((r) => r.id)) }, order: { createdAt: 'ASC', id: 'ASC' } }) : [];
      return {
        items: rows.map((m) => toView(m, evaluations.filter((e) => e.measureId === m.id), view)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  async evaluate(principal: Principal, caseId: string, measureId: string, dto: EvaluateMeasureDto, precondition: CasePrecondition): Promise<MeasureView> {
    let measure!: Measure;
    return this.runner.run(principal, caseId, {
      action: 'measure.evaluate',
      requires: 'measure.evaluate',
      facts: async (_loaded, em) => {
        if (!isUUID(measureId)) throw problems.notFound('Fant ikke tiltaket.');
        const found = await em.findOne(Measure, { where: { id: measureId, caseId }, lock: { mode: 'pessimistic_write' } });
        if (!found) throw problems.notFound('Fant ikke tiltaket.');
        measure = found;
        return { measureResponsibleId: found.responsibleId };
      },
      precondition,
      decide: async (em, { row, consents }, now) => {
        requireDecided(row);
        const nextStatus = step(MEASURE_LIFECYCLE, measureEventOf(dto.outcome), measure.status);
        if (!nextStatus) throw new ProblemException(422, 'MEASURE_ENDED', 'Tiltaket er avsluttet og kan ikke evalueres igjen.');
        const stop = dto.outcome === 'stop';
        const errors: FieldError[] = [];
        if (stop && dto.nextEvaluationDate !== undefined) errors.push({ field: 'nextEvaluationDate', message: 'skal ikke oppgis når tiltaket avsluttes' });
        if (!stop) errors.push(...this.dateErrors(measure.startDate, dto.nextEvaluationDate!, 'nextEvaluationDate'));
        if (errors.length) throw problems.validation(errors);

        await em.insert(MeasureEvaluation, {
          measureId,
          caseId,
          outcome: dto.outcome,
          note: dto.note.trim(),
          nextEvaluationDate: stop ? null : dto.nextEvaluationDate!,
          evaluatedById: principal.userId,
        });
        measure.status = nextStatus;
        if (stop) {
          measure.endedAt = now;
        } else {
          measure.evaluationDate = dto.nextEvaluationDate!;
        }
        await em.update(Measure, { id: measureId }, { status: measure.status, endedAt: measure.endedAt, evaluationDate: measure.evaluationDate });
        const reminders: DomainEffect[] = [...remindersOnMeasureEvaluated(measureId)];
        if (!stop) reminders.push(...(await this.scheduleEvaluation(row, measureId, dto.nextEvaluationDate!)));
        return {
          case: {},
          log: {
            type: 'measure_evaluated',
            text: `Tiltaket «${measure.title}» er evaluert: ${OUTCOME_TEXT[dto.outcome]}.${stop ? '' : ` Neste evaluering ${norwegianDate(dto.nextEvaluationDate!)}.`} Notat: ${dto.note.trim()}`,
            data: { measureId, outcome: dto.outcome },
          },
          reminders,
          respond: () => this.view(em, measure, this.policy.viewOf(principal, row, consents, now)),
        };
      },
    });
  }

  private dateErrors(startDate: string, evaluationDate: string, field: string): FieldError[] {
    if (evaluationDate < startDate) return [{ field, message: 'kan ikke være før oppstartsdatoen' }];
    if (evaluationDate < osloToday()) return [{ field, message: 'kan ikke være tilbake i tid' }];
    return [];
  }

  private async scheduleEvaluation(row: BtiCase, measureId: string, evaluationDate: string) {
    const durations = await this.profiles.reminderDurations(row.municipalityId, row.profileVersion);
    return remindersOnMeasureAdded(evaluationMoment(evaluationDate), new Date(), durations, measureId);
  }

  private async responsible(em: EntityManager, principal: Principal, userId: string): Promise<AppUser | null> {
    const user = await em.findOneBy(AppUser, { id: userId, municipalityId: principal.municipalityId });
    if (!user) return null;
    // Someone who works with children's cases (the permission table's `cases.read`): admins, auditors and analysts never are.
    const actor = await this.store.actorOf(em, userId, principal.municipalityId);
    return actor && may(actor, 'cases.read') ? user : null;
  }

  private async view(em: EntityManager, measure: Measure, caseView: CaseView): Promise<MeasureView> {
    const evaluations = await em.find(MeasureEvaluation, { where: { measureId: measure.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return toView(measure, evaluations, caseView);
  }
}

function requireDecided(row: BtiCase): void {
  if (!MEASURE_STATUSES_OF_CASE.includes(row.status)) {
    throw new ProblemException(422, 'TRANSITION_NOT_ALLOWED', 'Tiltak registreres og evalueres når saken er besluttet (tiltak pågår eller under evaluering).');
  }
}

/**
 * A measure as the caller may see it. An anonymised viewer gets the log's rule (DESIGN 8.4): kinds,
 * codes and dates; no texts (a free-text title, the description, evaluation notes), no people.
 */
function toView(m: Measure, evaluations: MeasureEvaluation[], view: CaseView): MeasureView {
  const full = view === 'full';
  return {
    id: m.id,
    caseId: m.caseId,
    catalogCode: m.catalogCode,
    title: full || m.catalogCode !== null ? m.title : null,
    levels: m.levels,
    description: full ? m.description : null,
    responsibleId: full ? m.responsibleId : null,
    startDate: m.startDate,
    evaluationDate: m.evaluationDate,
    status: m.status,
    createdById: full ? m.createdById : null,
    createdAt: m.createdAt,
    endedAt: m.endedAt,
    evaluations: evaluations.map((e) => ({
      id: e.id,
      outcome: e.outcome,
      note: full ? e.note : null,
      nextEvaluationDate: e.nextEvaluationDate,
      evaluatedById: full ? e.evaluatedById : null,
      at: e.createdAt,
    })),
  };
}
