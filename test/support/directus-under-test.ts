/** How tests reach the Directus booted by the global setup. */
import { createDirectus, createItem, createItems, readItem, rest, staticToken } from '@directus/sdk';
import knex, { type Knex } from 'knex';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../../scripts/lib/directus-instance.ts';

export function directusUnderTest() {
	return inject('directus');
}

/** An SDK client acting as the Directus admin. */
export function adminClient() {
	const { url, adminToken } = directusUnderTest();
	return createDirectus<Record<string, never>>(url).with(staticToken(adminToken)).with(rest());
}

export interface ApiResponse<T = unknown> {
	status: number;
	body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } & Record<string, unknown>;
}

export interface ApiOptions {
	token?: string | null;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Api = <T = unknown>(method: string, path: string, options?: ApiOptions) => Promise<ApiResponse<T>>;

/**
 * Plain HTTP calls to the Directus at `url`, for asserting status codes and error bodies exactly as a
 * client sees them; `token` defaults to `adminToken`, and `token: null` sends no credentials.
 */
export function apiAt(url: () => string, adminToken: () => string): Api {
	return async <T = unknown>(
		method: string,
		path: string,
		{ token = adminToken(), body, headers = {} }: ApiOptions = {},
	): Promise<ApiResponse<T>> => {
		const response = await fetch(`${url()}${path}`, {
			method,
			headers: {
				...headers,
				...(token ? { Authorization: `Bearer ${token}` } : {}),
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
		const text = await response.text();
		return { status: response.status, body: text ? (JSON.parse(text) as ApiResponse<T>['body']) : {} };
	};
}

/** Calls to the Directus booted by the global setup. */
export const api: Api = apiAt(
	() => directusUnderTest().url,
	() => directusUnderTest().adminToken,
);

/** Creates one row as the admin through the SDK and returns it, typed as the caller expects. */
export async function createRow<T extends object = { id: number }>(
	collection: string,
	data: Record<string, unknown>,
): Promise<T> {
	return (await adminClient().request(createItem(collection as never, data as never))) as unknown as T;
}

/** Creates several rows as the admin through the SDK. */
export async function createRows<T extends object = { id: number }>(
	collection: string,
	data: Record<string, unknown>[],
): Promise<T[]> {
	return (await adminClient().request(createItems(collection as never, data as never))) as unknown as T[];
}

/** Reads one row as the admin through the SDK. */
export async function readRow<T extends object>(collection: string, id: number | string, fields: string[]): Promise<T> {
	return (await adminClient().request(readItem(collection as never, id as never, { fields } as never))) as unknown as T;
}

/**
 * A knex connection straight to Directus's database, bypassing Directus, as a bulk import would write.
 * On SQLite foreign keys are not enforced (SQLite's default, unlike Directus's own connection).
 * Destroy it when done.
 */
export function directDatabase(): Knex {
	return databaseAt(directusUnderTest().databaseConfig);
}

/** A knex connection to the database `config` describes (a test's own Directus), as `directDatabase` makes it. */
export function databaseAt(config: DatabaseConfig): Knex {
	if (config.client === 'sqlite3') {
		return knex({
			client: 'sqlite3',
			connection: { filename: config.filename },
			useNullAsDefault: true,
			pool: {
				min: 1,
				max: 1,
				afterCreate: (connection: { run(sql: string, done: () => void): void }, done: () => void) =>
					connection.run('PRAGMA busy_timeout = 10000', done),
			},
		});
	}
	const { client, ...connection } = config;
	return knex({ client, connection, pool: { min: 0, max: 2 } });
}
