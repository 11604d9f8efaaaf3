// The database roles (docker/initdb/10-bti-roles.sql) for the embedded PostgreSQL of `npm start`
// and of the test harness: the same SQL the compose file's postgres runs, then the passwords.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const ROLES_SQL = path.join(root, 'docker/initdb/10-bti-roles.sql');
/** The logins, by who uses them. */
export const LOGINS = { migrator: 'bti_migrator', api: 'bti_api', worker: 'bti_worker' };

/** `url` with another user and password. */
export function loginUrl(url, user, password) {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

/**
 * Runs the roles SQL as the administrator of `adminUrl` and sets the logins' passwords.
 * @param {string} adminUrl a superuser's URL (the embedded cluster's `postgres`)
 * @param {{migrator: string, api: string, worker: string}} passwords
 * @returns {Promise<{migrator: string, api: string, worker: string}>} the three logins' URLs
 */
export async function ensureDatabaseRoles(adminUrl, passwords) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(readFileSync(ROLES_SQL, 'utf8'));
    for (const [who, role] of Object.entries(LOGINS)) {
      await client.query(`ALTER ROLE ${pg.escapeIdentifier(role)} PASSWORD ${pg.escapeLiteral(passwords[who])}`);
    }
  } finally {
    await client.end();
  }
  return Object.fromEntries(Object.entries(LOGINS).map(([who, role]) => [who, loginUrl(adminUrl, role, passwords[who])]));
}

/** Passwords for the embedded cluster, made once and kept in the data directory (like the dev key). */
export function embeddedPasswords(dataDir) {
  const file = path.join(dataDir, 'database-logins.json');
  if (!existsSync(file)) {
    const made = Object.fromEntries(Object.keys(LOGINS).map((who) => [who, randomBytes(18).toString('base64url')]));
    writeFileSync(file, JSON.stringify(made, null, 2), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}
