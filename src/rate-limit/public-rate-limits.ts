/**
 * Limits on the portal's public routes (requests, sign-up, password resets) and on other mail or password
 * attempts, per source (a client address, or the user who acts) and per e-mail address, so they cannot
 * be used to flood the help desk or someone's inbox or to guess a password. When Directus is configured
 * with Redis the counts live there, shared by every instance (a visitor cannot multiply their allowance
 * by the number of instances); otherwise in this process (see create-limiter.ts).
 */
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { TooManyPublicRequestsError } from '../errors/too-many-public-requests-error.ts';
import { createLimiter } from './create-limiter.ts';
import { limitFromEnv } from './limit-from-env.ts';
import { limitStoreFromEnv } from './limit-store-from-env.ts';

export interface PublicRateLimits {
	/** Counts one attempt for the source and for the e-mail; throws a 429 when either is over its limit. */
	consume(ip: string | null, email: string): Promise<void>;
}

export interface PublicRateLimitOptions {
	/** Names the counters; limits with different names never share a count. */
	name?: string;
	/** Prefix of the counters' keys in Redis: Directus's projects sharing one Redis set one each. */
	namespace?: string;
	/** Per source: a client address, or the user who acts. */
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
export function publicRateLimitsFromEnv(
	env: Record<string, unknown>,
	overrides: PublicRateLimitOptions = {},
): PublicRateLimits {
	return createPublicRateLimits({
		perIp: limitFromEnv(env, 'PORTAL_PUBLIC_LIMIT_PER_IP', 10),
		perEmail: limitFromEnv(env, 'PORTAL_PUBLIC_LIMIT_PER_EMAIL', 3),
		...limitStoreFromEnv(env),
		...overrides,
	});
}

export function createPublicRateLimits({
	name = 'public',
	namespace = 'portal',
	perIp = 10,
	perEmail = 3,
	windowSeconds = 3600,
	redis = null,
}: PublicRateLimitOptions = {}): PublicRateLimits {
	const store = { namespace, redis };
	const byIp = createLimiter(store, { name, scope: 'ip', points: perIp, windowSeconds });
	const byEmail = createLimiter(store, { name, scope: 'email', points: perEmail, windowSeconds });
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
