import type { Accountability } from '@directus/types';
import type { Request } from 'express';

/** Directus puts the caller's accountability on every request once its authentication middleware ran. */
export function accountabilityOf(request: Request): Accountability | null {
	return (request as Request & { accountability?: Accountability | null }).accountability ?? null;
}
