/**
 * The Redis connection Directus itself uses, read from the same variables: `REDIS` (a URL) or the
 * `REDIS_*` options (`REDIS_HOST`, `REDIS_PORT`, `REDIS_DB`, `REDIS_KEY_PREFIX`…, camel-cased for
 * ioredis), and Directus's own rule for whether Redis is configured at all (`REDIS_ENABLED` wins;
 * otherwise any `REDIS` variable). Null when Directus runs without Redis.
 */
import type { RedisOptions } from 'ioredis';

export type RedisConnection = string | RedisOptions;

export function redisOptionsFromEnv(env: Record<string, unknown>): RedisConnection | null {
	if ('REDIS_ENABLED' in env) {
		if (env['REDIS_ENABLED'] !== true && env['REDIS_ENABLED'] !== 'true') return null;
	} else if (!Object.keys(env).some((key) => key === 'REDIS' || key.startsWith('REDIS_'))) {
		return null;
	}
	if (typeof env['REDIS'] === 'string' && env['REDIS'] !== '') return env['REDIS'];
	const options: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(env)) {
		if (!key.startsWith('REDIS_') || key === 'REDIS_ENABLED' || key.endsWith('_NAMESPACE')) continue;
		options[camelCase(key.slice('REDIS_'.length))] = value;
	}
	return options as RedisOptions;
}

/** `KEY_PREFIX` → `keyPrefix`, as Directus's getConfigFromEnv names ioredis options. */
function camelCase(name: string): string {
	return name.toLowerCase().replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
