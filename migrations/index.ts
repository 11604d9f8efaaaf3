// Every migration, in order. `npm run migration:generate -- <Name>` rewrites this file.
import { Initial1795426836918 } from './1795426836918-Initial.js';
import { Consent1795427002227 } from './1795427002227-Consent.js';
import { Reminders1795427078911 } from './1795427078911-Reminders.js';
import { AuditAndRowSecurity1795431157535 } from './1795431157535-AuditAndRowSecurity.js';
import { IksAndMeasures1795431202518 } from './1795431202518-IksAndMeasures.js';
import { CaseListIndexes1795433247046 } from './1795433247046-CaseListIndexes.js';
import { AuditSealing1796014136718 } from './1796014136718-AuditSealing.js';
import { ReminderSweep1796014140320 } from './1796014140320-ReminderSweep.js';
import { MailDelivery1796014164692 } from './1796014164692-MailDelivery.js';
import { ChildWelfareReport1796014250741 } from './1796014250741-ChildWelfareReport.js';
import { CaseLifecycle1796014893551 } from './1796014893551-CaseLifecycle.js';
import { PracticeRules1796021701022 } from './1796021701022-PracticeRules.js';
import { ForeignKeys1796024869178 } from './1796024869178-ForeignKeys.js';
import { CaseListVisibility1796026926990 } from './1796026926990-CaseListVisibility.js';
import { RowSecurityScopes1796030000000 } from './1796030000000-RowSecurityScopes.js';
import { CaseCreatedMunicipalityIndex1796040000000 } from './1796040000000-CaseCreatedMunicipalityIndex.js';
import { DemoUsers1796110000000 } from './1796110000000-DemoUsers.js';
import { LogDataAllowList1796110000001 } from './1796110000001-LogDataAllowList.js';
import { LeavingSightWrites1796120000000 } from './1796120000000-LeavingSightWrites.js';
import { IksReturnThinWrite1796120000001 } from './1796120000001-IksReturnThinWrite.js';
import { CaseReference1796130000000 } from './1796130000000-CaseReference.js';
import { CaseSearch1796130000001 } from './1796130000001-CaseSearch.js';
import { NotificationCaseReference1796130000002 } from './1796130000002-NotificationCaseReference.js';
import { MunicipalityAdministration1796150000000 } from './1796150000000-MunicipalityAdministration.js';
import { FamilyAccess1796160000000 } from './1796160000000-FamilyAccess.js';
import { RetentionAndArchive1796170000000 } from './1796170000000-RetentionAndArchive.js';
import { CaseErasure1796170000001 } from './1796170000001-CaseErasure.js';
import { ConsentOncePerStatement1796204000000 } from './1796204000000-ConsentOncePerStatement.js';
import { CitizenMeasures1796206000000 } from './1796206000000-CitizenMeasures.js';
import { CitizenSecondLine1796206000001 } from './1796206000001-CitizenSecondLine.js';
import { ArchiveGateClosedAt1796206000002 } from './1796206000002-ArchiveGateClosedAt.js';
import { LeastPrivilege1796190000000 } from './1796190000000-LeastPrivilege.js';
import { FamilyNoticesAndOverrides1796200000000 } from './1796200000000-FamilyNoticesAndOverrides.js';
import { ThinCaseWrites1796202000000 } from './1796202000000-ThinCaseWrites.js';
import { CallerRolesCheck1796203000000 } from './1796203000000-CallerRolesCheck.js';

export const MIGRATIONS: Function[] = [
  Initial1795426836918,
  Consent1795427002227,
  Reminders1795427078911,
  AuditAndRowSecurity1795431157535,
  IksAndMeasures1795431202518,
  CaseListIndexes1795433247046,
  AuditSealing1796014136718,
  ReminderSweep1796014140320,
  MailDelivery1796014164692,
  ChildWelfareReport1796014250741,
  CaseLifecycle1796014893551,
  PracticeRules1796021701022,
  ForeignKeys1796024869178,
  CaseListVisibility1796026926990,
  RowSecurityScopes1796030000000,
  CaseCreatedMunicipalityIndex1796040000000,
  DemoUsers1796110000000,
  LogDataAllowList1796110000001,
  LeavingSightWrites1796120000000,
  IksReturnThinWrite1796120000001,
  CaseReference1796130000000,
  CaseSearch1796130000001,
  NotificationCaseReference1796130000002,
  MunicipalityAdministration1796150000000,
  FamilyAccess1796160000000,
  RetentionAndArchive1796170000000,
  CaseErasure1796170000001,
  LeastPrivilege1796190000000,
  FamilyNoticesAndOverrides1796200000000,
  ThinCaseWrites1796202000000,
  CallerRolesCheck1796203000000,
  ConsentOncePerStatement1796204000000,
  CitizenMeasures1796206000000,
  CitizenSecondLine1796206000001,
  ArchiveGateClosedAt1796206000002,
];
