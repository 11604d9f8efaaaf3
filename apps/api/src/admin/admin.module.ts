import { Module } from '@nestjs/common';
import { OrganisationAdminController } from './organisation/organisation.controller.js';
import { OrganisationAdmin } from './organisation/organisation.service.js';

/** The municipality's own administration (DESIGN 12.7): units, clusters, people, roles, profile. */
@Module({
  controllers: [OrganisationAdminController],
  providers: [OrganisationAdmin],
})
export class AdminModule {}
