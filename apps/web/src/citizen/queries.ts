import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { citizenApi } from './client';

// The family's reads. Keys start with 'citizen' so logging out clears them all at once.

export const useChildren = () =>
  useQuery({ queryKey: ['citizen', 'children'], queryFn: () => unwrap(citizenApi.GET('/api/v1/citizen/children')) });

export const useCitizenCase = (caseId: string) =>
  useQuery({
    queryKey: ['citizen', 'case', caseId],
    queryFn: () => unwrap(citizenApi.GET('/api/v1/citizen/cases/{caseId}', { params: { path: { caseId } } })),
  });

export const useCaseLog = (caseId: string) =>
  useQuery({
    queryKey: ['citizen', 'case', caseId, 'log'],
    queryFn: () => unwrap(citizenApi.GET('/api/v1/citizen/cases/{caseId}/log', { params: { path: { caseId } } })),
  });

export const useAccessLog = (caseId: string) =>
  useQuery({
    queryKey: ['citizen', 'case', caseId, 'access-log'],
    queryFn: () => unwrap(citizenApi.GET('/api/v1/citizen/cases/{caseId}/access-log', { params: { path: { caseId } } })),
  });

export const useConsentRequests = () =>
  useQuery({ queryKey: ['citizen', 'consent-requests'], queryFn: () => unwrap(citizenApi.GET('/api/v1/citizen/consent-requests')) });

/** After a write: the case, its log and the requests are read again. */
export function useRefreshCitizen() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['citizen'] });
}
