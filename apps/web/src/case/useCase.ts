import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const caseKey = (id: string) => ['case', id] as const;

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
}

/** After any change: the case, its log, consents, measures and the lists show what the server now holds. */
export function useRefreshCase(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseKey(id) }),
      queryClient.invalidateQueries({ queryKey: ['case-log', id] }),
      queryClient.invalidateQueries({ queryKey: ['consents', id] }),
      queryClient.invalidateQueries({ queryKey: ['measures', id] }),
      queryClient.invalidateQueries({ queryKey: ['iks-for-case', id] }),
      queryClient.invalidateQueries({ queryKey: ['child-welfare-reports', id] }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
    ]);
}
