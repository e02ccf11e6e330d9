/**
 * The doctor's verdict at the door: while a critical finding stands, every portal route but health,
 * config and the doctor itself answers 503 (health and config say no more than that the portal is
 * closed). Staff read the findings at GET /portal/api/doctor.
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { NextFunction, Request, Response, Router } from 'express';
import { ForbiddenError } from '@directus/errors';
import { fetchPortalSettings } from '../../../src/access/fetch-portal-settings.ts';
import { isPortalStaff } from '../../../src/access/staff-policy.ts';
import { PortalClosedError } from '../../../src/errors/portal-closed-error.ts';
import { isPortalOpen } from '../../../src/doctor/run-doctor.ts';
import { doctorState } from '../../shared/doctor-state.ts';
import { handle } from './handle.ts';
import { accountabilityOf, maintenanceContext } from './request-context.ts';

const alwaysOpen = new Set(['/api/health', '/api/config', '/api/doctor']);

export function portalIsOpen(): boolean {
	return doctorState.findings !== null && isPortalOpen(doctorState.findings);
}

export function registerDoctorRoutes(router: Router, context: EndpointExtensionContext): void {
	router.use('/api', (request: Request, _response: Response, next: NextFunction) => {
		if (alwaysOpen.has(`/api${request.path}`) || portalIsOpen()) return next();
		next(new PortalClosedError());
	});

	router.get(
		'/api/doctor',
		handle(async (request, response) => {
			const maintenance = await maintenanceContext(context);
			const settings = await fetchPortalSettings(maintenance);
			if (!(await isPortalStaff(maintenance, accountabilityOf(request), settings.staff_policy))) throw new ForbiddenError();
			response.json({ data: { open: portalIsOpen(), checked_at: doctorState.checkedAt?.toISOString() ?? null, findings: doctorState.findings ?? [] } });
		}),
	);
}
