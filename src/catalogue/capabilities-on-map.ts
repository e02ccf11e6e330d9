import type { DataMap } from '../data-map/data-map.ts';
import type { ObjectName } from '../data-map/object-specs.ts';
import { capabilities, type CapabilityKey, type GroupPermissions } from './capabilities.ts';

/** The objects a capability compiles onto (see src/compiler/rows/): without all of them it grants nothing. */
const objectsOf: Readonly<Record<CapabilityKey, readonly ObjectName[]>> = {
	'tickets.view': ['tickets'],
	'tickets.edit': ['tickets'],
	'tickets.create': ['tickets'],
	'tickets.reply': ['tickets', 'ticket_replies'],
	'tickets.cc': ['tickets', 'ticket_participants'],
	'tickets.view_priority': ['tickets', 'ticket_priorities'],
	'tickets.set_priority': ['tickets', 'ticket_priorities'],
	'tickets.attachments': ['tickets', 'ticket_attachments'],
	'projects.view': ['projects'],
	'projects.schedule': ['projects', 'project_tasks'],
	'projects.notes': ['projects', 'project_notes'],
	'projects.attachments': ['projects', 'project_attachments'],
	'projects.calendar': ['projects', 'project_calendar_items'],
	'projects.issues': ['projects', 'project_issues'],
	'projects.charges': ['projects', 'project_charges'],
	'projects.estimated_hours': ['projects'],
	'devices.access': ['devices'],
	'devices.scope': ['devices'],
	'devices.extra_fields': ['devices'],
	'kb.view': ['kb_articles'],
	'docs.view': ['documents'],
	'invoices.view': ['invoices'],
	'quotes.decide': ['quotes'],
	'profile.edit': ['contacts'],
	'users.manage': ['contacts'],
};

/** Whether a capability compiles to anything on `map` (every object it needs is mapped). */
export function capabilityOnMap(key: CapabilityKey, map: DataMap): boolean {
	return objectsOf[key].every((object) => map[object] !== null);
}

/**
 * What a group's capabilities come to on `map`: a capability whose objects the map leaves out is off (its first
 * value, false, or no fields), as the compiler gives it nothing. The portal app draws its menu from this, so a
 * page of an object the team does not have is not offered.
 */
export function capabilitiesOnMap(permissions: GroupPermissions, map: DataMap): GroupPermissions {
	const result: Record<string, unknown> = { ...permissions };
	for (const capability of capabilities) {
		if (capabilityOnMap(capability.key, map)) continue;
		if (capability.kind === 'flag') result[capability.key] = false;
		else if (capability.kind === 'fields') result[capability.key] = [];
		else result[capability.key] = capability.values[0];
	}
	return result as GroupPermissions;
}
