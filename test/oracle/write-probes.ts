/**
 * The writes the leak oracle attempts as a contact: each write of the specification with an allowed
 * and disallowed variants (another customer, an unreadable target, a pinned or forbidden field), and
 * writes the specification refuses outright (system collections, deletes, portal_*). A probe only
 * builds the request and says how to observe what it touched; whether it is allowed is the reference
 * model's call, not the probe's.
 */
import { type ContactAccess, keyOf, type WriteRequest } from './reference-model.ts';
import type { Random } from '../support/random.ts';
import type { SeededWorld } from './seed-world.ts';
import type { Id, World } from './world.ts';

/** How to see, as the admin, what a write touched. */
export type Observation =
	/** An existing row, read before and after (`path` is the admin GET of that row). */
	| { kind: 'row'; path: string }
	/** Rows the write would create, found by the marker (`path` is an admin list filtered by it). */
	| { kind: 'created'; path: string }
	/** A count that must not change (`path` answers an aggregate count). */
	| { kind: 'count'; path: string };

export interface WriteAttempt {
	name: string;
	/** The write as the reference model judges it. */
	request: WriteRequest;
	method: 'POST' | 'PATCH' | 'DELETE';
	path: string;
	body?: unknown;
	/** Multipart uploads build their form when sent. */
	form?: () => FormData;
	observe: Observation;
	/** Would lock the contact out or change who they are if it wrongly succeeded: run last. */
	last?: boolean;
}

export interface ProbeEnv {
	world: World;
	seeded: SeededWorld;
	access: ContactAccess;
	random: Random;
	/** A word found nowhere else, to find what a write created. */
	marker(): string;
	/** The Directus URL, for /files/import. */
	url: string;
}

type Probe = (env: ProbeEnv) => WriteAttempt | undefined;

const enc = (value: string): string => encodeURIComponent(value);
const other = <T extends { id: Id }>(random: Random, rows: T[], not: Id | null | undefined): T | undefined =>
	random.maybePick(rows.filter((row) => not === null || not === undefined || keyOf(row.id) !== keyOf(not)));

/** A row of `rows` that passes `test`, else undefined. */
function pick<T>(random: Random, rows: readonly T[], test: (row: T) => boolean): T | undefined {
	return random.maybePick(rows.filter(test));
}

function create(
	name: string,
	collection: string,
	body: Record<string, unknown>,
	findBy: string,
	marker: string,
): WriteAttempt {
	return {
		name,
		request: { collection, action: 'create', data: body },
		method: 'POST',
		path: `/items/${collection}`,
		body,
		observe: { kind: 'created', path: `/items/${collection}?filter[${findBy}][_eq]=${enc(marker)}&fields=*&limit=-1` },
	};
}

function update(name: string, collection: string, id: Id, body: Record<string, unknown>): WriteAttempt {
	return {
		name,
		request: { collection, action: 'update', id, data: body },
		method: 'PATCH',
		path: `/items/${collection}/${keyOf(id)}`,
		body,
		observe: { kind: 'row', path: `/items/${collection}/${keyOf(id)}?fields=*` },
	};
}

const readableIds = (env: ProbeEnv, collection: keyof ContactAccess['reads']): Set<string> =>
	env.access.reads[collection].ids;

const probes: Record<string, Probe> = {
	'ticket create': ({ access, marker }) => {
		const subject = marker();
		return create(
			'ticket create',
			'tickets',
			{ subject, description: 'From the oracle', customer: access.contact.customer, contact: access.contact.id },
			'subject',
			subject,
		);
	},
	'ticket create for another customer': ({ access, world, random, marker }) => {
		const customer = other(random, world.customers, access.contact.customer);
		if (!customer) return undefined;
		const subject = marker();
		return create(
			'ticket create for another customer',
			'tickets',
			{ subject, customer: customer.id, contact: access.contact.id },
			'subject',
			subject,
		);
	},
	'ticket create with a priority': ({ access, seeded, random, marker }) => {
		const priority = random.maybePick(seeded.local.ticket_priorities.filter((row) => !row.is_default));
		if (!priority) return undefined;
		const subject = marker();
		return create(
			'ticket create with a priority',
			'tickets',
			{
				subject,
				customer: access.contact.customer,
				contact: access.contact.id,
				priority: seeded.real('ticket_priorities', priority.id),
			},
			'subject',
			subject,
		);
	},
	'ticket create for a colleague': ({ access, world, random, marker }) => {
		const colleague = pick(
			random,
			world.contacts,
			(row) => row.customer === access.contact.customer && row.id !== access.contact.id,
		);
		if (!colleague) return undefined;
		const subject = marker();
		return create(
			'ticket create for a colleague',
			'tickets',
			{ subject, customer: access.contact.customer, contact: colleague.id },
			'subject',
			subject,
		);
	},
	'ticket create without requester': ({ access, marker }) => {
		const subject = marker();
		return create(
			'ticket create without requester',
			'tickets',
			{ subject, customer: access.contact.customer },
			'subject',
			subject,
		);
	},
	'ticket update': (env) => {
		const ids =
			env.random.chance(0.6) && env.access.editableTickets.size > 0
				? env.access.editableTickets
				: readableIds(env, 'tickets');
		const ticket = pick(env.random, env.world.tickets, (row) => ids.has(keyOf(row.id)));
		if (!ticket) return undefined;
		return update('ticket update', 'tickets', ticket.id, {
			subject: env.marker(),
			status: env.random.pick(['open', 'pending', 'new', 'resolved', 'closed'] as const),
		});
	},
	'ticket update unreadable': (env) => {
		const ticket = pick(env.random, env.world.tickets, (row) => !readableIds(env, 'tickets').has(keyOf(row.id)));
		return ticket ? update('ticket update unreadable', 'tickets', ticket.id, { subject: env.marker() }) : undefined;
	},
	'ticket update priority': (env) => {
		const ticket = pick(
			env.random,
			env.world.tickets,
			(row) => env.access.editableTickets.has(keyOf(row.id)) || readableIds(env, 'tickets').has(keyOf(row.id)),
		);
		const priority = ticket ? other(env.random, env.seeded.local.ticket_priorities, null) : undefined;
		return ticket && priority
			? update('ticket update priority', 'tickets', ticket.id, {
					priority: env.seeded.real('ticket_priorities', priority.id),
				})
			: undefined;
	},
	'ticket update customer, requester or assignee': (env) => {
		const ticket = pick(env.random, env.world.tickets, (row) => env.access.editableTickets.has(keyOf(row.id)));
		if (!ticket) return undefined;
		const field = env.random.pick(['customer', 'contact', 'assignee'] as const);
		const value =
			field === 'customer'
				? other(env.random, env.world.customers, ticket.customer)?.id
				: field === 'contact'
					? other(env.random, env.world.contacts, ticket.contact)?.id
					: env.random.pick(env.world.staff).id;
		return value === undefined
			? undefined
			: update('ticket update customer, requester or assignee', 'tickets', ticket.id, { [field]: value });
	},
	'ticket delete': (env) => {
		const ticket = pick(env.random, env.world.tickets, (row) => readableIds(env, 'tickets').has(keyOf(row.id)));
		if (!ticket) return undefined;
		return {
			name: 'ticket delete',
			request: { collection: 'tickets', action: 'delete', id: ticket.id, data: {} },
			method: 'DELETE',
			path: `/items/tickets/${keyOf(ticket.id)}`,
			observe: { kind: 'row', path: `/items/tickets/${keyOf(ticket.id)}?fields=id,subject,customer` },
		};
	},
	'comment reply': (env) => {
		const ticket = pick(env.random, env.world.tickets, (row) => readableIds(env, 'tickets').has(keyOf(row.id)));
		const body = env.marker();
		return ticket ? create('comment reply', 'ticket_comments', { ticket: ticket.id, body }, 'body', body) : undefined;
	},
	'comment on an unreadable ticket': (env) => {
		const ticket = pick(env.random, env.world.tickets, (row) => !readableIds(env, 'tickets').has(keyOf(row.id)));
		const body = env.marker();
		return ticket
			? create('comment on an unreadable ticket', 'ticket_comments', { ticket: ticket.id, body }, 'body', body)
			: undefined;
	},
	'comment marked internal or by someone else': (env) => {
		const ticket = pick(env.random, env.world.tickets, (row) => readableIds(env, 'tickets').has(keyOf(row.id)));
		const someone = other(env.random, env.world.contacts, env.access.contact.id);
		if (!ticket || !someone) return undefined;
		const body = env.marker();
		const pinned = env.random.chance(0.5) ? { is_internal: true } : { author_contact: someone.id };
		return create(
			'comment marked internal or by someone else',
			'ticket_comments',
			{ ticket: ticket.id, body, ...pinned },
			'body',
			body,
		);
	},
	'participant add': (env) => {
		const ticket = pick(env.random, env.world.tickets, (row) => readableIds(env, 'tickets').has(keyOf(row.id)));
		if (!ticket) return undefined;
		const colleague = other(env.random, env.world.contacts, null);
		if (!colleague) return undefined;
		return {
			name: 'participant add',
			request: {
				collection: 'ticket_participants',
				action: 'create',
				data: { ticket: ticket.id, contact: colleague.id, kind: 'cc' },
			},
			method: 'POST',
			path: '/items/ticket_participants',
			body: { ticket: ticket.id, contact: colleague.id, kind: 'cc' },
			observe: {
				kind: 'count',
				path: `/items/ticket_participants?filter[ticket][_eq]=${keyOf(ticket.id)}&aggregate[count]=*`,
			},
		};
	},
	'note add': (env) => {
		const project = pick(env.random, env.world.projects, (row) => readableIds(env, 'projects').has(keyOf(row.id)));
		const body = env.marker();
		return project ? create('note add', 'project_notes', { project: project.id, body }, 'body', body) : undefined;
	},
	'note on an unreadable project or marked internal': (env) => {
		const unreadable = env.random.chance(0.5);
		const project = pick(
			env.random,
			env.world.projects,
			(row) => readableIds(env, 'projects').has(keyOf(row.id)) !== unreadable,
		);
		const body = env.marker();
		return project
			? create(
					'note on an unreadable project or marked internal',
					'project_notes',
					{ project: project.id, body, ...(unreadable ? {} : { is_internal: true }) },
					'body',
					body,
				)
			: undefined;
	},
	'issue raise': (env) => {
		const readable = env.random.chance(0.7);
		const project = pick(
			env.random,
			env.world.projects,
			(row) => readableIds(env, 'projects').has(keyOf(row.id)) === readable,
		);
		const title = env.marker();
		return project
			? create(
					readable ? 'issue raise' : 'issue on an unreadable project',
					'project_issues',
					{ project: project.id, title, description: 'From the oracle' },
					'title',
					title,
				)
			: undefined;
	},
	'device add': ({ access, marker, random }) => {
		const name = marker();
		const body: Record<string, unknown> = {
			name,
			type: 'other',
			serial: `S-${name}`,
			customer: access.contact.customer,
			created_by_contact: access.contact.id,
			location: access.contact.location,
		};
		if (random.chance(0.25)) body['admin_password'] = 'chosen-by-contact';
		return create(
			body['admin_password'] ? 'device add with admin_password' : 'device add',
			'devices',
			body,
			'name',
			name,
		);
	},
	'device add for another customer': ({ access, world, random, marker }) => {
		const customer = other(random, world.customers, access.contact.customer);
		const name = marker();
		return customer
			? create(
					'device add for another customer',
					'devices',
					{ name, type: 'other', customer: customer.id, created_by_contact: access.contact.id },
					'name',
					name,
				)
			: undefined;
	},
	'device update': (env) => {
		const readable = env.random.chance(0.7);
		const device = pick(
			env.random,
			env.world.devices,
			(row) => readableIds(env, 'devices').has(keyOf(row.id)) === readable,
		);
		return device
			? update(readable ? 'device update' : 'device update unreadable', 'devices', device.id, {
					name: env.marker(),
					serial: 'S-updated',
				})
			: undefined;
	},
	'device update protected field': (env) => {
		const device = pick(env.random, env.world.devices, (row) => readableIds(env, 'devices').has(keyOf(row.id)));
		if (!device) return undefined;
		const change = env.random.pick([
			{ admin_password: env.marker() },
			{ customer: other(env.random, env.world.customers, device.customer)?.id ?? null },
			{ created_by_contact: env.access.contact.id },
		]);
		return update('device update protected field', 'devices', device.id, change);
	},
	"device at another customer's location": (env) => {
		// Another customer's, or one below theirs: readable to a customer_tree contact, and still not the device's customer's.
		const location = pick(
			env.random,
			env.world.locations,
			(row) => keyOf(row.customer) !== keyOf(env.access.contact.customer),
		);
		if (!location) return undefined;
		const device = env.random.chance(0.5)
			? pick(env.random, env.world.devices, (row) => readableIds(env, 'devices').has(keyOf(row.id)))
			: undefined;
		if (device)
			return update("device moved to another customer's location", 'devices', device.id, { location: location.id });
		const name = env.marker();
		return create(
			"device added at another customer's location",
			'devices',
			{
				name,
				type: 'other',
				customer: env.access.contact.customer,
				created_by_contact: env.access.contact.id,
				location: location.id,
			},
			'name',
			name,
		);
	},
	'quote decide': (env) => {
		const quote = pick(
			env.random,
			env.world.quotes,
			(row) => row.customer === env.access.contact.customer && row.status === 'pending',
		);
		return quote
			? update('quote decide', 'quotes', quote.id, { status: env.random.pick(['approved', 'declined'] as const) })
			: undefined;
	},
	'quote decide again, elsewhere or more': (env) => {
		const variant = env.random.int(0, 3);
		const own = (row: World['quotes'][number]): boolean => row.customer === env.access.contact.customer;
		const quote =
			variant === 0
				? pick(env.random, env.world.quotes, (row) => own(row) && row.status !== 'pending')
				: variant === 1
					? pick(env.random, env.world.quotes, (row) => !own(row) && row.status === 'pending')
					: pick(env.random, env.world.quotes, (row) => own(row) && row.status === 'pending');
		if (!quote) return undefined;
		const body: Record<string, unknown> =
			variant === 2
				? { status: 'approved', total: 1 }
				: variant === 3
					? { status: 'declined', decided_by: other(env.random, env.world.contacts, env.access.contact.id)?.id ?? null }
					: { status: 'approved' };
		return update('quote decide again, elsewhere or more', 'quotes', quote.id, body);
	},
	'quote decision fields without a decision': (env) => {
		const quote = pick(
			env.random,
			env.world.quotes,
			(row) => row.customer === env.access.contact.customer && row.status === 'pending',
		);
		const body = env.random.chance(0.5)
			? { decided_by: env.access.contact.id }
			: { decided_at: '2020-01-01T00:00:00Z' };
		return quote ? update('quote decision fields without a decision', 'quotes', quote.id, body) : undefined;
	},
	'invoice update': (env) => {
		const invoice = pick(env.random, env.world.invoices, (row) => row.customer === env.access.contact.customer);
		return invoice ? update('invoice update', 'invoices', invoice.id, { status: 'paid', total: 1 }) : undefined;
	},
	'own profile': ({ access, marker, random }) =>
		update(
			'own profile',
			'contacts',
			access.contact.id,
			random.chance(0.5) ? { first_name: marker(), phone: '+1 555 0100' } : { last_name: marker() },
		),
	"colleague's profile": (env) => {
		const colleague = pick(
			env.random,
			env.world.contacts,
			(row) => row.id !== env.access.contact.id && readableIds(env, 'contacts').has(keyOf(row.id)),
		);
		return colleague
			? update("colleague's profile", 'contacts', colleague.id, { first_name: env.marker() })
			: undefined;
	},
	'own contact: customer, group, user or e-mail': (env) => {
		const field = env.random.pick(['customer', 'portal_group', 'user', 'email', 'status'] as const);
		const value =
			field === 'customer'
				? (other(env.random, env.world.customers, env.access.contact.customer)?.id ?? null)
				: field === 'portal_group'
					? (env.world.portal_groups.find(
							(group) => group.name === 'Administrator' && keyOf(group.id) !== keyOf(env.access.group?.id ?? ''),
						)?.id ?? null)
					: field === 'user'
						? null
						: field === 'email'
							? `${env.marker()}@oracle.example.com`
							: 'inactive';
		return {
			...update('own contact: customer, group, user or e-mail', 'contacts', env.access.contact.id, { [field]: value }),
			last: true,
		};
	},
	'own user profile': ({ access, marker }) => {
		const me = keyOf(access.contact.user ?? '');
		const body = { first_name: marker(), language: 'de-DE' };
		return {
			name: 'own user profile',
			request: { collection: 'directus_users', action: 'update', id: me, data: body },
			method: 'PATCH',
			path: '/users/me',
			body,
			observe: { kind: 'row', path: `/users/${me}?fields=first_name,last_name,language,email,status,role,policies` },
		};
	},
	'own user role, status or policies': ({ access, seeded, random }) => {
		const me = keyOf(access.contact.user ?? '');
		const variant = random.int(0, 2);
		const body: Record<string, unknown> =
			variant === 0
				? { role: seeded.admin.roleId }
				: variant === 1
					? { status: 'active' }
					: { policies: { create: [{ policy: seeded.admin.policyId }], update: [], delete: [] } };
		return {
			name: 'own user role, status or policies',
			request: { collection: 'directus_users', action: 'update', id: me, data: body },
			method: 'PATCH',
			path: '/users/me',
			body,
			observe: { kind: 'row', path: `/users/${me}?fields=first_name,last_name,language,email,status,role,policies` },
			last: true,
		};
	},
	'system: permission': ({ access, world }) => {
		const policy = world.portal_groups.find((group) => keyOf(group.id) === keyOf(access.group?.id ?? ''));
		const body = {
			policy: policy?.policy ?? null,
			collection: 'devices',
			action: 'read',
			fields: ['*'],
			permissions: {},
		};
		return {
			name: 'system: permission',
			request: { collection: 'directus_permissions', action: 'create', data: body },
			method: 'POST',
			path: '/permissions',
			body,
			observe: { kind: 'count', path: '/permissions?aggregate[count]=*' },
		};
	},
	'system: policy': ({ marker }) => {
		const name = marker();
		const body = { name, admin_access: true, app_access: true };
		return {
			name: 'system: policy',
			request: { collection: 'directus_policies', action: 'create', data: body },
			method: 'POST',
			path: '/policies',
			body,
			observe: { kind: 'created', path: `/policies?filter[name][_eq]=${enc(name)}&fields=id,name` },
		};
	},
	'system: access': ({ access, seeded }) => {
		const me = keyOf(access.contact.user ?? '');
		const body = { user: me, policy: seeded.admin.policyId };
		return {
			name: 'system: access',
			request: { collection: 'directus_access', action: 'create', data: body },
			method: 'POST',
			path: '/access',
			body,
			observe: { kind: 'count', path: `/access?filter[user][_eq]=${me}&aggregate[count]=*` },
		};
	},
	'system: share': ({ world, marker, random }) => {
		const name = marker();
		const ticket = random.maybePick(world.tickets);
		const body = { name, collection: 'tickets', item: keyOf(ticket?.id ?? 1) };
		return {
			name: 'system: share',
			request: { collection: 'directus_shares', action: 'create', data: body },
			method: 'POST',
			path: '/shares',
			body,
			observe: { kind: 'created', path: `/shares?filter[name][_eq]=${enc(name)}&fields=id,name` },
		};
	},
	'system: preset': ({ access, marker }) => {
		const bookmark = marker();
		const body = { bookmark, collection: 'tickets', user: keyOf(access.contact.user ?? '') };
		return {
			name: 'system: preset',
			request: { collection: 'directus_presets', action: 'create', data: body },
			method: 'POST',
			path: '/presets',
			body,
			observe: { kind: 'created', path: `/presets?filter[bookmark][_eq]=${enc(bookmark)}&fields=id` },
		};
	},
	'system: file import': ({ marker, url }) => {
		const title = marker();
		const body = { url: `${url}/server/ping`, data: { title } };
		return {
			name: 'system: file import',
			request: { collection: 'directus_files', action: 'create', data: body },
			method: 'POST',
			path: '/files/import',
			body,
			observe: { kind: 'created', path: `/files?filter[title][_eq]=${enc(title)}&fields=id` },
		};
	},
	'system: file upload': ({ marker }) => {
		const title = marker();
		return {
			name: 'system: file upload',
			request: { collection: 'directus_files', action: 'create', data: { title } },
			method: 'POST',
			path: '/files',
			form: () => {
				const form = new FormData();
				form.append('title', title);
				form.append('file', new Blob(['uploaded by a contact\n'], { type: 'text/plain' }), `${title}.txt`);
				return form;
			},
			observe: { kind: 'created', path: `/files?filter[title][_eq]=${enc(title)}&fields=id` },
		};
	},
	'customer create or rename': ({ access, marker, random }) => {
		const name = marker();
		return random.chance(0.5)
			? create('customer create', 'customers', { name, parent: access.contact.customer }, 'name', name)
			: update('customer rename', 'customers', access.contact.customer, { name, visible_to_parent: true });
	},
	'location add': ({ access, marker }) => {
		const name = marker();
		return create('location add', 'locations', { name, customer: access.contact.customer }, 'name', name);
	},
	'customer_tree row': ({ access, world, random }) => {
		const customer = other(random, world.customers, access.contact.customer);
		if (!customer) return undefined;
		const body = { customer: customer.id, ancestor: access.contact.customer, depth: 1 };
		return {
			name: 'customer_tree row',
			request: { collection: 'customer_tree', action: 'create', data: body },
			method: 'POST',
			path: '/items/customer_tree',
			body,
			observe: {
				kind: 'count',
				path: `/items/customer_tree?filter[ancestor][_eq]=${keyOf(access.contact.customer)}&aggregate[count]=*`,
			},
		};
	},
	'ticket_followers row': ({ access, world, random }) => {
		// Following someone else's ticket would make it the contact's own.
		const ticket = random.maybePick(
			world.tickets.filter((candidate) => keyOf(candidate.customer) !== keyOf(access.contact.customer)),
		);
		if (!ticket) return undefined;
		const body = { ticket: ticket.id, contact: access.contact.id };
		return {
			name: 'ticket_followers row',
			request: { collection: 'ticket_followers', action: 'create', data: body },
			method: 'POST',
			path: '/items/ticket_followers',
			body,
			observe: {
				kind: 'count',
				path: `/items/ticket_followers?filter[contact][_eq]=${keyOf(access.contact.id)}&aggregate[count]=*`,
			},
		};
	},
	'portal group or settings': ({ access, world, marker, random }) => {
		const variant = random.int(0, 2);
		if (variant === 0) {
			const name = marker();
			return create(
				'portal group create',
				'portal_groups',
				{ name, permissions: { 'tickets.view': 'customer_tree', 'invoices.view': true } },
				'name',
				name,
			);
		}
		if (variant === 1 && access.group)
			return update('portal group update', 'portal_groups', access.group.id, {
				permissions: { ...access.group.permissions, 'invoices.view': true, 'tickets.view': 'customer_tree' },
			});
		const body = { parent_visibility: !world.settings.parent_visibility };
		return {
			name: 'portal settings update',
			request: { collection: 'portal_settings', action: 'update', data: body },
			method: 'PATCH',
			path: '/items/portal_settings',
			body,
			observe: { kind: 'row', path: '/items/portal_settings?fields=*' },
		};
	},
	'knowledge article': ({ marker }) => {
		const title = marker();
		return create('knowledge article', 'kb_articles', { title, status: 'published', audience: 'all' }, 'title', title);
	},
};

export const probeNames = Object.keys(probes);

/** The attempt of one probe for the contact, or undefined when the world offers no target for it. */
export function buildProbe(name: string, env: ProbeEnv): WriteAttempt | undefined {
	return probes[name]?.(env);
}
