/**
 * Limits on the portal's public routes (requests, sign-up) and on password attempts, per client address
 * and per e-mail address, so they cannot be used to flood the help desk or someone's inbox or to guess
 * a password. When Directus is configured with Redis the counts live there, shared by every instance
 * (a visitor cannot multiply their allowance by the number of instances); otherwise in this process.
 * While Redis is unreachable each instance counts in memory on its own, so the limits hold, per instance.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { TooManyPublicRequestsError } from '../errors/too-many-public-requests-error.ts';
import { redisOptionsFromEnv } from './redis-options-from-env.ts';
import { sharedRedis } from './shared-redis.ts';

export interface PublicRateLimits {
	/** Counts one attempt for the address and for the e-mail; throws a 429 when either is over its limit. */
	consume(ip: string | null, email: string): Promise<void>;
}

export interface PublicRateLimitOptions {
	/** Names the counters; limits with different names never share a count. */
	name?: string;
	/** Prefix of the counters' keys in Redis: Directus's projects sharing one Redis set one each. */
	namespace?: string;
	perIp?: number;
	perEmail?: number;
	windowSeconds?: number;
	/** Where the counts are shared between instances; without it they are kept in this process. */
	redis?: Redis | null;
}

/**
 * Limits per hour, from PORTAL_PUBLIC_LIMIT_PER_IP (default 10) and PORTAL_PUBLIC_LIMIT_PER_EMAIL (default 3)
 * unless `overrides` sets them, kept in Directus's Redis when it has one, under PORTAL_REDIS_NAMESPACE
 * (default `portal`).
 */
export function publicRateLimitsFromEnv(env: Record<string, unknown>, overrides: PublicRateLimitOptions = {}): PublicRateLimits {
	const number = (value: unknown, fallback: number) => (Number.isSafeInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback);
	const redis = redisOptionsFromEnv(env);
	return createPublicRateLimits({
		perIp: number(env['PORTAL_PUBLIC_LIMIT_PER_IP'], 10),
		perEmail: number(env['PORTAL_PUBLIC_LIMIT_PER_EMAIL'], 3),
		redis: redis === null ? null : sharedRedis(redis),
		namespace: typeof env['PORTAL_REDIS_NAMESPACE'] === 'string' && env['PORTAL_REDIS_NAMESPACE'] !== '' ? env['PORTAL_REDIS_NAMESPACE'] : 'portal',
		...overrides,
	});
}

export function createPublicRateLimits({ name = 'public', namespace = 'portal', perIp = 10, perEmail = 3, windowSeconds = 3600, redis = null }: PublicRateLimitOptions = {}): PublicRateLimits {
	const limiter = (scope: string, points: number): RateLimiterAbstract => {
		const options = { keyPrefix: `${namespace}:rate-limit:${name}:${scope}`, points, duration: windowSeconds };
		if (!redis) return new RateLimiterMemory(options);
		return new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
	};
	const byIp = limiter('ip', perIp);
	const byEmail = limiter('email', perEmail);
	return {
		async consume(ip, email) {
			try {
				await byIp.consume(ip ?? 'unknown');
				await byEmail.consume(email.toLowerCase());
			} catch (error) {
				if (error instanceof RateLimiterRes) throw new TooManyPublicRequestsError();
				throw error;
			}
		},
	};
}
