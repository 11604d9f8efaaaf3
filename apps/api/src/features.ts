import type { Type } from '@nestjs/common';
import { AdminModule } from './admin/admin.module.js';
import { AgendaModule } from './agenda/agenda.module.js';
import { ArchiveModule } from './archive/archive.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CaseLogModule } from './case-log/case-log.module.js';
import { CasesModule } from './cases/cases.module.js';
import { ChildWelfareReportsModule } from './child-welfare-reports/reports.module.js';
import { ConsentsModule } from './consents/consents.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { NotificationSettingsModule } from './notification-settings/notification-settings.module.js';
import { IksModule } from './iks/iks.module.js';
import { MeasuresModule } from './measures/measures.module.js';
import { StatsModule } from './stats/stats.module.js';
import { MunicipalityProfilesModule } from './organisation/municipality-profiles.js';
import { RowSecurityModule } from './database/row-security.js';
import { FamilyModule } from './citizen/family.module.js';

/**
 * Feature modules of the API (one per bounded area). Each registers its own controllers and
 * providers; AppModule imports them all.
 */
export const FEATURE_MODULES: Type[] = [
  MunicipalityProfilesModule,
  RowSecurityModule,
  AuditModule,
  CasesModule,
  CaseLogModule,
  ChildWelfareReportsModule,
  ConsentsModule,
  NotificationsModule,
  NotificationSettingsModule,
  IksModule,
  MeasuresModule,
  StatsModule,
  AdminModule,
  AgendaModule,
  FamilyModule,
  ArchiveModule,
];
