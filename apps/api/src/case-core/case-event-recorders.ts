import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseEvent, EventType } from '@app/domain';
import type { Principal } from '../auth/principal.js';
import type { LoadedCase } from './case-store.js';

/**
 * A feature's own record of a case event, written in the event's transaction after the domain
 * accepted it (the report to child welfare: its national document). A 4xx it throws stops the
 * whole event; what it returns joins the answer (e.g. `{ childWelfareReportId }`).
 */
export interface CaseEventRecorder {
  record(em: EntityManager, principal: Principal, loaded: LoadedCase, event: CaseEvent, now: Date): Promise<Record<string, string>>;
}

/**
 * The recorders features register for the events they own, so the case feature runs them without
 * importing those features (they depend on the core; the core and the case feature never on them).
 */
@Injectable()
export class CaseEventRecorders {
  private readonly byType = new Map<EventType, CaseEventRecorder>();

  register(type: EventType, recorder: CaseEventRecorder): void {
    if (this.byType.has(type)) throw new Error(`A recorder for ${type} is registered already`);
    this.byType.set(type, recorder);
  }

  async record(em: EntityManager, principal: Principal, loaded: LoadedCase, event: CaseEvent, now: Date): Promise<Record<string, string>> {
    const recorder = this.byType.get(event.type);
    return recorder ? recorder.record(em, principal, loaded, event, now) : {};
  }
}
