import type { LimitStore } from './create-limiter.ts';
import { redisOptionsFromEnv } from './redis-options-from-env.ts';
import { sharedRedis } from './shared-redis.ts';

/** Directus's Redis when it has one, under PORTAL_REDIS_NAMESPACE (default `portal`). */
export function limitStoreFromEnv(env: Record<string, unknown>): LimitStore {
	const redis = redisOptionsFromEnv(env);
	const namespace = env['PORTAL_REDIS_NAMESPACE'];
	return {
		redis: redis === null ? null : sharedRedis(redis),
		namespace: typeof namespace === 'string' && namespace !== '' ? namespace : 'portal',
	};
}
