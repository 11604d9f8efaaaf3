import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig, RateLimitConfig } from '@app/platform';

/** What is counted: logins per IP; writes per user and per IP. */
export type RateLimitKind = keyof RateLimitConfig;

const WINDOW_SECONDS = 60;

/**
 * Fixed one-minute windows counted in Redis (one atomic script per count), so every API replica
 * sees the same totals. The connection is the limiter's own and fails fast (no offline queue, a
 * short command timeout): while Redis is away each process counts in memory instead, and case
 * work goes on, as everywhere else the API touches Redis.
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiters: Record<RateLimitKind, RateLimiterRedis>;

  constructor(@Inject(ConfigService) configService: ConfigService) {
    const config = configService.getOrThrow<AppConfig>('app');
    this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500, lazyConnect: false });
    this.redis.on('error', () => undefined); // reconnects on its own; the memory counters stand in meanwhile
    const limiter = (kind: RateLimitKind) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `bti:rate:${kind}`,
        points: config.rateLimits[kind],
        duration: WINDOW_SECONDS,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `bti:rate:${kind}`, points: config.rateLimits[kind], duration: WINDOW_SECONDS }),
      });
    this.limiters = { loginPerIp: limiter('loginPerIp'), writesPerUser: limiter('writesPerUser'), writesPerIp: limiter('writesPerIp') };
  }

  /** Counts one request against each named key; the seconds to wait when any is over its limit, else null. */
  async consume(keys: Partial<Record<RateLimitKind, string>>): Promise<number | null> {
    const counted = await Promise.all(
      (Object.entries(keys) as [RateLimitKind, string][]).map(([kind, key]) =>
        this.limiters[kind].consume(key).then(
          () => 0,
          (refusal: unknown) => {
            if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
            throw refusal;
          },
        ),
      ),
    );
    const wait = Math.max(0, ...counted);
    return wait > 0 ? wait : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
