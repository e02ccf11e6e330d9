import { expect } from 'vitest';
import { api } from './directus-under-test.ts';
import { expectRefused, type RefusalStatus } from './expect-refused.ts';

/**
 * Asserts that GET `path` is refused with `token` (400 or 403 unless said otherwise) and answered 200 for an
 * admin, who may read everything: the probe itself is a well-formed request, so its refusal is about the caller.
 */
export async function expectReadRefused(
	path: string,
	token: string,
	statuses: readonly RefusalStatus[] = [400, 403],
): Promise<void> {
	expectRefused(await api('GET', path, { token }), `GET ${path}`, { statuses });
	const allowed = await api('GET', path);
	expect(
		allowed.status,
		`GET ${path} as an admin answered ${allowed.status} ${JSON.stringify(allowed.body).slice(0, 300)}`,
	).toBe(200);
}
