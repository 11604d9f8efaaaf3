import type { Actor } from './actor.js';
import type { CaseStatus, Level, Route } from './vocabulary.js';
import type { Consent } from './consent.js';
import type { ReminderDurations } from './durations.js';

/** The part of a case the state machine decides on. The application maps its entity to this. */
export interface CaseState {
  id: string;
  municipalityId: string;
  unitId: string;
  clusterId: string;
  status: CaseStatus;
  /** null before acting (and again after reopen / IKS return, see README). */
  route: Route | null;
  /** Always `levelOf(route)`: 0 when route is null. */
  level: Level;
  /** true only with route interdisciplinary_team: the team sees the case without identity. */
  anonymous: boolean;
  reporterId: string;
  /**
   * The unit the concern was raised in. The reporter's relation to the case (and so their access)
   * holds only while the case is in that unit: after a transfer the sending unit is out.
   */
  reporterUnitId: string;
  assigneeId: string | null;
  /** A handover offered and not yet accepted (DESIGN 8.2); the assignee keeps the case until then. */
  pendingAssigneeId?: string | null;
  /** Flagged by the concern (safety.ts) or later by `raise_safety_concern`. */
  suspectedViolenceOrAbuse: boolean;
  childWelfareReportedAt: Date | null;
  /** The unit leader's release of a case hidden from the family (DESIGN 12.4); null or absent while hidden. */
  guardiansMayBeInformedAt?: Date | null;
  /** A proposed transfer to another unit, waiting for that unit's leader (DESIGN 8.7); null when none. */
  transfer: PendingTransfer | null;
  /** Closed cases: after this only the unit leader sees the case (DESIGN 12.8 item 2); null while open. */
  accessEndsAt?: Date | null;
}

export interface PendingTransfer {
  toUnitId: string;
  toClusterId: string;
}

/** A unit of the municipality, as the transfer rules need it. */
export interface UnitRef {
  id: string;
  clusterId: string;
}

/** Everything outside the case the rules need. No clock reads: `now` is the request's time. */
export interface DomainContext {
  now: Date;
  /** The municipality profile's routes (municipalities.json `routes`). */
  enabledRoutes: readonly Route[];
  /** All consents recorded on the case (any status; the domain evaluates them at `now`). */
  consents: readonly Consent[];
  /** Reminder durations for scheduled reminders; DEFAULT_REMINDER_DURATIONS when omitted. */
  reminderDurations?: ReminderDurations;
  /** The child's age in whole years today: the voice rules of 8.5 depend on it. Omitted = unknown (no age rule). */
  childAge?: number;
  /** The person a `decide` payload names as coordinator (`assigneeId`), as loaded by the caller; null = no such user. */
  proposedCoordinator?: Actor | null;
  /** The municipality's units (propose_transfer checks the receiving unit against them). */
  units?: readonly UnitRef[];
}
