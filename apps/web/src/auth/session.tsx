import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, ProblemError, unwrap, type Schemas } from '../api/client';
import { clearToken, sessionToken, storeToken } from './token';

interface Session {
  me: Schemas['MeDto'] | undefined;
  loading: boolean;
  signIn(token: string): void;
  signOut(): void;
  /** Whether the API lists the municipality or platform action for the caller (GET /me `allowedActions`). */
  may(action: Schemas['MeDto']['allowedActions'][number]): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(sessionToken);
  const meQuery = useQuery({
    queryKey: ['me', token],
    enabled: Boolean(token),
    retry: false,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/me'));
      } catch (error) {
        // An expired or foreign token: back to the login page.
        if (error instanceof ProblemError && error.problem.status === 401) {
          clearToken();
          setToken(null);
        }
        throw error;
      }
    },
  });

  const signIn = useCallback((next: string) => {
    storeToken(next);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    clearToken();
    setToken(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<Session>(() => {
    const me = token ? meQuery.data : undefined;
    return {
      me,
      loading: Boolean(token) && meQuery.isPending,
      signIn,
      signOut,
      may: (action) => Boolean(me?.allowedActions.includes(action)),
    };
  }, [token, meQuery.data, meQuery.isPending, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
