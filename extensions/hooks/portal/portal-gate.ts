/**
 * While the portal doctor has a critical finding, portal users get nothing from Directus at all — not
 * only no new sign-in (see portal-doctor.ts) but no answer to a session they already hold — so the
 * portal is never open with weaker rules. The portal app's own files and the portal's health and config
 * routes stay served, so the app can say that the portal is closed; staff are not affected.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Application, NextFunction, Request, Response } from 'express';
import { PortalClosedError } from '../../../src/errors/portal-closed-error.ts';
import { portalIsOpen } from '../../shared/doctor-state.ts';
import { portalRequestCheck } from './portal-request-check.ts';

const stillServed = (path: string) =>
	path === '/auth/logout' ||
	path === '/portal/api/health' ||
	path === '/portal/api/config' ||
	(path.startsWith('/portal/') && !path.startsWith('/portal/api/'));

export function registerPortalGate({ init }: RegisterFunctions, context: HookExtensionContext): void {
	const isPortalRequest = portalRequestCheck(context);
	async function refuseIfPortalUser(request: Request): Promise<void> {
		if (await isPortalRequest(request)) throw new PortalClosedError();
	}

	init('middlewares.after', (meta) => {
		(meta['app'] as Application).use((request: Request, _response: Response, next: NextFunction) => {
			// The usual case costs nothing: the doctor's verdict is in memory.
			if (portalIsOpen() || stillServed(request.path)) return next();
			refuseIfPortalUser(request).then(() => next(), next);
		});
	});
}
