import type { EntityManager } from 'typeorm';

/** The guardians `POST /cases` names become the case's guardian rows (without a national id until staff register one). */
export async function insertGuardiansOfNewCase(
  em: EntityManager,
  caseId: string,
  guardians: readonly { name: string; relation: string; parentalResponsibility: boolean; contact?: string }[],
): Promise<void> {
  if (!guardians.length) return;
  await em.query(
    `INSERT INTO case_guardian ("caseId", name, relation, "parentalResponsibility", contact, position)
     SELECT $1, g.name, g.relation, g."parentalResponsibility", g.contact, (g.ord - 1)::smallint
     FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (name text, relation text, "parentalResponsibility" boolean, contact text))
       WITH ORDINALITY AS g(name, relation, "parentalResponsibility", contact, ord)`,
    [caseId, JSON.stringify(guardians)],
  );
}
