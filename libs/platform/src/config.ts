import { join } from 'node:path';
import { Duration } from 'luxon';
import { REMINDER_ENV_VARS } from '@app/domain';
import { ConfigError } from './config-error.js';
import { loadReferenceData, referenceDataDir } from './reference-data.js';

export { ConfigError };

/** Names of the reminder duration variables (DESIGN section 5); defaults live in libs/domain. */
export type ReminderEnvName = (typeof REMINDER_ENV_VARS)[keyof typeof REMINDER_ENV_VARS];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface AppConfig {
  port: number;
  /** HOST: the address the API listens on; in dev mode 127.0.0.1 unless set, else every interface (undefined). */
  host: string | undefined;
  /** NODE_ENV as given (`production`, `development`, `test`, or unset). */
  nodeEnv: string | undefined;
  databaseUrl: string;
  redisUrl: string;
  authMode: 'dev' | 'oidc';
  /** `clientId` (OIDC_CLIENT_ID, optional): the web UI's public client at the issuer. */
  oidc: OidcConfig;
  /** 32 bytes for AES-256-GCM and the HMAC of national ids. */
  dataEncryptionKey: Buffer;
  /**
   * Only the REMINDER_* variables that are set: they win over the municipality profile's
   * `reminders`, which win over the domain's defaults (`reminderDurationsFrom(profile, this)`).
   */
  reminders: Partial<Record<ReminderEnvName, string>>;
  logLevel: (typeof LOG_LEVELS)[number];
  /** The worker's audit sealer: poll interval and rows per municipality per transaction. */
  auditSeal: { intervalMs: number; batchSize: number };
  /** How long the API trusts a caller's roles read from the database (ms); 0 reads them on every request. */
  principalCacheMs: number;
  /** E-mail notices: SMTP_URL, MAIL_FROM, PUBLIC_URL. */
  mail: MailConfig;
  /** The worker's reminder sweep (REMINDER_WORKER_CONCURRENCY, REMINDER_BATCH_SIZE, REMINDER_SWEEP_INTERVAL_MS). */
  reminderWorker: ReminderWorkerConfig;
  /** Requests per minute on login and writes (RATE_LIMIT_*), counted in Redis across replicas. */
  rateLimits: RateLimitConfig;
  /** TRUST_PROXY: Express's `trust proxy` (hops or addresses), so a caller's IP is the client's, not the load balancer's. */
  trustProxy: number | string | false;
  /** The family's login (DESIGN 12.4): ID-porten, or the local stand-in when embedded. */
  citizen: CitizenConfig;
  /** RETENTION_CLOSED_CASE_ACCESS / RETENTION_CLOSED_CASE_KEEP when set (never in production): they win over every profile version's `retention`. */
  retention: RetentionOverrides;
  /** ARCHIVE_DIR: where the worker writes extraction packages and the API reads them (default .data/archive). */
  archiveDir: string;
}

/** Requests per minute; a caller over a limit gets 429 until the minute has passed. */
export interface RateLimitConfig {
  loginPerIp: number;
  writesPerUser: number;
  writesPerIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { loginPerIp: 20, writesPerUser: 120, writesPerIp: 600 };

/** oidc mode: who issues the access tokens the API accepts, and how an access token is told from an ID token. */
export interface OidcConfig {
  issuer?: string;
  audience?: string;
  jwksUrl?: string;
  clientId?: string;
  /** OIDC_ACCESS_TOKEN_TYP: the JWT header `typ` an access token must carry (RFC 9068: `at+jwt`). */
  accessTokenTyp: string;
  /** OIDC_ACCESS_TOKEN_CLAIM: a claim an access token must carry (e.g. `scp` for Entra ID, whose tokens say only `JWT`). */
  accessTokenClaim?: string;
  /** OIDC_SUBJECT_CLAIM: the claim matched against a user's `externalSubject` (default `sub`; Entra ID: `oid`). */
  subjectClaim: string;
}

export interface RetentionOverrides {
  closedCaseAccess?: string;
  closedCaseKeep?: string;
}

/** E-mail notices (DESIGN section 10). */
export interface MailConfig {
  /** `smtp://` or `smtps://` of the mail relay; null: no e-mail is sent (the in-app list only). */
  smtpUrl: string | null;
  /** The From header, `bti@kommune.no` or `BTI <bti@kommune.no>`. */
  from: string;
  /** Base URL of the web UI, without a trailing slash: links are `${publicUrl}/saker/<id>`. */
  publicUrl: string;
}

export interface ReminderWorkerConfig {
  /** Batches fired in parallel by one sweep, each in its own transaction (and connection). */
  concurrency: number;
  /** Reminders claimed per batch transaction. */
  batchSize: number;
  /** How often the due-sweep runs (the job scheduler's period). */
  sweepIntervalMs: number;
}

export const DEFAULT_REMINDER_WORKER: ReminderWorkerConfig = { concurrency: 4, batchSize: 500, sweepIntervalMs: 1000 };

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} mangler: sett miljøvariabelen ${name}.`);
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string {
  const value = required(env, name);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} er ikke en gyldig URL.`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} må bruke ${protocols.join(' eller ')} (fikk ${parsed.protocol}).`);
  }
  return value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} må være et heltall mellom ${min} og ${max} (fikk «${raw}»).`);
  }
  return value;
}

/** DATA_ENCRYPTION_KEY as 32 bytes (64 hex characters or base64); null when it is neither. */
export function decodeKey(raw: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  const b64 = Buffer.from(raw, 'base64');
  return b64.length === 32 ? b64 : null;
}

/**
 * Validates the environment once at start. Every problem is reported as a single line naming
 * the variable, so an operator sees at a glance what to fix.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const portRaw = env.PORT?.trim() || '3000';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT må være et heltall mellom 1 og 65535 (fikk «${portRaw}»).`);
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);

  const authMode = (env.AUTH_MODE?.trim() || 'oidc') as AppConfig['authMode'];
  if (authMode !== 'dev' && authMode !== 'oidc') {
    throw new ConfigError(`AUTH_MODE må være «dev» eller «oidc» (fikk «${authMode}»).`);
  }
  const nodeEnv = env.NODE_ENV?.trim() || undefined;
  checkDevLogin(env, authMode, nodeEnv);
  const oidc = loadOidcConfig(env, authMode, nodeEnv);
  const host = env.HOST?.trim() || (authMode === 'dev' ? '127.0.0.1' : undefined);

  const key = decodeKey(required(env, 'DATA_ENCRYPTION_KEY'));
  if (!key) throw new ConfigError('DATA_ENCRYPTION_KEY må være 32 byte, som 64 hex-tegn eller base64.');

  const reminders: AppConfig['reminders'] = {};
  for (const name of Object.values(REMINDER_ENV_VARS) as ReminderEnvName[]) {
    const value = env[name]?.trim();
    if (!value) continue;
    // In production the municipality's published profile decides (DESIGN 12.8.3).
    if (env.NODE_ENV === 'production') throw new ConfigError(`${name} kan ikke settes i produksjon (NODE_ENV=production): varighetene står i kommuneprofilen.`);
    const duration = Duration.fromISO(value);
    if (!duration.isValid || duration.toMillis() <= 0) {
      throw new ConfigError(`${name} må være en positiv ISO 8601-varighet, f.eks. P7D eller PT3S (fikk «${value}»).`);
    }
    reminders[name] = value;
  }

  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL må være en av ${LOG_LEVELS.join(', ')} (fikk «${logLevel}»).`);
  }
  // Reference data is part of the configuration: a broken file stops the start here, in one line.
  loadReferenceData(referenceDataDir(env));
  const auditSeal = {
    intervalMs: integer(env, 'AUDIT_SEAL_INTERVAL_MS', 200, 10, 60_000),
    batchSize: integer(env, 'AUDIT_SEAL_BATCH_SIZE', 2000, 1, 50_000),
  };
  const principalCacheMs = integer(env, 'AUTH_PRINCIPAL_CACHE_MS', 5000, 0, 60_000);
  const reminderWorker: ReminderWorkerConfig = {
    concurrency: integer(env, 'REMINDER_WORKER_CONCURRENCY', DEFAULT_REMINDER_WORKER.concurrency, 1, 64),
    batchSize: integer(env, 'REMINDER_BATCH_SIZE', DEFAULT_REMINDER_WORKER.batchSize, 1, 10_000),
    sweepIntervalMs: integer(env, 'REMINDER_SWEEP_INTERVAL_MS', DEFAULT_REMINDER_WORKER.sweepIntervalMs, 100, 60_000),
  };
  const rateLimits: RateLimitConfig = {
    loginPerIp: integer(env, 'RATE_LIMIT_LOGIN_PER_IP', DEFAULT_RATE_LIMITS.loginPerIp, 1, 1_000_000),
    writesPerUser: integer(env, 'RATE_LIMIT_WRITES_PER_USER', DEFAULT_RATE_LIMITS.writesPerUser, 1, 1_000_000),
    writesPerIp: integer(env, 'RATE_LIMIT_WRITES_PER_IP', DEFAULT_RATE_LIMITS.writesPerIp, 1, 1_000_000),
  };
  const trustProxyRaw = env.TRUST_PROXY?.trim();
  const trustProxy = !trustProxyRaw ? false : /^\d+$/.test(trustProxyRaw) ? integer(env, 'TRUST_PROXY', 0, 0, 10) : trustProxyRaw;
  const mail = loadMailConfig(env, port);
  const citizen = loadCitizenConfig(env, nodeEnv, mail.publicUrl);
  const retention: RetentionOverrides = {};
  for (const [name, field] of [['RETENTION_CLOSED_CASE_ACCESS', 'closedCaseAccess'], ['RETENTION_CLOSED_CASE_KEEP', 'closedCaseKeep']] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (env.NODE_ENV === 'production') throw new ConfigError(`${name} kan ikke settes i produksjon (NODE_ENV=production): varighetene står i kommuneprofilen.`);
    const duration = Duration.fromISO(value);
    if (!duration.isValid || duration.toMillis() <= 0) throw new ConfigError(`${name} må være en positiv ISO 8601-varighet, f.eks. P90D eller PT10S (fikk «${value}»).`);
    retention[field] = value;
  }
  const archiveDir = env.ARCHIVE_DIR?.trim() || join(process.cwd(), '.data', 'archive');
  return { rateLimits, trustProxy, port, host, nodeEnv, databaseUrl, redisUrl, authMode, oidc, dataEncryptionKey: key, reminders, logLevel, auditSeal, principalCacheMs, mail, reminderWorker, citizen, retention, archiveDir };
}

/**
 * Dev login hands out tokens without a password: never in production, and against a database the
 * operator named (DATABASE_URL from outside) only when ALLOW_DEV_LOGIN=true says so. `npm start`
 * and the test harness set it for the databases they embed.
 */
function checkDevLogin(env: NodeJS.ProcessEnv, authMode: AppConfig['authMode'], nodeEnv: string | undefined): void {
  if (authMode !== 'dev') return;
  if (nodeEnv === 'production') throw new ConfigError('AUTH_MODE=dev er ikke tillatt med NODE_ENV=production.');
  if (env.ALLOW_DEV_LOGIN?.trim() !== 'true') {
    throw new ConfigError('AUTH_MODE=dev med DATABASE_URL krever ALLOW_DEV_LOGIN=true (dev-innlogging uten passord for demobrukere).');
  }
}

/** NODE_ENV values under which the JWKS may be fetched over plain http (a local test issuer). */
const PLAIN_HTTP_JWKS_ENVS = ['development', 'test'];
/** Header types that do not tell an access token from an ID token on their own. */
const GENERIC_TYPS = ['jwt', 'application/jwt'];

function loadOidcConfig(env: NodeJS.ProcessEnv, authMode: AppConfig['authMode'], nodeEnv: string | undefined): OidcConfig {
  const accessTokenTyp = env.OIDC_ACCESS_TOKEN_TYP?.trim() || 'at+jwt';
  const accessTokenClaim = env.OIDC_ACCESS_TOKEN_CLAIM?.trim() || undefined;
  const subjectClaim = env.OIDC_SUBJECT_CLAIM?.trim() || 'sub';
  const oidc = { issuer: env.OIDC_ISSUER?.trim(), audience: env.OIDC_AUDIENCE?.trim(), jwksUrl: env.OIDC_JWKS_URL?.trim(), clientId: env.OIDC_CLIENT_ID?.trim() || undefined, accessTokenTyp, accessTokenClaim, subjectClaim };
  if (authMode !== 'oidc') return oidc;
  required(env, 'OIDC_ISSUER');
  required(env, 'OIDC_AUDIENCE');
  const jwksUrl = url(env, 'OIDC_JWKS_URL', ['http:', 'https:']);
  if (new URL(jwksUrl).protocol === 'http:' && !PLAIN_HTTP_JWKS_ENVS.includes(nodeEnv ?? '')) {
    throw new ConfigError('OIDC_JWKS_URL må bruke https: (http: bare med NODE_ENV=development eller test).');
  }
  if (GENERIC_TYPS.includes(accessTokenTyp.toLowerCase()) && !accessTokenClaim) {
    throw new ConfigError(`OIDC_ACCESS_TOKEN_TYP=${accessTokenTyp} skiller ikke tilgangstoken fra ID-token: sett også OIDC_ACCESS_TOKEN_CLAIM (f.eks. scp).`);
  }
  return oidc;
}

/**
 * The migrator's login for `cli.js migrate seed` (MIGRATION_DATABASE_URL): a member of the owner
 * role, never the API's or the worker's login. Defaults to DATABASE_URL for a database where one
 * login does everything (then the API refuses to start on it: it owns the tables).
 */
export function migrationDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.MIGRATION_DATABASE_URL?.trim() ? url(env, 'MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']) : url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
}

const MAIL_ADDRESS = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function loadMailConfig(env: NodeJS.ProcessEnv, port: number): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() ? url(env, 'SMTP_URL', ['smtp:', 'smtps:']) : null;
  const from = env.MAIL_FROM?.trim() || 'BTI saksflyt <bti@localhost>';
  if (!MAIL_ADDRESS.test(from)) {
    throw new ConfigError(`MAIL_FROM må være en e-postadresse, f.eks. bti@kommune.no eller «BTI <bti@kommune.no>» (fikk «${from}»).`);
  }
  const publicUrl = (env.PUBLIC_URL?.trim() ? url(env, 'PUBLIC_URL', ['http:', 'https:']) : `http://localhost:${port}`).replace(/\/+$/, '');
  return { smtpUrl, from, publicUrl };
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface CitizenConfig {
  /** The lowest acr a citizen's login may have, and the acr_values asked for (CITIZEN_ACR, default idporten-loa-high). */
  acr: string;
  /** ID-porten (or the local stand-in): unset = no citizen login but the dev one. */
  oidc?: CitizenOidcConfig;
}

/** The API as ID-porten's client (backend for frontend, DESIGN 12.8.8). */
export interface CitizenOidcConfig {
  /** CITIZEN_OIDC_ISSUER */
  issuer: string;
  /** CITIZEN_OIDC_CLIENT_ID */
  clientId: string;
  /** CITIZEN_OIDC_CLIENT_SECRET (client_secret_post), or… */
  clientSecret?: string;
  /** …CITIZEN_OIDC_CLIENT_KEY: a private JWK (JSON, with `kid` and `alg`) for private_key_jwt. */
  clientKey?: Record<string, unknown>;
  /** CITIZEN_OIDC_REDIRECT_URI, default `${PUBLIC_URL}/api/v1/citizen/callback`. */
  redirectUri: string;
  /** A plain-http issuer (the local stand-in): only on loopback, never with NODE_ENV=production. */
  allowHttp: boolean;
}

const CITIZEN_ACRS = ['idporten-loa-substantial', 'idporten-loa-high'];

function loadCitizenConfig(env: NodeJS.ProcessEnv, nodeEnv: string | undefined, publicUrl: string): CitizenConfig {
  const acr = env.CITIZEN_ACR?.trim() || 'idporten-loa-high';
  if (!CITIZEN_ACRS.includes(acr)) throw new ConfigError(`CITIZEN_ACR må være en av ${CITIZEN_ACRS.join(', ')} (fikk «${acr}»).`);
  if (!env.CITIZEN_OIDC_ISSUER?.trim()) return { acr };
  const issuer = url(env, 'CITIZEN_OIDC_ISSUER', ['http:', 'https:']);
  const parsed = new URL(issuer);
  const allowHttp = parsed.protocol === 'http:';
  if (allowHttp && (nodeEnv === 'production' || !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname))) {
    throw new ConfigError('CITIZEN_OIDC_ISSUER må bruke https: (http: bare på loopback, for den lokale ID-porten, og aldri med NODE_ENV=production).');
  }
  const clientId = required(env, 'CITIZEN_OIDC_CLIENT_ID');
  const clientSecret = env.CITIZEN_OIDC_CLIENT_SECRET?.trim() || undefined;
  const rawKey = env.CITIZEN_OIDC_CLIENT_KEY?.trim() || undefined;
  if (!clientSecret === !rawKey) throw new ConfigError('Sett én av CITIZEN_OIDC_CLIENT_SECRET og CITIZEN_OIDC_CLIENT_KEY (privat JWK for private_key_jwt).');
  let clientKey: Record<string, unknown> | undefined;
  if (rawKey) {
    try {
      clientKey = JSON.parse(rawKey) as Record<string, unknown>;
    } catch {
      throw new ConfigError('CITIZEN_OIDC_CLIENT_KEY må være en privat nøkkel som JWK (JSON).');
    }
    if (typeof clientKey !== 'object' || !clientKey || typeof clientKey.d !== 'string' || typeof clientKey.kid !== 'string') {
      throw new ConfigError('CITIZEN_OIDC_CLIENT_KEY må være en privat JWK med «kid» og «d».');
    }
  }
  const redirectUri = env.CITIZEN_OIDC_REDIRECT_URI?.trim() ? url(env, 'CITIZEN_OIDC_REDIRECT_URI', ['http:', 'https:']) : `${publicUrl}/api/v1/citizen/callback`;
  return { acr, oidc: { issuer, clientId, clientSecret, clientKey, redirectUri, allowHttp } };
}
