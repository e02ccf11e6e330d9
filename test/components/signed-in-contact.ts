/**
 * A signed-in contact as GET /portal/api/me answers for one of the system groups, for component tests. The app
 * reads the capabilities (menu, pages, buttons), the contact's and customer's ids (filters) and the data map (none:
 * the bundled help desk).
 */
import type { Capabilities, Me } from '../../extensions/portal-app/src/lib/portal-types.ts';
import { normalizeGroupPermissions } from '../../src/groups/normalize-group-permissions.ts';
import { systemGroups } from '../../src/groups/system-groups.ts';

/** The capabilities of the system group named `group` ("Basic", "Manager", "Administrator", "No Portal Access"). */
export function capabilitiesOf(group: string): Capabilities {
	return normalizeGroupPermissions(
		systemGroups.find((system) => system.name === group)?.permissions ?? {},
	) as Capabilities;
}

/** Ada of customer 9, in `group`, with that group's capabilities unless others are given. */
export function signedInContact(group: string, capabilities: Capabilities = capabilitiesOf(group)): Me {
	return {
		contact: { id: 5, first_name: 'Ada', last_name: 'Admin', email: 'ada@example.com', phone: null, location: null },
		customer: { id: 9, name: 'Client' },
		group: { id: 1, name: group },
		language: 'en',
		capabilities,
		parent_visibility: true,
		data_map: null,
	};
}
