import pg from 'pg';

/**
 * Why a database login must not run the API or the worker (DESIGN 12.3), or null when it may:
 * a superuser or a BYPASSRLS role passes every row-level-security policy, and an owner (or a
 * member of the owner's role, who may become it) can switch its own policies off.
 */
export const LOGIN_POSTURE_SQL = `
  SELECT r.rolname AS login, r.rolsuper AS superuser, r.rolbypassrls AS "bypassRls",
    (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
        AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS owns,
    pg_has_role(r.oid, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'MEMBER') AS "ownsSchema"
  FROM pg_roles r WHERE r.rolname = current_user`;

export interface LoginPosture {
  login: string;
  superuser: boolean;
  bypassRls: boolean;
  owns: string | null;
  ownsSchema: boolean;
}

/** The reason in bokmål (one line), or null. */
export function loginRefusal(p: LoginPosture): string | null {
  if (p.superuser) return `databaseinnloggingen «${p.login}» er superbruker`;
  if (p.bypassRls) return `databaseinnloggingen «${p.login}» har BYPASSRLS`;
  if (p.owns) return `databaseinnloggingen «${p.login}» eier (eller kan bli eier av) tabeller: ${p.owns.length > 120 ? `${p.owns.slice(0, 120)} …` : p.owns}`;
  if (p.ownsSchema) return `databaseinnloggingen «${p.login}» eier (eller kan bli eier av) skjemaet public`;
  return null;
}

/**
 * Connects once with `url` and returns why the login may not be used, or null. A database that
 * cannot be reached is retried for about 30 s (as TypeORM would), then the error is thrown.
 */
export async function checkDatabaseLogin(url: string, attempts = 15, delayMs = 2_000): Promise<string | null> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      const { rows } = await client.query<LoginPosture>(LOGIN_POSTURE_SQL);
      return loginRefusal(rows[0]);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
