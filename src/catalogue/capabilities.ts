/**
 * The catalogue of portal capabilities: every key a portal group's `permissions` may hold, with the
 * values it takes, words for staff, and which capability it depends on. The validator, the group
 * compiler and the studio module all read this list; adding a capability is one entry here plus its
 * compile rule.
 *
 * Default to deny: a key a group leaves out takes its `default`, which grants nothing.
 */

export const ticketScopes = ['none', 'own', 'customer', 'customer_tree'] as const;
export const projectScopes = ['none', 'member', 'customer', 'customer_tree'] as const;
export const deviceAccessLevels = ['none', 'view', 'edit'] as const;
export const deviceScopes = ['none', 'created_or_location', 'created_location_or_unlocated', 'all'] as const;
export const attachmentLevels = ['none', 'public'] as const;
/** Device fields a group may add to what contacts see, read-only. Protected fields are never listed. */
export const extraDeviceFields = ['manufacturer', 'model', 'ip_address', 'warranty_expires', 'notes'] as const;

export type TicketScope = (typeof ticketScopes)[number];
export type ProjectScope = (typeof projectScopes)[number];
export type DeviceAccess = (typeof deviceAccessLevels)[number];
export type DeviceScope = (typeof deviceScopes)[number];
export type AttachmentLevel = (typeof attachmentLevels)[number];
export type ExtraDeviceField = (typeof extraDeviceFields)[number];

const ticketScopeLabels: Record<TicketScope, string> = {
	none: 'No tickets',
	own: 'Tickets they requested or follow',
	customer: "All of their customer's tickets",
	customer_tree: 'All tickets of their customer and the customers below it',
};

export type CapabilityArea = 'tickets' | 'projects' | 'devices' | 'knowledge' | 'financials' | 'account';

interface CapabilityBase {
	key: string;
	area: CapabilityArea;
	label: string;
	description: string;
	/** The capability this one means nothing without: it is off while that one grants nothing. */
	requires?: string;
}

export interface ChoiceCapability extends CapabilityBase {
	kind: 'choice';
	/** In order from least to most access; the first is the default. */
	values: readonly string[];
	valueLabels: Record<string, string>;
}

export interface FlagCapability extends CapabilityBase {
	kind: 'flag';
}

export interface FieldListCapability extends CapabilityBase {
	kind: 'fields';
	values: readonly string[];
}

export type Capability = ChoiceCapability | FlagCapability | FieldListCapability;

export const capabilities = [
	{
		key: 'tickets.view',
		area: 'tickets',
		kind: 'choice',
		values: ticketScopes,
		valueLabels: ticketScopeLabels,
		label: 'See tickets',
		description: 'Which tickets the contact sees, with their public conversation and participants.',
	},
	{
		key: 'tickets.edit',
		area: 'tickets',
		kind: 'choice',
		values: ticketScopes,
		valueLabels: ticketScopeLabels,
		label: 'Edit tickets',
		description:
			'Which tickets the contact may change (subject, description and status). Never wider than what they see.',
		requires: 'tickets.view',
	},
	{
		key: 'tickets.create',
		area: 'tickets',
		kind: 'flag',
		label: 'Create tickets',
		description: 'Submit new tickets for their own customer.',
	},
	{
		key: 'tickets.reply',
		area: 'tickets',
		kind: 'flag',
		label: 'Reply to tickets',
		description: 'Add public replies to tickets they see.',
		requires: 'tickets.view',
	},
	{
		key: 'tickets.cc',
		area: 'tickets',
		kind: 'flag',
		label: 'Add colleagues to tickets',
		description:
			'Add people of their own customer to tickets they see. Those added follow the ticket: they see it and get its replies by e-mail.',
		requires: 'tickets.view',
	},
	{
		key: 'tickets.view_priority',
		area: 'tickets',
		kind: 'flag',
		label: 'See ticket priority',
		description: "See the service team's priority on tickets.",
		requires: 'tickets.view',
	},
	{
		key: 'tickets.set_priority',
		area: 'tickets',
		kind: 'flag',
		label: 'Set ticket priority',
		description:
			'Choose the priority of new tickets and change it on tickets they may edit. Otherwise new tickets get the default priority.',
		requires: 'tickets.create',
	},
	{
		key: 'tickets.attachments',
		area: 'tickets',
		kind: 'choice',
		values: attachmentLevels,
		valueLabels: { none: 'No attachments', public: 'Public attachments' },
		label: 'Ticket attachments',
		description:
			'Download attachments marked visible in the portal. Internal attachments and comments are never visible.',
		requires: 'tickets.view',
	},
	{
		key: 'projects.view',
		area: 'projects',
		kind: 'choice',
		values: projectScopes,
		valueLabels: {
			none: 'No projects',
			member: 'Projects they are a team member of',
			customer: "All of their customer's projects",
			customer_tree: 'All projects of their customer and the customers below it',
		},
		label: 'See projects',
		description: 'Which projects the contact sees. With none, the portal shows no Projects menu.',
	},
	{
		key: 'projects.schedule',
		area: 'projects',
		kind: 'flag',
		label: 'Project schedule',
		description: "See a project's tasks and dates.",
		requires: 'projects.view',
	},
	{
		key: 'projects.notes',
		area: 'projects',
		kind: 'flag',
		label: 'Project notes',
		description: 'See and add public project notes.',
		requires: 'projects.view',
	},
	{
		key: 'projects.attachments',
		area: 'projects',
		kind: 'flag',
		label: 'Project attachments',
		description: 'Download project attachments marked visible in the portal.',
		requires: 'projects.view',
	},
	{
		key: 'projects.calendar',
		area: 'projects',
		kind: 'flag',
		label: 'Project calendar',
		description: "See a project's meetings and milestones.",
		requires: 'projects.view',
	},
	{
		key: 'projects.issues',
		area: 'projects',
		kind: 'flag',
		label: 'Project issues',
		description: 'See and raise project issues.',
		requires: 'projects.view',
	},
	{
		key: 'projects.charges',
		area: 'projects',
		kind: 'flag',
		label: 'Project charges',
		description: "See a project's charges.",
		requires: 'projects.view',
	},
	{
		key: 'projects.estimated_hours',
		area: 'projects',
		kind: 'flag',
		label: 'Estimated hours',
		description: 'See the hours estimated for a project and its tasks.',
		requires: 'projects.view',
	},
	{
		key: 'devices.access',
		area: 'devices',
		kind: 'choice',
		values: deviceAccessLevels,
		valueLabels: { none: 'No devices', view: 'View devices (read only)', edit: 'Add and edit devices' },
		label: 'Devices',
		description:
			'Whether the contact sees devices, and may add and edit them. Protected fields such as passwords are never visible.',
	},
	{
		key: 'devices.scope',
		area: 'devices',
		kind: 'choice',
		values: deviceScopes,
		valueLabels: {
			none: 'No devices',
			created_or_location: 'Devices they registered or at their location',
			created_location_or_unlocated: 'Devices they registered, at their location, or with no location',
			all: "All of their customer's devices",
		},
		label: 'Which devices',
		description:
			"Which of their customer's devices the contact sees. Without a location, only devices they registered (and, where chosen, devices with no location).",
		requires: 'devices.access',
	},
	{
		key: 'devices.extra_fields',
		area: 'devices',
		kind: 'fields',
		values: extraDeviceFields,
		label: 'Extra device details',
		description: 'More device fields to show, read-only.',
		requires: 'devices.access',
	},
	{
		key: 'kb.view',
		area: 'knowledge',
		kind: 'flag',
		label: 'Knowledge base',
		description: 'Read published articles meant for everyone or for their customer.',
	},
	{
		key: 'docs.view',
		area: 'knowledge',
		kind: 'flag',
		label: 'Documentation',
		description: 'Read published documents meant for everyone or for their customer.',
	},
	{
		key: 'invoices.view',
		area: 'financials',
		kind: 'flag',
		label: 'Invoices',
		description: "See their customer's invoices.",
	},
	{
		key: 'quotes.decide',
		area: 'financials',
		kind: 'flag',
		label: 'Quotes',
		description: "See their customer's quotes and approve or decline pending ones. Who decided and when is recorded.",
	},
	{
		key: 'profile.edit',
		area: 'account',
		kind: 'flag',
		label: 'Edit own profile',
		description: 'Change their own name and phone number.',
	},
	{
		key: 'users.manage',
		area: 'account',
		kind: 'flag',
		label: 'Manage portal logins',
		description:
			"Invite their customer's contacts, change their group to one assignable by clients, and suspend their logins.",
	},
] as const satisfies readonly Capability[];

export type CapabilityKey = (typeof capabilities)[number]['key'];

type ValueOf<C> = C extends { kind: 'flag' }
	? boolean
	: C extends { kind: 'fields'; values: readonly (infer V)[] }
		? V[]
		: C extends { values: readonly (infer V)[] }
			? V
			: never;

/** A group's permissions with every capability present: what the compiler reads. */
export type GroupPermissions = { [C in (typeof capabilities)[number] as C['key']]: ValueOf<C> };

export function findCapability(key: string): Capability | undefined {
	return (capabilities as readonly Capability[]).find((capability) => capability.key === key);
}
