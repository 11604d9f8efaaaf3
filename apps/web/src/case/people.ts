import type { Schemas } from '../api/client';

/**
 * The API has no user directory for the UI: people are named by their role on this case (you,
 * the reporter, the coordinator) and otherwise shown as "another user".
 */
export function personOnCase(
  userId: string | null | undefined,
  caseData: Schemas['CaseResponse'],
  meId: string | undefined,
  { nameCoordinator = true } = {},
): string {
  if (!userId) return 'ingen';
  const roles: string[] = [];
  if (userId === meId) roles.push('deg');
  if (userId === caseData.reporterId) roles.push('melderen');
  if (nameCoordinator && userId === caseData.assigneeId) roles.push('saksansvarlig');
  return roles.length ? roles.join(', ') : 'en annen bruker';
}

/** People a form may name on this case: you, the reporter and the coordinator. */
export function candidates(caseData: Schemas['CaseResponse'], meId: string | undefined): { id: string; text: string }[] {
  const ids = [meId, caseData.reporterId, caseData.assigneeId].filter((id): id is string => Boolean(id));
  return [...new Set(ids)].map((id) => ({ id, text: personOnCase(id, caseData, meId) }));
}
