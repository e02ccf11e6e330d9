/**
 * Directus's /utils routes are staff tools: export, import, sort, revert, hashing, cache clearing. A
 * contact has no use for any of them, and some cost everyone: an export holds a database connection for
 * as long as it reads (on SQLite the only one, so every request of every user waits), and hashing burns
 * CPU on argon2. Portal users are refused them before Directus starts any work, and the same tools over
 * GraphQL (the `utils_*` fields of `/graphql/system`).
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Application, NextFunction, Request, Response } from 'express';
import { UtilsRefusedError } from '../../../src/errors/utils-refused-error.ts';
import { fieldsInGraphql } from '../../../src/graphql/fields-in-graphql.ts';
import { portalRequestCheck } from './portal-request-check.ts';

const utilsField = /utils_/;

export function registerUtilsGuard({ init }: RegisterFunctions, context: HookExtensionContext): void {
	const isPortalRequest = portalRequestCheck(context);
	const refuseToPortalUsers = (request: Request, next: NextFunction) =>
		isPortalRequest(request).then((portal) => next(portal ? new UtilsRefusedError() : undefined), next);

	init('middlewares.after', (meta) => {
		const app = meta['app'] as Application;
		app.use(
			'/utils',
			(request: Request, _response: Response, next: NextFunction) => void refuseToPortalUsers(request, next),
		);
		app.post('/graphql/system', (request: Request, _response: Response, next: NextFunction) => {
			if (!fieldsInGraphql(request.body, utilsField).some((field) => field.name.startsWith('utils_'))) return next();
			void refuseToPortalUsers(request, next);
		});
	});
}
