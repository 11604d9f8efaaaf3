import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { reminderDurationsFrom, type ReminderDurations } from '@app/domain';
import { type MunicipalityProfile } from '@app/persistence';
import type { AppConfig } from '@app/platform';

/** How long a process trusts a profile it read; profiles change with a deploy or the seed, not per request. */
export const PROFILE_CACHE_MS = 30_000;

/**
 * Municipality profiles (routes, reminder durations, IKS core group), cached per process: every
 * case command needs one, and they change rarely. A changed profile is seen by each API process
 * within PROFILE_CACHE_MS, or at once after `invalidate()`.
 */
@Injectable()
export class MunicipalityProfiles {
  private readonly cache = new Map<string, { profile: Promise<MunicipalityProfile>; until: number }>();

  private readonly reminderOverrides: AppConfig['reminders'];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ConfigService) configService: ConfigService,
  ) {
    this.reminderOverrides = configService.getOrThrow<AppConfig>('app').reminders;
  }

  /** The profile; throws when the municipality does not exist (callers pass ids from rows that reference it). */
  get(municipalityId: string): Promise<MunicipalityProfile> {
    const now = Date.now();
    const hit = this.cache.get(municipalityId);
    if (hit && hit.until > now) return hit.profile;
    const profile = this.load(municipalityId);
    this.cache.set(municipalityId, { profile, until: now + PROFILE_CACHE_MS });
    // A failed read is not remembered.
    profile.catch(() => this.cache.delete(municipalityId));
    return profile;
  }

  /** Reminder durations: domain defaults, then the municipality profile, then REMINDER_* variables. */
  async reminderDurations(municipalityId: string): Promise<ReminderDurations> {
    return reminderDurationsFrom((await this.get(municipalityId)).reminders, this.reminderOverrides);
  }

  invalidate(municipalityId?: string): void {
    if (municipalityId) this.cache.delete(municipalityId);
    else this.cache.clear();
  }

  private async load(municipalityId: string): Promise<MunicipalityProfile> {
    const [row] = await this.dataSource.query(`SELECT profile FROM municipality WHERE id = $1`, [municipalityId]);
    if (!row) throw new Error(`municipality ${municipalityId} not found`);
    return row.profile as MunicipalityProfile;
  }
}

/** Global: every area that needs a municipality's profile shares the one cache. */
@Global()
@Module({ providers: [MunicipalityProfiles], exports: [MunicipalityProfiles] })
export class MunicipalityProfilesModule {}
