/** A capability whose objects a map leaves out is off where the app reads capabilities; the rest are as the group says. */
import { describe, expect, test } from 'vitest';
import { capabilitiesOnMap } from '../../../src/catalogue/capabilities-on-map.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { normalizeGroupPermissions } from '../../../src/groups/normalize-group-permissions.ts';
import { systemGroups } from '../../../src/groups/system-groups.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const administrator = normalizeGroupPermissions(
	systemGroups.find((group) => group.name === 'Administrator')?.permissions ?? {},
);

describe('What a group may do on a map', () => {
	test('is what the group says on the bundled map', () => {
		expect(capabilitiesOnMap(administrator, bundledDataMap())).toEqual(administrator);
	});

	test('leaves out what the second schema does not have, and keeps its cases, messages and teams', () => {
		const onMap = capabilitiesOnMap(administrator, secondSchemaMap());
		expect(onMap['tickets.view']).toBe(administrator['tickets.view']);
		expect(onMap['tickets.reply']).toBe(administrator['tickets.reply']);
		expect(onMap['users.manage']).toBe(administrator['users.manage']);
		expect(administrator['projects.view']).not.toBe('none');
		expect(onMap).toMatchObject({
			'projects.view': 'none',
			'projects.notes': false,
			'tickets.view_priority': false,
			'tickets.attachments': 'none',
			'devices.access': 'none',
			'devices.extra_fields': [],
			'invoices.view': false,
			'quotes.decide': false,
		});
	});
});
