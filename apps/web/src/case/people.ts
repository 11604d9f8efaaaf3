import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type Person = Schemas['PersonView'];
export interface PeopleFilter {
  unitId?: string;
  service?: string;
  role?: Schemas['PersonRoleView']['role'];
}

/** People a case may name whose name starts with `q` (the directory, GET /people). */
export function usePeopleSearch(q: string, filter: PeopleFilter = {}) {
  return useQuery({
    queryKey: ['people', q.trim(), filter],
    queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query: { ...filter, ...(q.trim() ? { q: q.trim() } : {}) } } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Names of the people a case names (stafettholder, reporter, responsible), by id. */
export function usePeopleNames(ids: (string | null | undefined)[]): Map<string, Person> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort();
  const people = useQuery({
    queryKey: ['people-by-id', wanted],
    queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query: { ids: wanted } } })),
    enabled: wanted.length > 0,
    staleTime: 60_000,
  });
  return new Map((people.data?.items ?? []).map((p) => [p.id, p]));
}

/** A person as the case page names them: «Kari Ansatt (deg)»; while names load, «…». */
export function personName(id: string | null | undefined, names: Map<string, Person>, meId?: string): string {
  if (!id) return 'ingen';
  const name = names.get(id)?.name ?? '…';
  return id === meId ? `${name} (deg)` : name;
}
