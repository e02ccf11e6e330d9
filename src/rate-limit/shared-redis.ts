/**
 * One Redis connection per process for the product's own shared state (rate limits), opened on first
 * use with Directus's Redis settings. Commands fail at once while Redis is unreachable instead of
 * queueing, so a request never waits on Redis: the callers fall back to memory (see public-rate-limits).
 */
import { Redis } from 'ioredis';
import type { RedisConnection } from './redis-options-from-env.ts';

const clients = new Map<string, Redis>();

export function sharedRedis(connection: RedisConnection): Redis {
	const key = JSON.stringify(connection);
	const existing = clients.get(key);
	if (existing) return existing;
	const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false } as const;
	const client =
		typeof connection === 'string' ? new Redis(connection, options) : new Redis({ ...connection, ...options });
	// ioredis reconnects by itself; an unhandled 'error' event would crash the process.
	client.on('error', () => undefined);
	clients.set(key, client);
	return client;
}
