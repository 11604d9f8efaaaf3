import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

const forever = { staleTime: Infinity } as const;

export const useUnits = () => useQuery({ queryKey: ['units'], queryFn: () => unwrap(api.GET('/api/v1/units')), ...forever });
export const useCategories = () =>
  useQuery({ queryKey: ['catalog', 'categories'], queryFn: () => unwrap(api.GET('/api/v1/catalog/concern-categories')), ...forever });
export const useRiskFactors = () =>
  useQuery({ queryKey: ['catalog', 'risk'], queryFn: () => unwrap(api.GET('/api/v1/catalog/risk-factors')), ...forever });
export const useProtectiveFactors = () =>
  useQuery({ queryKey: ['catalog', 'protective'], queryFn: () => unwrap(api.GET('/api/v1/catalog/protective-factors')), ...forever });
export const useMeasureCatalog = () =>
  useQuery({ queryKey: ['catalog', 'measures'], queryFn: () => unwrap(api.GET('/api/v1/catalog/measures')), ...forever });

/** A catalog item that marks violence or abuse (`indicatesAbuse` in risk-factors.json), when the API says so. */
export const indicatesAbuse = (item: object): boolean => 'indicatesAbuse' in item && item.indicatesAbuse === true;
