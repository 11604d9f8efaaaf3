import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { reminderDurationsFrom, type ReminderDurations } from '@app/domain';
import { type MunicipalityProfile } from '@app/persistence';
import type { AppConfig } from '@app/platform';

/** The channel a published profile version is announced on (migration MunicipalityAdministration). */
export const PROFILE_CHANNEL = 'bti_profile_published';
const RECONNECT_MS = 1000;

/**
 * Municipality profiles as versions (DESIGN 12.7, 12.8.5). A published version never changes, so
 * it is cached for good; which version is the latest is cached only while this process listens on
 * `bti_profile_published` over a connection of its own (outside the pool), so a publication reaches
 * it within moments. Without that connection the latest version is read from the database each time.
 */
@Injectable()
export class MunicipalityProfiles implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MunicipalityProfiles.name);
  private readonly versions = new Map<string, Promise<MunicipalityProfile>>();
  private readonly latest = new Map<string, Promise<number>>();
  private readonly reminderOverrides: AppConfig['reminders'];
  private readonly databaseUrl: string;
  private listener: pg.Client | null = null;
  private listening = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ConfigService) configService: ConfigService,
  ) {
    const config = configService.getOrThrow<AppConfig>('app');
    this.reminderOverrides = config.reminders;
    this.databaseUrl = config.databaseUrl;
  }

  async onModuleInit(): Promise<void> {
    await this.listen().catch(() => this.reconnectLater());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  /** The latest published version's number; throws when the municipality has none. */
  latestVersion(municipalityId: string): Promise<number> {
    const hit = this.latest.get(municipalityId);
    if (hit) return hit;
    const version = this.loadLatest(municipalityId);
    if (this.listening) {
      this.latest.set(municipalityId, version);
      version.catch(() => this.latest.delete(municipalityId));
    }
    return version;
  }

  /** A published version (the latest when `version` is not given); a case passes its own `profileVersion`. */
  async get(municipalityId: string, version?: number): Promise<MunicipalityProfile> {
    const v = version ?? (await this.latestVersion(municipalityId));
    const key = `${municipalityId}:${v}`;
    let profile = this.versions.get(key);
    if (!profile) {
      profile = this.loadVersion(municipalityId, v);
      this.versions.set(key, profile);
      profile.catch(() => this.versions.delete(key));
    }
    return profile;
  }

  /** Reminder durations: domain defaults, then the profile version, then REMINDER_* variables (never in production). */
  async reminderDurations(municipalityId: string, version?: number): Promise<ReminderDurations> {
    return reminderDurationsFrom((await this.get(municipalityId, version)).reminders, this.reminderOverrides);
  }

  /** Forgets the latest version (this process published one; the notice will say the same). */
  invalidate(municipalityId?: string): void {
    if (municipalityId) this.latest.delete(municipalityId);
    else this.latest.clear();
  }

  private async loadLatest(municipalityId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT max(version) AS version FROM municipality_profile_version WHERE "municipalityId" = $1 AND "publishedAt" IS NOT NULL`,
      [municipalityId],
    );
    if (!row?.version) throw new Error(`municipality ${municipalityId} has no published profile`);
    return Number(row.version);
  }

  private async loadVersion(municipalityId: string, version: number): Promise<MunicipalityProfile> {
    const [row] = await this.dataSource.query(
      `SELECT document FROM municipality_profile_version WHERE "municipalityId" = $1 AND version = $2 AND "publishedAt" IS NOT NULL`,
      [municipalityId, version],
    );
    if (!row) throw new Error(`profile version ${version} of municipality ${municipalityId} not found`);
    return row.document as MunicipalityProfile;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.listener !== client) return;
      // Lost: stop trusting the cached latest versions until listening again.
      this.listener = null;
      this.listening = false;
      this.latest.clear();
      this.reconnectLater();
    });
    client.on('notification', (message) => {
      const [municipalityId] = (message.payload ?? '').split(':');
      if (municipalityId) this.latest.delete(municipalityId);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PROFILE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
    this.latest.clear();
    this.listening = true;
  }

  private reconnectLater(): void {
    if (this.stopped) return;
    setTimeout(() => {
      if (this.stopped || this.listener) return;
      this.listen().catch(() => {
        this.logger.warn('Cannot listen for published profile versions; reading the latest version per request');
        this.reconnectLater();
      });
    }, RECONNECT_MS).unref();
  }
}

/** Global: every area that needs a municipality's profile shares the one cache. */
@Global()
@Module({ providers: [MunicipalityProfiles], exports: [MunicipalityProfiles] })
export class MunicipalityProfilesModule {}
