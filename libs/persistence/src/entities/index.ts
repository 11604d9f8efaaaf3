import { AppUser, Cluster, Municipality, MunicipalityProfileVersion, RoleAssignmentRow, ScimGroup, ScimGroupMember, ScimToken, Unit } from './organisation.entities.js';
import { BtiCase, CaseLogEntry, Child, ChildVoiceRow, Concern, IdempotencyKey, Notification } from './case.entities.js';
import { CaseTask } from './case-task.entity.js';
import { ConsentRow } from './consent.entity.js';
import { IksCompetenceOrder, IksReferral } from './iks.entities.js';
import { Measure, MeasureEvaluation } from './measure.entities.js';
import { AuditChainHead, AuditEvent, AuditSeal } from './audit.entity.js';
import { MailDigest, NotificationDelivery, NotificationSetting } from './mail.entities.js';
import { ChildWelfareReport } from './child-welfare-report.entity.js';
import { ScheduledReminder } from '../outbox/outbox.entities.js';
import { FAMILY_ENTITIES } from './family.entities.js';

export * from './organisation.entities.js';
export * from './case.entities.js';
export * from './case-task.entity.js';
export * from './consent.entity.js';
export * from './iks.entities.js';
export * from './measure.entities.js';
export * from './audit.entity.js';
export * from './mail.entities.js';
export * from './child-welfare-report.entity.js';
export * from './family.entities.js';

/** Every entity the data source knows; a new entity must be listed here. */
export const ENTITIES = [
  Municipality,
  Cluster,
  Unit,
  AppUser,
  RoleAssignmentRow,
  MunicipalityProfileVersion,
  ScimToken,
  ScimGroup,
  ScimGroupMember,
  Child,
  BtiCase,
  Concern,
  CaseLogEntry,
  ChildVoiceRow,
  CaseTask,
  IdempotencyKey,
  Notification,
  ConsentRow,
  IksReferral,
  IksCompetenceOrder,
  Measure,
  MeasureEvaluation,
  AuditEvent,
  AuditSeal,
  AuditChainHead,
  ChildWelfareReport,
  ScheduledReminder,
  NotificationSetting,
  NotificationDelivery,
  MailDigest,
  ...FAMILY_ENTITIES,
];
