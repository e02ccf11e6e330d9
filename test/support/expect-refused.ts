import { expect } from 'vitest';
import type { ApiResponse } from './directus-under-test.ts';

/**
 * The statuses with which this product refuses a caller: 401 without a valid session, 403 for what the caller
 * may not do or see, and 400 where Directus refuses a query or a value outside the caller's permissions (a
 * filter, sort or aggregate on a field they may not read, a reference they may not make).
 */
export type RefusalStatus = 400 | 401 | 403;

export interface RefusalOptions {
	/** The statuses that count as this refusal; 401 or 403 unless said otherwise. */
	statuses?: readonly RefusalStatus[];
	/** The error code the answer must carry; any code when left out. */
	code?: string;
}

/**
 * Asserts that `response` is a refusal as the product gives one: one of `statuses` and an `errors` body whose
 * first entry carries a code. Where 400 counts as a refusal, the test also shows the same request succeeding
 * for a caller who may make it, or a typo in the request would pass as a refusal (see `expectReadRefused`).
 */
export function expectRefused(
	response: Pick<ApiResponse, 'status' | 'body'>,
	what = 'The request',
	{ statuses = [401, 403], code }: RefusalOptions = {},
): void {
	const answered = `${what} answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
	expect(statuses, answered).toContain(response.status);
	const errorCode = response.body.errors?.[0]?.extensions?.code;
	if (code === undefined) expect(errorCode, answered).toEqual(expect.any(String));
	else expect(errorCode, answered).toBe(code);
}
