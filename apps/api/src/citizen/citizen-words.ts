import { ROUTE_LABEL, STATUS_LABEL, type CaseStatus, type Route } from '@app/domain';

/** Words a family understands, bokmål. */
export const statusText = (status: string): string => STATUS_LABEL[status as CaseStatus] ?? status;
export const routeText = (route: string | null): string | null => (route ? (ROUTE_LABEL[route as Route] ?? route) : null);

const ROLE_TEXT: Record<string, string> = {
  staff: 'ansatt',
  unit_leader: 'enhetsleder',
  team_member: 'medlem av tverrfaglig team',
  tfa_coordinator: 'TFA-koordinator',
  iks_coordinator: 'IKS-koordinator',
  iks_member: 'medlem av IKS',
  auditor: 'revisor',
  analyst: 'analytiker',
  admin: 'administrator',
  archivist: 'arkivar',
};
export const roleText = (role: string | null): string | null => (role ? (ROLE_TEXT[role] ?? role) : null);

/** Whether an audit action only read the case (else it changed it). */
export const isReadAction = (action: string): boolean => /(^|\.)(read|list|view|download|export)$|\.read\.|^case\.read/.test(action);
