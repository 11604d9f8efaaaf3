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
  assigneeId: string | null;
  /** A handover offered and not yet accepted (DESIGN 8.2); the assignee keeps the case until then. */
  pendingAssigneeId?: string | null;
  /** Flagged by the concern (safety.ts) or later by `raise_safety_concern`. */
  suspectedViolenceOrAbuse: boolean;
  childWelfareReportedAt: Date | null;
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
}
