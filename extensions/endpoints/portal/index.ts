import { defineEndpoint } from '@directus/extensions-sdk';
import { portalIsOpen } from '../../shared/doctor-state.ts';
import { loadedEntries } from '../../shared/loaded-entries.ts';
import { registerPortalApp } from './app-routes.ts';
import { registerDataMapRoutes } from './data-map-routes.ts';
import { registerDoctorRoutes } from './doctor-routes.ts';
import { registerInboundRoutes } from './inbound-routes.ts';
import { registerInvitationRoutes } from './invitations.ts';
import { registerNotificationRoutes } from './notification-routes.ts';
import { registerOutboxRoutes } from './outbox-routes.ts';
import { registerPublicRoutes } from './public-routes.ts';
import { registerSessionRoutes } from './session-routes.ts';
import { registerStudioRoutes } from './studio-routes.ts';
import { registerTeamRoutes } from './team-routes.ts';
import { registerTicketRoutes } from './ticket-routes.ts';
import { registerUninstallRoutes } from './uninstall-routes.ts';
import { registerUploadRoutes } from './upload-routes.ts';
import { bundleVersion } from '../../shared/bundle-version.ts';

export default defineEndpoint({
	id: 'portal',
	handler: (router, context) => {
		loadedEntries.add('portal');

		/** Public: tells a load balancer or an installer that the bundle is loaded, and whether the portal is open. */
		router.get('/api/health', (_req, res) => {
			res.json({
				status: portalIsOpen() ? 'ok' : 'closed',
				product: 'customer-portal',
				version: bundleVersion,
				entries: [...loadedEntries].sort(),
			});
		});

		// Before the doctor's gate: admins can uninstall a portal that is closed, and see a data map that closed it.
		registerUninstallRoutes(router, context);
		registerDataMapRoutes(router, context);
		// Then: closes every other route while the doctor has a critical finding.
		registerDoctorRoutes(router, context);
		registerInvitationRoutes(router, context);
		registerOutboxRoutes(router, context);
		registerNotificationRoutes(router, context);
		registerPublicRoutes(router, context);
		registerTeamRoutes(router, context);
		registerSessionRoutes(router, context);
		registerUploadRoutes(router, context);
		registerTicketRoutes(router, context);
		registerInboundRoutes(router, context);
		registerStudioRoutes(router, context);
		// Last: the app's history fallback answers every path the API routes above did not.
		registerPortalApp(router, context);
	},
});
