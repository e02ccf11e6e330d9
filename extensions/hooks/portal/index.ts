import { defineHook } from '@directus/extensions-sdk';
import type { FilterHandler, RegisterFunctions } from '@directus/types';
import { bundleVersion } from '../../shared/bundle-version.ts';
import { productSchemaOwned } from '../../shared/install-state.ts';
import { loadedEntries } from '../../shared/loaded-entries.ts';
import { registerBrandedResetMail } from './branded-reset-mail.ts';
import { registerBrowserSessions } from './browser-sessions.ts';
import { registerContactQueries } from './contact-queries.ts';
import { registerContactNotifications } from './contact-notifications.ts';
import { registerCustomerBadges } from './customer-badges.ts';
import { registerCustomerDeleteGuard } from './customer-delete-guard.ts';
import { registerCustomerTreeGuard } from './customer-tree-guard.ts';
import { registerDerivedTables } from './derived-tables.ts';
import { registerInboundSmtp } from './inbound-smtp.ts';
import { registerModuleBar } from './module-bar.ts';
import { registerOutboxDelivery } from './outbox-delivery.ts';
import { registerPortalAccess } from './portal-access.ts';
import { registerPortalDoctor } from './portal-doctor.ts';
import { registerPortalGate } from './portal-gate.ts';
import { registerPortalPasswords } from './portal-passwords.ts';
import { registerPortalWrites } from './portal-writes.ts';
import { registerSchemaInstall } from './schema-install.ts';
import { registerSignInLimits } from './sign-in-limits.ts';
import { registerStaffDisplayNames } from './staff-display-names.ts';
import { registerStaffNotifications } from './staff-notifications.ts';
import { registerUninstallCommand } from './uninstall-command.ts';
import { registerUtilsGuard } from './utils-guard.ts';
import { registerViewAs } from './view-as.ts';

/**
 * The product's hooks act only on a schema that is the product's: not before it is installed, and never
 * on a team's own collections that happen to share a name with one of the product's (then the install
 * was refused and the portal is closed).
 */
function onProductSchema(events: RegisterFunctions): RegisterFunctions {
	return {
		filter: ((event: string, handler: FilterHandler) =>
			events.filter(event, (payload, meta, context) =>
				productSchemaOwned() ? handler(payload, meta, context) : payload,
			)) as RegisterFunctions['filter'],
		action: (event, handler) =>
			events.action(event, (meta, context) => (productSchemaOwned() ? handler(meta, context) : undefined)),
		init: (event, handler) => events.init(event, (meta) => (productSchemaOwned() ? handler(meta) : undefined)),
		schedule: (cron, handler) => events.schedule(cron, () => (productSchemaOwned() ? handler() : undefined)),
		embed: events.embed,
	};
}

export default defineHook((events, context) => {
	loadedEntries.add('portal-hooks');
	events.init('app.after', () => {
		context.logger.info(`Customer Portal ${bundleVersion} loaded`);
	});
	// On `app.before`, which Directus awaits before `app.after`: the others act on what it installs.
	registerSchemaInstall(events, context);
	registerSignInLimits(events, context);
	registerModuleBar(events, context);
	// A Directus command, so it runs whatever state the portal's schema is in.
	registerUninstallCommand(events, context);
	const portal = onProductSchema(events);
	registerCustomerDeleteGuard(portal, context);
	registerCustomerBadges(portal, context);
	registerDerivedTables(portal, context);
	registerCustomerTreeGuard(portal);
	registerPortalAccess(portal, context);
	registerPortalWrites(portal, context);
	registerPortalPasswords(portal, context);
	registerBrowserSessions(portal, context);
	registerStaffNotifications(portal, context);
	registerStaffDisplayNames(portal);
	registerContactNotifications(portal, context);
	registerOutboxDelivery(portal, context);
	registerInboundSmtp(portal, context);
	registerBrandedResetMail(portal, context);
	registerViewAs(portal, context);
	// After View as, which hands a staff member's read the contact's accountability.
	registerContactQueries(portal, context);
	registerPortalGate(portal, context);
	registerUtilsGuard(portal, context);
	// Reports a refused install too. Directus runs the handlers of one init event together, not one after
	// another: the doctor looks again after every change it watches, and every minute.
	registerPortalDoctor(events, context);
});
