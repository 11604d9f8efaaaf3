import { Module } from '@nestjs/common';
import { OrganisationAdminController } from './organisation/organisation.controller.js';
import { OrganisationAdmin } from './organisation/organisation.service.js';
import { ProfileAdminController } from './profile/profile.controller.js';
import { ProfileAdmin } from './profile/profile.service.js';
import { ScimGroupsController } from './scim/scim-groups.controller.js';
import { ScimTokensController } from './scim/scim-tokens.js';
import { UserImportController } from './people/user-import.js';
import { PeopleAdminController } from './people/people.controller.js';
import { PeopleAdmin } from './people/people.service.js';

/** The municipality's own administration (DESIGN 12.7): units, clusters, people, roles, profile. */
@Module({
  controllers: [OrganisationAdminController, PeopleAdminController, ProfileAdminController, ScimTokensController, ScimGroupsController, UserImportController],
  providers: [OrganisationAdmin, PeopleAdmin, ProfileAdmin],
})
export class AdminModule {}
