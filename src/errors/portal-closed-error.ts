import { createError } from '@directus/errors';

export const PortalClosedError = createError(
	'PORTAL_CLOSED',
	'The portal is closed because this installation is not configured safely. Staff can see why in the studio’s Customer Portal module or at GET /portal/api/doctor.',
	503,
);
