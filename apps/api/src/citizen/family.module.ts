import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { GuardiansController } from '../guardians/guardians.controller.js';
import { GuardiansService } from '../guardians/guardians.service.js';
import { YouthSharingOverrideController, YouthSharingOverrideService } from '../guardians/youth-sharing-override.js';
import { CitizenCasesService } from './citizen-cases.service.js';
import { CitizenController } from './citizen.controller.js';
import { CitizenSessionController } from './citizen-session.controller.js';
import { CitizenGuard } from './citizen.guard.js';
import { CitizenTokenService } from './citizen-token.service.js';
import { IdPortenClient } from './idporten-client.js';
import { ConsentRequestsController } from './consent-requests.controller.js';
import { ConsentRequestsService } from './consent-requests.service.js';

/** The family's access (DESIGN 12.4): guardians as rows, the citizen's endpoints, digital consent. */
@Module({
  imports: [CaseCoreModule],
  controllers: [GuardiansController, YouthSharingOverrideController, ConsentRequestsController, CitizenController, CitizenSessionController],
  providers: [GuardiansService, YouthSharingOverrideService, CitizenCasesService, ConsentRequestsService, CitizenTokenService, CitizenGuard, IdPortenClient],
  exports: [CitizenTokenService],
})
export class FamilyModule {}
