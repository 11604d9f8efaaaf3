import { Logger } from '@nestjs/common';
import { apply, logData, SYSTEM_ACTOR, type DomainContext } from '@app/domain';
import { BtiCase, toCaseState, writeReminderEffects } from '@app/persistence';
import type { EntityManager } from 'typeorm';

/** The audit trail's actor id for the system (no user: the nil UUID; `actorUsername` says `system`). */
export const SYSTEM_AUDIT_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A measure's evaluation date has come (its `evaluation_due` reminder fires): the case moves from
 * `acting` to `evaluating` by `request_evaluation`, applied as the system actor through the
 * domain's `apply` (the transition table allows `system` for exactly this event). Written like a
 * user's event, in the firing batch's transaction: the case (version + 1), a log entry without a
 * user, the effects, and an audit row of the case's municipality. The caller holds the case row
 * lock and passes the row as it is now.
 */
export async function requestEvaluation(em: EntityManager, row: BtiCase, reminderId: string, now: Date): Promise<boolean> {
  const ctx: DomainContext = { now, enabledRoutes: [], consents: [] };
  const result = apply(toCaseState(row), { type: 'request_evaluation' }, SYSTEM_ACTOR, ctx);
  if (!result.ok) {
    new Logger('SystemEvents').warn(`request_evaluation avvist for sak ${row.id}: ${result.code}`);
    return false;
  }
  await em.query(`UPDATE "bti_case" SET "status" = $2, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1`, [row.id, result.next.status]);
  row.status = result.next.status;
  row.version += 1;
  await em.query(`INSERT INTO "case_log_entry" ("caseId", "type", "actorId", "text", "data") VALUES ($1, 'request_evaluation', NULL, $2, $3)`, [
    row.id,
    result.logText,
    logData('request_evaluation', { effects: result.effects.map((e) => e.type), actor: 'system', reminderId }),
  ]);
  await writeReminderEffects(em, row.id, result.effects);
  await em.query(
    `INSERT INTO "audit_event" ("municipalityId", "actorId", "actorUsername", "action", "caseId", "at", "requestId", "purpose")
     VALUES ($1, $2, 'system', 'case.event.request_evaluation', $3, $4, $5, 'evalueringsdato for tiltak')`,
    [row.municipalityId, SYSTEM_AUDIT_ACTOR_ID, row.id, now, `reminder:${reminderId}`],
  );
  return true;
}
