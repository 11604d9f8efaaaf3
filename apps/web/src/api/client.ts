import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { sessionToken } from '../auth/token';

export type Schemas = components['schemas'];

/** An RFC 9457 problem from the API, kept whole so the UI can say what the server said. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

const authorize: Middleware = {
  onRequest({ request }) {
    const token = sessionToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(authorize);

/** Returns the body of a successful call; throws ProblemError with the server's words otherwise. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error && typeof error === 'object' ? error : {}) as Partial<Problem>;
  throw new ProblemError({ ...body, status: response.status });
}

/** `"<version>"`, the If-Match value of a case (DESIGN section 6). */
export const ifMatch = (version: number) => `"${version}"`;
