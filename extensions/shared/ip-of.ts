import type { Request } from 'express';
import { accountabilityOf } from './accountability-of.ts';

/** The client address as Directus resolved it (it honours IP_TRUST_PROXY). */
export function ipOf(request: Request): string | null {
	return accountabilityOf(request)?.ip ?? request.ip ?? null;
}
