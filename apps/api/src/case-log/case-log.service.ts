import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { norwegianDate, norwegianDateTime } from '@app/platform';
import type { EntityManager } from 'typeorm';
import { logData, OSLO, remindersOnTaskRecorded, type DomainEffect } from '@app/domain';
import { AppUser, CaseLogEntry, CaseTask } from '@app/persistence';
import type { Principal } from '../auth/principal.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { CaseAccessPolicy } from '../case-core/case-access.policy.js';
import { RowSecurity } from '../database/row-security.js';
import { CaseStore } from '../case-core/case-store.js';
import { CaseCommandRunner } from '../case-core/case-command-runner.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import type { CasePrecondition } from '../case-core/if-match.js';
import { ProblemException, problems, type FieldError } from '../common/problem.js';
import { noticeGuardiansOfEntry } from '../citizen/guardian-notices.js';
import { CreateCorrectionDto, CreateLogEntryDto, LogEntryView, type LogEntryKind } from './case-log.dto.js';

const KIND_LABEL: Record<LogEntryKind, string> = {
  note: 'Notat',
  conversation_child: 'Samtale med barnet',
  conversation_guardians: 'Samtale med foresatte',
  meeting: 'Møte',
};

/** A conversation or meeting may be written down afterwards, never ahead (clock skew allowed). */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * The log as the working record (DESIGN 8.6): notes, conversations with the child or the
 * guardians, meetings with participants and tasks. Entries are never changed: a correction is a
 * new entry pointing at the original. Who writes: anyone working on the case with an identified
 * view (reporter, coordinator, unit leader, the arena under consent). Every write takes the
 * case's If-Match and bumps its version, like every state-changing request on a case.
 */
@Injectable()
export class CaseLogService {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: CaseStore,
    private readonly runner: CaseCommandRunner,
    private readonly profiles: MunicipalityProfiles,
    private readonly policy: CaseAccessPolicy,
    private readonly audit: AuditTrail,
  ) {}

  async create(principal: Principal, caseId: string, dto: CreateLogEntryDto, precondition: CasePrecondition): Promise<LogEntryView> {
    return this.runner.run(principal, caseId, {
      action: 'case.log.create',
      requires: 'log.write',
      precondition,
      decide: async (em, loaded, now) => {
        const errors: FieldError[] = [];
        const occurredAt = dto.at === undefined ? null : new Date(dto.at);
        if (occurredAt && occurredAt.getTime() > now.getTime() + FUTURE_SKEW_MS) errors.push({ field: 'at', message: 'kan ikke være fram i tid' });
        const tasks = dto.tasks ?? [];
        const today = DateTime.fromJSDate(now, { zone: OSLO }).toISODate()!;
        const responsibleNames = new Map<string, string>();
        for (const [i, task] of tasks.entries()) {
          if (task.dueDate < today) errors.push({ field: `tasks[${i}].dueDate`, message: 'kan ikke være før i dag' });
          if (!responsibleNames.has(task.responsibleId)) {
            const user = await em.findOneBy(AppUser, { id: task.responsibleId, municipalityId: loaded.row.municipalityId });
            const opens = user ? await this.store.canOpenIdentified(em, user.id, loaded.row, loaded.consents, now) : false;
            if (user && opens) responsibleNames.set(user.id, user.displayName);
          }
          if (!responsibleNames.has(task.responsibleId)) {
            errors.push({ field: `tasks[${i}].responsibleId`, message: 'må være en som kan åpne saken (tildel saken eller innhent samtykke først)' });
          }
        }
        if (errors.length) throw problems.validation(errors);

        // The entry is this command's own row (participants, tasks): written here, not as the runner's log entry.
        const participants = (dto.participants ?? []).map((p) => p.trim());
        const text = composeText(dto.type, dto.text.trim(), occurredAt, participants, tasks.map((t) => ({ ...t, responsible: responsibleNames.get(t.responsibleId)! })));
        const entry = await this.insertEntry(em, { caseId, type: dto.type, actorId: principal.userId, text, occurredAt, participants, correctsEntryId: null, data: { tasks: tasks.length }, confidential: dto.confidential ?? null });
        await noticeGuardiansOfEntry(em, caseId, entry);
        const taskRows: CaseTask[] = [];
        const reminders: DomainEffect[] = [];
        const durations = await this.profiles.reminderDurations(loaded.row.municipalityId, loaded.row.profileVersion);
        for (const task of tasks) {
          const row = await em.save(
            em.create(CaseTask, { caseId, logEntryId: entry.id, text: task.text.trim(), responsibleId: task.responsibleId, dueDate: task.dueDate, createdById: principal.userId }),
          );
          taskRows.push(row);
          reminders.push(...remindersOnTaskRecorded(row.id, task.dueDate, now, durations));
        }
        return { case: {}, reminders, respond: () => view(entry, taskRows.sort(byDueDate), [], 'full') };
      },
    });
  }

  async correct(principal: Principal, caseId: string, entryId: string, dto: CreateCorrectionDto, precondition: CasePrecondition): Promise<LogEntryView> {
    return this.runner.run(principal, caseId, {
      action: 'case.log.correct',
      requires: 'log.correct',
      precondition,
      decide: async (em) => {
        const original = await this.findEntry(em, caseId, entryId);
        const when = norwegianDateTime(original.at);
        const text = `Rettelse av oppføringen fra ${when}: ${dto.text.trim()}\nBegrunnelse: ${dto.reason.trim()}`;
        const entry = await this.insertEntry(em, { caseId, type: 'correction', actorId: principal.userId, text, occurredAt: null, participants: [], correctsEntryId: original.id, data: {}, confidential: original.confidential });
        return { case: {}, respond: () => view(entry, [], [], 'full') };
      },
    });
  }

  /**
   * The unit leader clears an entry's `confidential` (DESIGN 12.4): from now the family sees it as
   * any other entry. The entry's text never changes; the clearing is its own log line and audit row.
   */
  async declassify(principal: Principal, caseId: string, entryId: string, precondition: CasePrecondition): Promise<LogEntryView> {
    return this.runner.run(principal, caseId, {
      action: 'case.log.declassify',
      requires: 'log.declassify',
      precondition,
      decide: async (em, _loaded, now) => {
        const entry = await this.findEntry(em, caseId, entryId);
        if (!entry.confidential || entry.confidentialClearedAt) {
          throw new ProblemException(422, 'NOT_CONFIDENTIAL', 'Oppføringen er ikke skjermet for familien.');
        }
        await em.query(`UPDATE case_log_entry SET "confidentialClearedAt" = $2, "confidentialClearedById" = $3 WHERE id = $1`, [entry.id, now, principal.userId]);
        const cleared = { ...entry, confidentialClearedAt: now } as CaseLogEntry;
        await noticeGuardiansOfEntry(em, caseId, { at: entry.at, confidential: null });
        return {
          case: {},
          log: { type: 'confidential_cleared', text: `Enhetslederen har gjort oppføringen fra ${norwegianDateTime(entry.at)} synlig for familien.`, data: { entryId: entry.id } },
          respond: () => view(cleared, [], [], 'full'),
        };
      },
    });
  }

  async get(principal: Principal, caseId: string, entryId: string): Promise<LogEntryView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const loaded = await this.store.loadVisible(em, principal, caseId);
      const entry = await this.findEntry(em, caseId, entryId);
      // One after the other: a transaction is one connection, which runs one query at a time.
      const tasks = await em.find(CaseTask, { where: { logEntryId: entry.id }, order: { dueDate: 'ASC', id: 'ASC' } });
      const corrections = await em.find(CaseLogEntry, { where: { caseId, correctsEntryId: entry.id }, order: { at: 'ASC', id: 'ASC' }, select: { id: true } });
      await this.audit.record(em, principal, 'case.log.read', [caseId]);
      return view(entry, tasks, corrections.map((c) => c.id), this.policy.viewOf(principal, loaded.row, loaded.consents, new Date()));
    });
  }

  private async findEntry(em: EntityManager, caseId: string, entryId: string): Promise<CaseLogEntry> {
    const entry = isUUID(entryId) ? await em.findOneBy(CaseLogEntry, { id: entryId, caseId }) : null;
    if (!entry) throw problems.notFound('Fant ikke oppføringen i sakens logg.');
    return entry;
  }

  private async insertEntry(em: EntityManager, values: Pick<CaseLogEntry, 'caseId' | 'type' | 'actorId' | 'text' | 'occurredAt' | 'participants' | 'correctsEntryId' | 'data' | 'confidential'>): Promise<CaseLogEntry> {
    const inserted = await em.insert(CaseLogEntry, { ...values, data: logData(values.type, values.data) } as never);
    const id = (inserted.identifiers[0] as { id: string }).id;
    return em.findOneByOrFail(CaseLogEntry, { id });
  }
}

/** Tasks are listed earliest due first (then by id, so the order is stable). */
function byDueDate(a: CaseTask, b: CaseTask): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface NamedTask {
  text: string;
  dueDate: string;
  responsible: string;
}

/** The log's text of an entry: what was written, who took part, and the tasks agreed. */
function composeText(kind: LogEntryKind, text: string, occurredAt: Date | null, participants: string[], tasks: NamedTask[]): string {
  const when = occurredAt ? ` (${norwegianDateTime(occurredAt)})` : '';
  const lines = [`${KIND_LABEL[kind]}${when}: ${text}`];
  if (participants.length) lines.push(`Deltakere: ${participants.join(', ')}.`);
  if (tasks.length) {
    lines.push('Oppgaver:');
    for (const t of tasks) lines.push(`- ${t.text.trim()} (ansvarlig: ${t.responsible}, frist ${norwegianDate(t.dueDate)})`);
  }
  return lines.join('\n');
}

function view(entry: CaseLogEntry, tasks: CaseTask[], correctedBy: string[], caseView: 'full' | 'anonymised'): LogEntryView {
  const full = caseView === 'full';
  return {
    id: entry.id,
    type: entry.type,
    actorId: full ? entry.actorId : null,
    at: entry.at,
    occurredAt: entry.occurredAt,
    text: full ? entry.text : null,
    participants: full ? entry.participants : [],
    tasks: full ? tasks.map((t) => ({ id: t.id, text: t.text, responsibleId: t.responsibleId, dueDate: t.dueDate })) : [],
    // As in the log's list: an anonymised viewer is not told which entries correct which.
    correctsEntryId: full ? entry.correctsEntryId : null,
    correctedBy: full ? correctedBy : [],
    confidential: entry.confidentialClearedAt ? null : entry.confidential,
  };
}
