import type { CapabilityKey } from '../catalogue/capabilities.ts';

export interface SystemGroup {
	name: string;
	description: string;
	assignable_by_client: boolean;
	permissions: Partial<Record<CapabilityKey, string | boolean | string[]>>;
}

const projectData = {
	'projects.schedule': true,
	'projects.notes': true,
	'projects.attachments': true,
	'projects.calendar': true,
	'projects.issues': true,
	'projects.charges': true,
	'projects.estimated_hours': true,
} as const;

/**
 * The groups every installation has. They cannot be edited or deleted, only copied; the product
 * re-creates them when missing and keeps their permissions as written here.
 */
export const systemGroups: SystemGroup[] = [
	{
		name: 'No Portal Access',
		description: 'The contact cannot sign in to the portal at all. Use it to switch a login off without deleting it.',
		assignable_by_client: true,
		permissions: {},
	},
	{
		name: 'Basic',
		description:
			'Their own tickets: create, follow and reply; public attachments; devices they registered or at their location, read-only; the knowledge base and documentation; their own profile.',
		assignable_by_client: true,
		permissions: {
			'tickets.view': 'own',
			'tickets.create': true,
			'tickets.reply': true,
			'tickets.attachments': 'public',
			'devices.access': 'view',
			'devices.scope': 'created_or_location',
			'kb.view': true,
			'docs.view': true,
			'profile.edit': true,
		},
	},
	{
		name: 'Manager',
		description:
			"Everything in Basic for all of their customer's tickets, plus adding colleagues to tickets, their customer's projects, ticket priorities, invoices and quotes.",
		assignable_by_client: true,
		permissions: {
			'tickets.view': 'customer',
			'tickets.edit': 'own',
			'tickets.create': true,
			'tickets.reply': true,
			'tickets.cc': true,
			'tickets.view_priority': true,
			'tickets.attachments': 'public',
			'projects.view': 'customer',
			...projectData,
			'devices.access': 'view',
			'devices.scope': 'all',
			'kb.view': true,
			'docs.view': true,
			'invoices.view': true,
			'quotes.decide': true,
			'profile.edit': true,
		},
	},
	{
		name: 'Administrator',
		description:
			"Everything, for their customer and the customers below it: tickets and their priority, projects, devices (editing too), invoices, quotes, and managing their customer's portal logins.",
		assignable_by_client: false,
		permissions: {
			'tickets.view': 'customer_tree',
			'tickets.edit': 'customer_tree',
			'tickets.create': true,
			'tickets.reply': true,
			'tickets.cc': true,
			'tickets.view_priority': true,
			'tickets.set_priority': true,
			'tickets.attachments': 'public',
			'projects.view': 'customer_tree',
			...projectData,
			'devices.access': 'edit',
			'devices.scope': 'all',
			'devices.extra_fields': ['manufacturer', 'model', 'ip_address', 'warranty_expires', 'notes'],
			'kb.view': true,
			'docs.view': true,
			'invoices.view': true,
			'quotes.decide': true,
			'profile.edit': true,
			'users.manage': true,
		},
	},
];

export const defaultGroupName = 'Basic';
export const noPortalAccessGroupName = 'No Portal Access';
