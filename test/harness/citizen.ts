import type { Response } from 'supertest';
import { caseEtag, logConcern, userId } from './cases.js';
import type { TestApp } from './test-app.js';

/** A case of solsiden-bhg about `child`, with kari.ansatt as stafettholder. */
export async function familyCase(t: TestApp, child: object): Promise<string> {
  const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child });
  await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: await userId(t, 'kari.ansatt') }).expect(200);
  return created.id as string;
}

/** Registers a guardian with a national id (and, optionally, an e-mail address) as kari.ansatt. */
export async function addGuardian(t: TestApp, caseId: string, guardian: { nationalId: string; name: string; relation: string; email?: string; parentalResponsibility?: boolean }) {
  const res = await t.http
    .post(`/api/v1/cases/${caseId}/guardians`)
    .set(await t.auth('kari.ansatt'))
    .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
    .send({ parentalResponsibility: true, verification: 'document_seen', ...guardian });
  if (res.status !== 201) throw new Error(`POST guardians ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

/** The `Set-Cookie` lines of a response, by cookie name. */
export function setCookies(res: Response): Record<string, string> {
  const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line]));
}

/** `name=value` of a Set-Cookie line, for a Cookie header. */
export const cookiePair = (line: string) => line.split(';')[0];
