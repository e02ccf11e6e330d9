/**
 * The doctor's verdict at the door: while a critical finding stands, every portal route but health,
 * config and the doctor itself answers 503 (health and config say no more than that the portal is
 * closed). Staff read the findings at GET /portal/api/doctor.
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { NextFunction, Request, Response, Router } from 'express';
import { PortalClosedError } from '../../../src/errors/portal-closed-error.ts';
import { doctorState, portalIsOpen } from '../../shared/doctor-state.ts';
import { handle } from './handle.ts';
import { accountabilityOf, staffContext } from './request-context.ts';
import { productSchemaOwned } from '../../shared/install-state.ts';
import { ForbiddenError } from '@directus/errors';

const alwaysOpen = new Set(['/api/health', '/api/config', '/api/doctor']);

export function registerDoctorRoutes(router: Router, context: EndpointExtensionContext): void {
	router.use('/api', (request: Request, _response: Response, next: NextFunction) => {
		if (alwaysOpen.has(`/api${request.path}`) || portalIsOpen()) return next();
		next(new PortalClosedError());
	});

	router.get(
		'/api/doctor',
		handle(async (request, response) => {
			// Before the portal's schema is installed there are no portal staff yet: admins read why.
			if (!productSchemaOwned()) {
				if (accountabilityOf(request)?.admin !== true) throw new ForbiddenError();
			} else {
				await staffContext(context, request);
			}
			response.json({
				data: {
					open: portalIsOpen(),
					checked_at: doctorState.checkedAt?.toISOString() ?? null,
					findings: doctorState.findings ?? [],
				},
			});
		}),
	);
}
