import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { may, type CaseAction } from '@app/domain';
import { toCaseState, type IksReferral } from '@app/persistence';
import { toActor, type Principal } from '../auth/principal.js';
import { problems } from '../common/problem.js';
import type { CaseStore, LoadedCase } from '../case-core/case-store.js';
import { refusalOf } from '../case-core/case-command-runner.js';
import type { IksReferralStore } from './iks-referral-store.js';

/** The referral of the caller's municipality, locked for a decision; 404 when there is none. */
export async function lockReferral(referrals: IksReferralStore, em: EntityManager, principal: Principal, referralId: string): Promise<IksReferral> {
  if (!isUUID(referralId)) throw problems.notFound('Fant ikke henvisningen.');
  const referral = await referrals.lock(em, principal.municipalityId, referralId);
  if (!referral) throw problems.notFound('Fant ikke henvisningen.');
  return referral;
}

/** A coordinator's act on a referral outside the command runner: the same permission on its case (404 when hidden, 403 when refused). */
export async function requireOnCase(cases: CaseStore, em: EntityManager, principal: Principal, caseId: string, action: CaseAction): Promise<LoadedCase> {
  const loaded = await cases.loadVisible(em, principal, caseId);
  if (!may(toActor(principal), action, { state: toCaseState(loaded.row), consents: loaded.consents, now: new Date() })) throw problems.forbidden(refusalOf(action));
  return loaded;
}
