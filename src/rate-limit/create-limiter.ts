import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

/** Where a product's limits keep their counts. */
export interface LimitStore {
	/** Prefix of the counters' keys in Redis: Directus's projects sharing one Redis set one each. */
	namespace: string;
	/** Where the counts are shared between instances; without it they are kept in this process. */
	redis: Redis | null;
}

export interface LimiterOptions {
	/** Names the counters with `scope`; limiters with different names or scopes never share a count. */
	name: string;
	scope: string;
	points: number;
	windowSeconds: number;
	/** Once over the limit, refused for this long (by default until the window ends). */
	blockSeconds?: number;
}

/**
 * One counter per key, in Redis when the store has it (shared by every instance), else in this process.
 * While Redis is unreachable each instance counts in memory on its own, so the limit holds, per instance.
 */
export function createLimiter(
	{ namespace, redis }: LimitStore,
	{ name, scope, points, windowSeconds, blockSeconds = 0 }: LimiterOptions,
): RateLimiterAbstract {
	const options = {
		keyPrefix: `${namespace}:rate-limit:${name}:${scope}`,
		points,
		duration: windowSeconds,
		blockDuration: blockSeconds,
	};
	if (!redis) return new RateLimiterMemory(options);
	return new RateLimiterRedis({
		...options,
		storeClient: redis,
		rejectIfRedisNotReady: true,
		insuranceLimiter: new RateLimiterMemory(options),
	});
}
