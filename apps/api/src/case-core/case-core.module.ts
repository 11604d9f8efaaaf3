import { Module } from '@nestjs/common';
import { CaseAccessPolicy } from './case-access.policy.js';
import { CaseCommandRunner } from './case-command-runner.js';
import { CaseEffects } from './case-effects.js';
import { CaseStore } from './case-store.js';

/**
 * The case kernel every feature builds on (cases, consents, measures, the log, IKS, reports,
 * statistics): the command runner, the case's store, the access policy and the effects writer.
 * Features import this module, never each other.
 */
@Module({
  providers: [CaseStore, CaseCommandRunner, CaseAccessPolicy, CaseEffects],
  exports: [CaseStore, CaseCommandRunner, CaseAccessPolicy, CaseEffects],
})
export class CaseCoreModule {}
