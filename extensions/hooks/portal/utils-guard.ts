/**
 * Directus's /utils routes are staff tools: export, import, sort, revert, hashing, cache clearing. A
 * contact has no use for any of them, and some cost everyone: an export holds a database connection for
 * as long as it reads (on SQLite the only one, so every request of every user waits), and hashing burns
 * CPU on argon2. Portal users are refused them before Directus starts any work.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Application, NextFunction, Request, Response } from 'express';
import { UtilsRefusedError } from '../../../src/errors/utils-refused-error.ts';
import { portalRequestCheck } from './portal-request-check.ts';

export function registerUtilsGuard({ init }: RegisterFunctions, context: HookExtensionContext): void {
	const isPortalRequest = portalRequestCheck(context);
	init('middlewares.after', (meta) => {
		(meta['app'] as Application).use('/utils', (request: Request, _response: Response, next: NextFunction) => {
			isPortalRequest(request).then((portal) => next(portal ? new UtilsRefusedError() : undefined), next);
		});
	});
}
