import { defineHook } from '@directus/extensions-sdk';
import { bundleVersion } from '../../shared/bundle-version.ts';
import { loadedEntries } from '../../shared/loaded-entries.ts';
import { registerContactQueries } from './contact-queries.ts';
import { registerCustomerBadges } from './customer-badges.ts';
import { registerCustomerDeleteGuard } from './customer-delete-guard.ts';
import { registerCustomerTree } from './customer-tree.ts';
import { registerDerivedTables } from './derived-tables.ts';
import { registerModuleBar } from './module-bar.ts';
import { registerPortalAccess } from './portal-access.ts';
import { registerPortalDoctor } from './portal-doctor.ts';
import { registerPortalGate } from './portal-gate.ts';
import { registerPortalWrites } from './portal-writes.ts';
import { registerSignInLimits } from './sign-in-limits.ts';
import { registerUninstallCommand } from './uninstall-command.ts';
import { registerUtilsGuard } from './utils-guard.ts';
import { registerViewAs } from './view-as.ts';

export default defineHook((events, context) => {
	loadedEntries.add('portal-hooks');
	events.init('app.after', () => {
		context.logger.info(`Customer Portal ${bundleVersion} loaded`);
	});
	registerCustomerDeleteGuard(events, context);
	registerCustomerBadges(events, context);
	registerDerivedTables(events, context);
	registerCustomerTree(events);
	registerModuleBar(events, context);
	registerPortalAccess(events, context);
	registerPortalWrites(events, context);
	registerViewAs(events, context);
	// After View as, which hands a staff member's read the contact's accountability.
	registerContactQueries(events, context);
	registerPortalGate(events, context);
	registerUtilsGuard(events, context);
	registerSignInLimits(events, context);
	registerUninstallCommand(events, context);
	// Last: its start-up run sees what the others prepared.
	registerPortalDoctor(events, context);
});
