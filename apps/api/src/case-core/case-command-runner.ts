import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { may, mayWriteClosedCase, type CaseAction, type CaseSubject, type DomainEffect } from '@app/domain';
import { toCaseState, writeReminderEffects, type BtiCase } from '@app/persistence';
import { toActor, type Principal } from '../auth/principal.js';
import { ProblemException, problems } from '../common/problem.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { RowSecurity } from '../database/row-security.js';
import { CaseEffects } from './case-effects.js';
import { CaseStore, type LoadedCase } from './case-store.js';
import { versionMismatch } from './if-match.js';
import { notify, type NotificationToSend } from './notify.js';

/** The columns of bti_case a command may change (the version and updatedAt are the runner's). */
export type CaseColumns = Partial<Omit<BtiCase, 'id' | 'municipalityId' | 'childId' | 'version' | 'createdAt' | 'updatedAt'>>;

/** A notification the command sends besides those its domain effects imply. */

/** What a command decided: the runner writes it, in this order, in the command's transaction. */
export interface CaseChange<R> {
  /**
   * The case row: columns to change (the version moves on by one); `{ writtenByCommand }` when the
   * command changed the row itself with these columns (a definer function, for a caller who loses
   * sight of the case; it moved the version on by one, and `updatedAt` is what it stamped); or
   * `unchanged` (no version bump).
   */
  case: CaseColumns | { writtenByCommand: CaseColumns & Partial<Pick<BtiCase, 'updatedAt'>> } | 'unchanged';
  /** The log entry (stafettlogg). */
  log?: { type: string; text: string; data?: Record<string, unknown> };
  /** The domain's effects: reminders and the follow-ups (IKS referral, transfer notices) in CaseEffects. */
  effects?: readonly DomainEffect[];
  /** Reminder effects only: for commands whose follow-ups the command itself owns (IKS decisions). */
  reminders?: readonly DomainEffect[];
  notifications?: readonly NotificationToSend[];
  /** The answer, from the case as written: the loaded rows with the changes applied, version + 1. */
  respond(written: LoadedCase): R | Promise<R>;
}

export interface CaseCommand<R> {
  /** Audit action of the command (`case.assign`, `measure.create`, …). */
  action: string;
  /** The permission (libs/domain permissions.ts) the runner asks `may` for on the loaded case: 403 when refused. */
  requires: CaseAction;
  /**
   * The If-Match check against the loaded version (428/400/412 when it fails), after the
   * permission: a hidden case is 404 and a forbidden caller 403 whatever the header says.
   */
  precondition: VersionCheck;
  /** What the permission needs besides the case (the measure in question: 404 when the caller names none), before it is asked. */
  facts?(loaded: LoadedCase, em: EntityManager): Promise<Pick<CaseSubject, 'measureResponsibleId'>>;
  /** Validation, the domain decision (libs/domain) and the command's own rows (a measure, a consent). */
  decide(em: EntityManager, loaded: LoadedCase, now: Date): Promise<CaseChange<R>>;
}

/**
 * Runs every command on a case the same way (DESIGN 11): one row-security transaction; the case
 * loaded and locked (`FOR NO KEY UPDATE`); the command's permission (`may`); the If-Match version check; the command's
 * decision; then the case update, the log entry, the effects, the notifications and the audit
 * row; and the response built from what was written, without reading the case again.
 */
@Injectable()
export class CaseCommandRunner {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: CaseStore,
    private readonly effects: CaseEffects,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * `caseId` may be resolved inside the transaction (an IKS decision names a referral, whose case
   * is locked first, in the same order as case events, so the two cannot deadlock).
   */
  run<R>(principal: Principal, caseId: string | ((em: EntityManager) => Promise<string>), command: CaseCommand<R>): Promise<R> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const id = typeof caseId === 'string' ? caseId : await caseId(em);
      const loaded = await this.store.loadVisible(em, principal, id, true);
      const now = new Date();
      const facts = (await command.facts?.(loaded, em)) ?? {};
      if (!may(toActor(principal), command.requires, { state: toCaseState(loaded.row), consents: loaded.consents, now, ...facts })) {
        throw problems.forbidden(refusalOf(command.requires));
      }
      // DESIGN 12.5: a closed case is read-only (its events and the unit leader's correction of the log excepted).
      if (loaded.row.status === 'closed' && !mayWriteClosedCase(command.requires, toActor(principal), loaded.row)) throw new ProblemException(422, 'TRANSITION_NOT_ALLOWED', 'Saken er avsluttet og kan ikke endres. Enhetsleder kan gjenåpne den.');
      command.precondition.check(loaded.row.version);
      const change = await command.decide(em, loaded, now);
      const written = await this.writeCase(em, loaded, change, now);
      if (change.log) {
        const { type, text, data = {} } = change.log;
        await this.store.appendLog(em, id, type, principal.userId, text, data);
      }
      if (change.effects?.length) await this.effects.persist(em, id, change.effects, principal);
      if (change.reminders?.length) await writeReminderEffects(em, id, change.reminders);
      for (const n of change.notifications ?? []) await notify(em, id, n);
      await this.audit.record(em, principal, command.action, [id]);
      return change.respond(written);
    });
  }

  private async writeCase(em: EntityManager, loaded: LoadedCase, change: CaseChange<unknown>, now: Date): Promise<LoadedCase> {
    if (change.case === 'unchanged') return loaded;
    if ('writtenByCommand' in change.case) return { ...loaded, row: { ...loaded.row, ...change.case.writtenByCommand, version: loaded.row.version + 1 } };
    await this.store.saveVersioned(em, loaded.row, change.case, now);
    return { ...loaded, row: { ...loaded.row, ...change.case, version: loaded.row.version + 1, updatedAt: now } };
  }
}

/** The If-Match check of a command (a CasePrecondition, or one of its own). */
export interface VersionCheck {
  check(current: number): void;
}

/** The version check of a command whose `If-Match` is required (missing → 428, stale → 412). */
export function requiredVersion(expected: () => number): VersionCheck {
  return {
    check: (current) => {
      if (expected() !== current) throw versionMismatch(current);
    },
  };
}

/** What a caller without the permission is told (403), in the words of the screen they used. */
const REFUSALS: Partial<Record<CaseAction, string>> = {
  'case.assign': 'Bare enhetslederen for enheten kan tildele saken.',
  'consent.manage': 'Bare melder, koordinator eller enhetsleder kan registrere eller trekke samtykke.',
  'measure.add': 'Bare sakens koordinator (stafettholder) eller enhetslederen kan legge til tiltak.',
  'measure.evaluate': 'Bare tiltaksansvarlig, sakens koordinator eller enhetslederen kan evaluere tiltaket.',
  'log.write': 'Bare de som arbeider med saken og ser hvem barnet er, kan skrive i loggen.',
  'log.correct': 'Bare de som arbeider med saken og ser hvem barnet er, kan rette i loggen.',
  'log.declassify': 'Bare enhetslederen kan oppheve at en oppføring er skjermet for familien.',
  'youth_sharing.override': 'Bare enhetslederen kan overstyre ungdommens valg om deling med foresatte.',
  'iks.accept': 'Bare IKS-koordinatoren kan ta inn en IKS-henvisning.',
  'iks.return': 'Bare IKS-koordinatoren kan sende en IKS-henvisning tilbake.',
  'iks.end': 'Bare IKS-koordinatoren kan avslutte IKS-innsatsen.',
  'iks.priority': 'Bare IKS-koordinatoren kan prioritere henvisninger.',
  'iks.order': 'Bare IKS-koordinatoren kan bestille kompetanse.',
};

export function refusalOf(action: CaseAction): string {
  return REFUSALS[action] ?? `Du har ikke en rolle i saken som gir lov til ${action}.`;
}
