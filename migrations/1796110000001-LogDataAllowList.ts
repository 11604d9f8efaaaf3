import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_log_entry.data` kept whole event payloads: for a report to child welfare the reporter's
 * phone and e-mail, the child's address, the guardians' names and phones, unencrypted and for
 * ever (issue 28). From now on the API keeps an allow-list per entry type (libs/domain logData:
 * ids, codes, booleans); this scrubs the rows written before, with the list as it stood here.
 * A value is kept only when its key is listed for the entry's type and it is a boolean, one short
 * word (an id or a code), or a list of such words. Not reversible: the copies are gone.
 */
const KEPT: Record<string, string[]> = {
  complete_assessment: ['guardiansInformed', 'childHeard'],
  decide: ['route', 'anonymous', 'assigneeId'],
  escalate: ['route', 'anonymous'],
  step_down: ['route', 'anonymous'],
  request_evaluation: ['actor', 'reminderId'],
  evaluate: ['outcome', 'route', 'anonymous', 'reason'],
  close: ['reason'],
  report_to_child_welfare: ['channel', 'guardiansInformed', 'childInformed'],
  propose_transfer: ['toUnitId'],
  accept_transfer: ['assigneeId'],
  assigned: ['assigneeId'],
  handover_offered: ['assigneeId'],
  consent_recorded: ['consentId'],
  consent_refused: ['consentId'],
  consent_withdrawn: ['consentId'],
  measure_added: ['measureId', 'catalogCode'],
  measure_evaluated: ['measureId', 'outcome'],
  iks_accepted: ['referralId', 'priority'],
  iks_returned: ['referralId'],
  iks_ended: ['referralId', 'handBackRoute'],
  iks_competence_ordered: ['orderId', 'serviceCode', 'unitLeaderId'],
  iks_order_acknowledged: ['orderId'],
};

export class LogDataAllowList1796110000001 implements MigrationInterface {
  name = 'LogDataAllowList1796110000001';

  public async up(q: QueryRunner): Promise<void> {
    const types = Object.keys(KEPT);
    const keys = types.map((type) => `{${KEPT[type]!.join(',')}}`);
    // An event's payload was nested under `payload`: flattened first, then filtered.
    const scrubbed = await q.query(
      `WITH allowed AS (SELECT * FROM unnest($1::text[], $2::text[]) AS a(type, keys)),
       cleaned AS (
         SELECT e.id, (
           SELECT COALESCE(jsonb_object_agg(f.key, f.value), '{}'::jsonb)
             FROM jsonb_each(COALESCE(e.data -> 'payload', '{}'::jsonb) || (e.data - 'payload')) AS f(key, value)
            WHERE (f.key = 'effects' OR f.key = ANY (COALESCE((SELECT a.keys::text[] FROM allowed a WHERE a.type = e.type), '{}'::text[])))
              AND (jsonb_typeof(f.value) IN ('boolean', 'number')
                   OR (jsonb_typeof(f.value) = 'string' AND f.value #>> '{}' ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$')
                   OR (jsonb_typeof(f.value) = 'array' AND NOT EXISTS (
                         SELECT 1 FROM jsonb_array_elements(f.value) AS v
                          WHERE jsonb_typeof(v) <> 'string' OR v #>> '{}' !~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$')))
         ) AS data
         FROM case_log_entry e WHERE e.data <> '{}'::jsonb),
       scrubbed AS (UPDATE case_log_entry e SET data = c.data FROM cleaned c WHERE e.id = c.id AND e.data <> c.data RETURNING 1)
       SELECT count(*)::int AS n FROM scrubbed`,
      [types, keys],
    );
    if (scrubbed[0]?.n) console.log(`[migrering] LogDataAllowList: ${scrubbed[0].n} loggoppføringer renset for kopier av innhold.`);
  }

  public async down(): Promise<void> {
    // The scrubbed copies cannot come back; the narrower data stays valid for the older code.
  }
}
