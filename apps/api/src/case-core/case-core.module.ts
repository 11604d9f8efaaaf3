import { Module } from '@nestjs/common';
import { CaseAccessPolicy } from './case-access.policy.js';
import { CaseCommandRunner } from './case-command-runner.js';
import { CaseEffects } from './case-effects.js';
import { CaseEventRecorders } from './case-event-recorders.js';
import { CasePeopleStore } from './case-people-store.js';
import { ReferralStore } from './referral-store.js';
import { CaseStore } from './case-store.js';

/**
 * The case kernel every feature builds on (cases, consents, measures, the log, IKS, reports,
 * statistics): the command runner, the case's store, the access policy, the effects writer and the
 * recorders features register for their events (the report to child welfare).
 * Features import this module, never each other.
 */
@Module({
  providers: [CaseStore, CaseCommandRunner, CaseAccessPolicy, CaseEffects, CaseEventRecorders, CasePeopleStore, ReferralStore],
  exports: [CaseStore, CaseCommandRunner, CaseAccessPolicy, CaseEffects, CaseEventRecorders, CasePeopleStore],
})
export class CaseCoreModule {}
