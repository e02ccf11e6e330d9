/**
 * The leak oracle's reference model: docs/access-model.md as a pure function of a world. Given a
 * contact, it says which rows of every collection they may read, which fields, and whether a write is
 * allowed and what it stores. Written from the specification and the catalogue only, never from the
 * product's compiler, so the two can be compared.
 */
import type { GroupPermissions } from '../../src/catalogue/capabilities.ts';
import { groupGrantsNothing, normalisePermissions } from './normalise-permissions.ts';
import { type ContactRow, type GroupRow, type Id, type World } from './world.ts';

/** Ids are compared as text: Directus answers numbers for the help desk's keys and uuids for files and users. */
export function keyOf(id: Id): string {
	return String(id);
}

function same(a: Id | null | undefined, b: Id | null | undefined): boolean {
	return a !== null && a !== undefined && b !== null && b !== undefined && keyOf(a) === keyOf(b);
}

/** Collections whose rows a contact may read, by Directus's names. */
export const readableCollections = [
	'customers',
	'contacts',
	'locations',
	'tickets',
	'ticket_priorities',
	'ticket_participants',
	'ticket_comments',
	'ticket_attachments',
	'directus_files',
	'projects',
	'project_members',
	'project_tasks',
	'project_notes',
	'project_issues',
	'project_charges',
	'project_calendar_items',
	'project_attachments',
	'devices',
	'kb_articles',
	'documents',
	'invoices',
	'quotes',
	'directus_users',
] as const;
export type ReadableCollection = (typeof readableCollections)[number];

/** Collections nobody in the portal may read, ever (the specification's "Nothing at all on"). */
export const unreadableCollections = [
	'portal_groups',
	'portal_settings',
	'customer_tree',
	'ticket_followers',
	'kb_article_customers',
	'document_customers',
	'directus_policies',
	'directus_permissions',
	'directus_access',
	'directus_roles',
	'directus_shares',
	'directus_revisions',
	'directus_activity',
	'directus_versions',
	'directus_flows',
	'directus_operations',
	'directus_settings',
	'directus_folders',
	'directus_comments',
	'directus_notifications',
] as const;

/** What a contact may read of one collection. */
export interface Readable {
	ids: Set<string>;
	/** Fields readable on every readable row. */
	fields: Set<string>;
	/** Fields a row may show besides `fields` without it being a leak (a contact's own row). */
	tolerated: Map<string, Set<string>>;
}

export interface ContactAccess {
	contact: ContactRow;
	/** The effective group: the contact's own, else the default group of the settings. */
	group: GroupRow | null;
	permissions: GroupPermissions;
	/** False when the specification does not say (no group and no default group): such contacts are not judged. */
	specified: boolean;
	canSignIn: boolean;
	/** {C} ∪ tree(C) when tickets or projects are seen for the customer tree, else {C}. */
	readableCustomers: Set<string>;
	reads: Record<ReadableCollection, Readable>;
	/** Tickets the contact may edit: tickets.edit clamped to tickets.view, and only tickets they read. */
	editableTickets: Set<string>;
}

const ticketFields = [
	'id',
	'status',
	'subject',
	'description',
	'customer',
	'contact',
	'date_created',
	'date_updated',
	'participants',
	'comments',
];
const projectFields = [
	'id',
	'name',
	'description',
	'status',
	'start_date',
	'end_date',
	'customer',
	'date_created',
	'date_updated',
	'members',
];
const deviceFields = [
	'id',
	'name',
	'type',
	'serial',
	'customer',
	'location',
	'created_by_contact',
	'date_created',
	'date_updated',
];
const articleFields = ['id', 'title', 'body', 'audience', 'date_created', 'date_updated'];
export const fileFields = ['id', 'title', 'type', 'filesize', 'filename_download', 'width', 'height', 'uploaded_on'];
export const userFields = ['id', 'first_name', 'last_name', 'email', 'language', 'status'];
/** "All fields" of invoices and quotes, as the schema defines them. */
const invoiceFields = ['id', 'number', 'status', 'total', 'issued_on', 'due_date', 'date_created', 'customer'];
const quoteFields = [
	'id',
	'title',
	'description',
	'total',
	'status',
	'valid_until',
	'decided_at',
	'date_created',
	'customer',
	'decided_by',
];
/** Sub-collections of projects: their fields (the specification restricts only estimated_hours of tasks). */
const projectSubFields = {
	project_tasks: ['id', 'name', 'status', 'start_date', 'due_date', 'estimated_hours', 'sort', 'project'],
	project_notes: ['id', 'body', 'is_internal', 'date_created', 'project', 'author_user', 'author_contact'],
	project_issues: ['id', 'title', 'description', 'status', 'date_created', 'project', 'reported_by_contact'],
	project_charges: ['id', 'description', 'quantity', 'unit_price', 'amount', 'charged_on', 'project'],
	project_calendar_items: ['id', 'title', 'starts_at', 'ends_at', 'place', 'project'],
	project_attachments: ['id', 'is_public', 'date_created', 'project', 'file'],
} as const;

/** The project capability that grants each sub-collection, and the alias it adds to projects. */
const projectSubCollections = [
	['project_tasks', 'projects.schedule', 'tasks'],
	['project_notes', 'projects.notes', 'notes'],
	['project_issues', 'projects.issues', 'issues'],
	['project_charges', 'projects.charges', 'charges'],
	['project_calendar_items', 'projects.calendar', 'calendar_items'],
	['project_attachments', 'projects.attachments', 'attachments'],
] as const;

function readable(ids: Iterable<Id>, fields: readonly string[]): Readable {
	return { ids: new Set([...ids].map(keyOf)), fields: new Set(fields), tolerated: new Map() };
}

/** The contact's effective group: their own, else the settings' default group. */
export function effectiveGroup(world: World, contact: ContactRow): GroupRow | null {
	const groupId = contact.portal_group ?? world.settings.default_group;
	return world.portal_groups.find((group) => same(group.id, groupId)) ?? null;
}

/**
 * tree(C): C and every customer below it reached only through customers with visible_to_parent = true
 * (a hidden customer hides its whole subtree). Just {C} when parent visibility is off.
 */
export function customerTree(world: World, customer: Id): Set<string> {
	const tree = new Set([keyOf(customer)]);
	if (!world.settings.parent_visibility) return tree;
	const pending = [keyOf(customer)];
	while (pending.length > 0) {
		const current = pending.pop();
		for (const child of world.customers) {
			if (
				child.parent === null ||
				keyOf(child.parent) !== current ||
				!child.visible_to_parent ||
				tree.has(keyOf(child.id))
			)
				continue;
			tree.add(keyOf(child.id));
			pending.push(keyOf(child.id));
		}
	}
	return tree;
}

function scopeCustomers(world: World, contact: ContactRow, scope: string): Set<string> {
	if (scope === 'customer') return new Set([keyOf(contact.customer)]);
	if (scope === 'customer_tree') return customerTree(world, contact.customer);
	return new Set();
}

/** Tickets within a tickets.view / tickets.edit scope. */
function ticketsInScope(world: World, contact: ContactRow, scope: string): Set<string> {
	if (scope === 'none') return new Set();
	if (scope === 'own') {
		const following = new Set(
			world.ticket_participants.filter((row) => same(row.contact, contact.id)).map((row) => keyOf(row.ticket)),
		);
		return new Set(
			world.tickets
				.filter((ticket) => same(ticket.contact, contact.id) || following.has(keyOf(ticket.id)))
				.map((ticket) => keyOf(ticket.id)),
		);
	}
	const customers = scopeCustomers(world, contact, scope);
	return new Set(
		world.tickets.filter((ticket) => customers.has(keyOf(ticket.customer))).map((ticket) => keyOf(ticket.id)),
	);
}

function projectsInScope(world: World, contact: ContactRow, scope: string): Set<string> {
	if (scope === 'none') return new Set();
	if (scope === 'member') {
		return new Set(
			world.project_members.filter((row) => same(row.contact, contact.id)).map((row) => keyOf(row.project)),
		);
	}
	const customers = scopeCustomers(world, contact, scope);
	return new Set(
		world.projects.filter((project) => customers.has(keyOf(project.customer))).map((project) => keyOf(project.id)),
	);
}

function devicesInScope(world: World, contact: ContactRow, permissions: GroupPermissions): Id[] {
	const access = permissions['devices.access'];
	const scope = permissions['devices.scope'];
	if (access === 'none' || scope === 'none') return [];
	return world.devices
		.filter((device) => same(device.customer, contact.customer))
		.filter(
			(device) =>
				scope === 'all' ||
				same(device.created_by_contact, contact.id) ||
				(contact.location !== null && same(device.location, contact.location)) ||
				(scope === 'created_location_or_unlocated' && device.location === null),
		)
		.map((device) => device.id);
}

/** Published articles meant for everyone or for the contact's customer (through the junction). */
function publishedFor(articles: World['kb_articles'], junction: { owner: Id; customer: Id }[], customer: Id): Id[] {
	const selected = new Set(junction.filter((row) => same(row.customer, customer)).map((row) => keyOf(row.owner)));
	return articles
		.filter(
			(article) => article.status === 'published' && (article.audience === 'all' || selected.has(keyOf(article.id))),
		)
		.map((article) => article.id);
}

/** Everything a contact may read, and the tickets they may edit. */
export function accessOf(world: World, contactId: Id): ContactAccess {
	const contact = world.contacts.find((row) => same(row.id, contactId));
	if (!contact) throw new Error(`No contact ${contactId} in world ${world.tag}.`);
	const group = effectiveGroup(world, contact);
	const permissions = normalisePermissions(group?.permissions);
	const specified = group !== null;
	const canSignIn = group !== null && contact.user !== null && !groupGrantsNothing(permissions);

	const viewScope = permissions['tickets.view'];
	const projectScope = permissions['projects.view'];
	const readableCustomers =
		viewScope === 'customer_tree' || projectScope === 'customer_tree'
			? customerTree(world, contact.customer)
			: new Set([keyOf(contact.customer)]);

	const tickets = ticketsInScope(world, contact, viewScope);
	const participants = world.ticket_participants.filter((row) => tickets.has(keyOf(row.ticket)));
	const comments = world.ticket_comments.filter((row) => !row.is_internal && tickets.has(keyOf(row.ticket)));
	const ticketAttachments =
		permissions['tickets.attachments'] === 'public'
			? world.ticket_attachments.filter((row) => row.is_public && tickets.has(keyOf(row.ticket)))
			: [];

	const projects = projectsInScope(world, contact, projectScope);
	const ofProjects = <T extends { project: Id }>(
		rows: T[],
		capability: keyof GroupPermissions,
		keep: (row: T) => boolean = () => true,
	): T[] =>
		permissions[capability] === true ? rows.filter((row) => projects.has(keyOf(row.project)) && keep(row)) : [];
	const projectAttachments = ofProjects(world.project_attachments, 'projects.attachments', (row) => row.is_public);

	const files = new Set([...ticketAttachments, ...projectAttachments].map((row) => keyOf(row.file)));
	const seesHours = permissions['projects.estimated_hours'];

	const projectFieldList = [
		...projectFields,
		...projectSubCollections.filter(([, capability]) => permissions[capability] === true).map(([, , alias]) => alias),
		...(seesHours ? ['estimated_hours'] : []),
	];

	const contactsRead = readable(
		world.contacts.filter((row) => readableCustomers.has(keyOf(row.customer))).map((row) => row.id),
		['id', 'first_name', 'last_name', 'email', 'phone', 'customer', 'location'],
	);
	// "Never user, portal_group, status of others": on their own row the contact may see them.
	contactsRead.tolerated.set(keyOf(contact.id), new Set(['user', 'portal_group', 'status']));

	// The relation lists the spec allows beside the plain fields (docs/access-model.md): each lists only rows
	// of a collection the contact may read, so they show nothing the model does not allow anyway.
	const customerLists = [
		'children',
		'contacts',
		'locations',
		...(permissions['tickets.view'] !== 'none' ? ['tickets'] : []),
		...(permissions['projects.view'] !== 'none' ? ['projects'] : []),
		...(permissions['devices.access'] !== 'none' && permissions['devices.scope'] !== 'none' ? ['devices'] : []),
		...(permissions['invoices.view'] ? ['invoices'] : []),
		...(permissions['quotes.decide'] ? ['quotes'] : []),
	];
	const publicTicketAttachments =
		permissions['tickets.view'] !== 'none' && permissions['tickets.attachments'] === 'public';
	const fileLists = [
		...(publicTicketAttachments ? ['ticket_attachments'] : []),
		...(permissions['projects.view'] !== 'none' && permissions['projects.attachments'] ? ['project_attachments'] : []),
	];

	const reads: Record<ReadableCollection, Readable> = {
		customers: readable([...readableCustomers], ['id', 'name', 'parent', 'status', ...customerLists]),
		contacts: contactsRead,
		locations: readable(
			world.locations.filter((row) => readableCustomers.has(keyOf(row.customer))).map((row) => row.id),
			['id', 'name', 'customer', 'contacts'],
		),
		tickets: readable(tickets, [
			...ticketFields,
			...(publicTicketAttachments ? ['attachments'] : []),
			...(permissions['tickets.view_priority'] ? ['priority'] : []),
		]),
		ticket_priorities: readable(
			permissions['tickets.view_priority'] || permissions['tickets.set_priority']
				? world.ticket_priorities.map((row) => row.id)
				: [],
			['id', 'name', 'sort', 'color', 'is_default'],
		),
		ticket_participants: readable(
			participants.map((row) => row.id),
			['id', 'ticket', 'contact', 'kind'],
		),
		ticket_comments: readable(
			comments.map((row) => row.id),
			['id', 'ticket', 'body', 'is_internal', 'author_contact', 'author_user', 'date_created'],
		),
		ticket_attachments: readable(
			ticketAttachments.map((row) => row.id),
			['id', 'ticket', 'file', 'is_public', 'date_created'],
		),
		directus_files: readable(files, [...fileFields, ...fileLists]),
		projects: readable(projects, projectFieldList),
		project_members: readable(
			world.project_members.filter((row) => projects.has(keyOf(row.project))).map((row) => row.id),
			['id', 'project', 'contact'],
		),
		project_tasks: readable(
			ofProjects(world.project_tasks, 'projects.schedule').map((row) => row.id),
			projectSubFields.project_tasks.filter((field) => seesHours || field !== 'estimated_hours'),
		),
		project_notes: readable(
			ofProjects(world.project_notes, 'projects.notes', (row) => !row.is_internal).map((row) => row.id),
			projectSubFields.project_notes,
		),
		project_issues: readable(
			ofProjects(world.project_issues, 'projects.issues').map((row) => row.id),
			projectSubFields.project_issues,
		),
		project_charges: readable(
			ofProjects(world.project_charges, 'projects.charges').map((row) => row.id),
			projectSubFields.project_charges,
		),
		project_calendar_items: readable(
			ofProjects(world.project_calendar_items, 'projects.calendar').map((row) => row.id),
			projectSubFields.project_calendar_items,
		),
		project_attachments: readable(
			projectAttachments.map((row) => row.id),
			projectSubFields.project_attachments,
		),
		devices: readable(devicesInScope(world, contact, permissions), [
			...deviceFields,
			...permissions['devices.extra_fields'],
		]),
		kb_articles: readable(
			permissions['kb.view']
				? publishedFor(
						world.kb_articles,
						world.kb_article_customers.map((row) => ({ owner: row.article, customer: row.customer })),
						contact.customer,
					)
				: [],
			articleFields,
		),
		documents: readable(
			permissions['docs.view']
				? publishedFor(
						world.documents,
						world.document_customers.map((row) => ({ owner: row.document, customer: row.customer })),
						contact.customer,
					)
				: [],
			articleFields,
		),
		invoices: readable(
			permissions['invoices.view']
				? world.invoices.filter((row) => same(row.customer, contact.customer)).map((row) => row.id)
				: [],
			invoiceFields,
		),
		quotes: readable(
			permissions['quotes.decide']
				? world.quotes.filter((row) => same(row.customer, contact.customer)).map((row) => row.id)
				: [],
			quoteFields,
		),
		directus_users: readable(contact.user === null ? [] : [contact.user], userFields),
	};

	return {
		contact,
		group,
		permissions,
		specified,
		canSignIn,
		readableCustomers,
		reads,
		// "Tickets they follow" reaches tickets they cannot see (a participant on another customer's ticket, a follower
		// moved to another customer): what they may edit is what they may see, too.
		editableTickets: new Set(
			[...ticketsInScope(world, contact, permissions['tickets.edit'])].filter((ticket) =>
				reads.tickets.ids.has(ticket),
			),
		),
	};
}

/** The priorities a new ticket without one may get: the default one(s), else those with the lowest sort. */
export function defaultPriorities(world: World): Id[] {
	const defaults = world.ticket_priorities.filter((row) => row.is_default);
	if (defaults.length > 0) return defaults.map((row) => row.id);
	const lowest = Math.min(...world.ticket_priorities.map((row) => row.sort));
	return world.ticket_priorities.filter((row) => row.sort === lowest).map((row) => row.id);
}

/** A write a contact attempts, by Directus collection name (`directus_users` for /users, …). */
export interface WriteRequest {
	collection: string;
	action: 'create' | 'update' | 'delete';
	id?: Id;
	data: Record<string, unknown>;
}

/** What a stored field must hold after a write that succeeded. */
export type Expected = { kind: 'value'; value: unknown } | { kind: 'one-of'; values: unknown[] } | { kind: 'recent' };

/**
 * `allowed`: must succeed and store `expect`. `refused`: must answer 4xx and change nothing.
 * `refused-or-coerced`: the request sets a field the server pins (is_internal, author_contact, …): either
 * refused, or accepted with the pinned values stored.
 */
export type WriteVerdict =
	| { outcome: 'allowed'; expect: Record<string, Expected> }
	| { outcome: 'refused'; reason: string }
	| { outcome: 'refused-or-coerced'; expect: Record<string, Expected>; reason: string };

const value = (stored: unknown): Expected => ({ kind: 'value', value: stored });

function refused(reason: string): WriteVerdict {
	return { outcome: 'refused', reason };
}

/**
 * Judges one write against the specification's "Writes" section. `writable` are the fields the request
 * may set; `pinned` the fields the server forces (sending them is refused or overridden).
 */
function judgeFields(
	data: Record<string, unknown>,
	writable: readonly string[],
	pinned: Record<string, Expected>,
	stored: Record<string, Expected>,
): WriteVerdict {
	const keys = Object.keys(data);
	const foreign = keys.filter((key) => !writable.includes(key) && !(key in pinned));
	if (foreign.length > 0) return refused(`field(s) ${foreign.join(', ')} are not writable`);
	const expect: Record<string, Expected> = { ...stored, ...pinned };
	for (const key of keys) if (writable.includes(key)) expect[key] = value(data[key]);
	const sentPinned = keys.filter((key) => key in pinned);
	if (sentPinned.length > 0)
		return { outcome: 'refused-or-coerced', expect, reason: `the server pins ${sentPinned.join(', ')}` };
	return { outcome: 'allowed', expect };
}

/**
 * A device a contact writes stands at no location, or at one of the contact's customer's (every device they may
 * write is that customer's): not at a location of another customer, nor of one below theirs.
 */
function atOwnLocation(world: World, contact: ContactRow, data: Record<string, unknown>): boolean {
	const location = data['location'];
	if (location === undefined || location === null) return true;
	return world.locations.some((row) => same(row.id, location as Id) && same(row.customer, contact.customer));
}

/** Whether a write is allowed for the contact, and what a successful one stores. */
export function judgeWrite(world: World, access: ContactAccess, request: WriteRequest): WriteVerdict {
	const { contact, permissions, reads } = access;
	if (!access.canSignIn) return refused('the contact cannot sign in');
	const { data } = request;
	const target = request.id === undefined ? undefined : keyOf(request.id);
	const operation = `${request.collection}.${request.action}`;

	switch (operation) {
		case 'tickets.create': {
			if (!permissions['tickets.create']) return refused('no tickets.create');
			if (!same(data['customer'] as Id | undefined, contact.customer))
				return refused('a ticket must be for their own customer');
			if ('contact' in data && !same(data['contact'] as Id | undefined, contact.id))
				return refused('a ticket must be requested by themselves');
			const writable = [
				'subject',
				'description',
				'customer',
				'contact',
				...(permissions['tickets.set_priority'] ? ['priority'] : []),
			];
			const priority: Expected =
				'priority' in data && permissions['tickets.set_priority']
					? value(data['priority'])
					: { kind: 'one-of', values: defaultPriorities(world) };
			const verdict = judgeFields(
				data,
				writable,
				{},
				{ customer: value(contact.customer), contact: value(contact.id), priority },
			);
			if (verdict.outcome === 'allowed' && !('contact' in data))
				return { outcome: 'refused-or-coerced', expect: verdict.expect, reason: 'the requester must be themselves' };
			return verdict;
		}
		case 'tickets.update': {
			if (target === undefined || !access.editableTickets.has(target)) return refused('ticket outside the edit scope');
			// Written out here rather than imported: the model states the rule independently of the compiler.
			if ('status' in data && !['open', 'resolved', 'closed'].includes(String(data['status'])))
				return refused('a contact may only reopen, resolve or close a ticket');
			return judgeFields(
				data,
				['subject', 'description', 'status', ...(permissions['tickets.set_priority'] ? ['priority'] : [])],
				{},
				{},
			);
		}
		case 'ticket_comments.create': {
			if (!permissions['tickets.reply']) return refused('no tickets.reply');
			if (!reads.tickets.ids.has(keyOf(data['ticket'] as Id))) return refused('the ticket is not readable');
			return judgeFields(
				data,
				['ticket', 'body'],
				{ is_internal: value(false), author_contact: value(contact.id) },
				{},
			);
		}
		case 'ticket_participants.create': {
			if (!permissions['tickets.cc']) return refused('no tickets.cc');
			if ('kind' in data) return refused('the kind of a participant is not theirs to choose');
			const ticket = data['ticket'] as Id | undefined;
			const person = data['contact'] as Id | undefined;
			if (ticket === undefined || !reads.tickets.ids.has(keyOf(ticket))) return refused('the ticket is not readable');
			if (!world.contacts.some((row) => same(row.id, person) && same(row.customer, contact.customer)))
				return refused('only a colleague of their own customer may be added');
			const on =
				world.tickets.some((row) => same(row.id, ticket) && same(row.contact, person)) ||
				world.ticket_participants.some((row) => same(row.ticket, ticket) && same(row.contact, person));
			if (on) return refused('the person is already on the ticket');
			return judgeFields(data, ['ticket', 'contact'], {}, {});
		}
		case 'project_notes.create': {
			if (!permissions['projects.notes']) return refused('no projects.notes');
			if (!reads.projects.ids.has(keyOf(data['project'] as Id))) return refused('the project is not readable');
			return judgeFields(
				data,
				['project', 'body'],
				{ is_internal: value(false), author_contact: value(contact.id) },
				{},
			);
		}
		case 'project_issues.create': {
			if (!permissions['projects.issues']) return refused('no projects.issues');
			if (!reads.projects.ids.has(keyOf(data['project'] as Id))) return refused('the project is not readable');
			return judgeFields(data, ['project', 'title', 'description'], { reported_by_contact: value(contact.id) }, {});
		}
		case 'devices.create': {
			if (permissions['devices.access'] !== 'edit') return refused('devices.access is not edit');
			if (!atOwnLocation(world, contact, data)) return refused("a device's location must be one of its customer's");
			if (!same(data['customer'] as Id | undefined, contact.customer))
				return refused('a device must be for their own customer');
			if ('created_by_contact' in data && !same(data['created_by_contact'] as Id | undefined, contact.id))
				return refused('created_by_contact must be themselves');
			const verdict = judgeFields(
				data,
				['name', 'type', 'serial', 'location', 'customer', 'created_by_contact'],
				{},
				{ customer: value(contact.customer), created_by_contact: value(contact.id) },
			);
			if (verdict.outcome === 'allowed' && !('created_by_contact' in data))
				return {
					outcome: 'refused-or-coerced',
					expect: verdict.expect,
					reason: 'created_by_contact must be themselves',
				};
			return verdict;
		}
		case 'devices.update': {
			if (permissions['devices.access'] !== 'edit') return refused('devices.access is not edit');
			if (target === undefined || !reads.devices.ids.has(target)) return refused('the device is not readable');
			if (!atOwnLocation(world, contact, data)) return refused("a device's location must be one of its customer's");
			return judgeFields(data, ['name', 'type', 'serial', 'location'], {}, {});
		}
		case 'quotes.update': {
			if (!permissions['quotes.decide']) return refused('no quotes.decide');
			const quote = world.quotes.find((row) => keyOf(row.id) === target);
			if (!quote || !same(quote.customer, contact.customer)) return refused('not a quote of their customer');
			if (quote.status !== 'pending') return refused('the quote is already decided');
			if (data['status'] !== 'approved' && data['status'] !== 'declined')
				return refused('a decision is approved or declined');
			return judgeFields(data, ['status'], { decided_by: value(contact.id), decided_at: { kind: 'recent' } }, {});
		}
		case 'contacts.update': {
			if (!permissions['profile.edit']) return refused('no profile.edit');
			if (target !== keyOf(contact.id)) return refused('only their own contact');
			return judgeFields(data, ['first_name', 'last_name', 'phone'], {}, {});
		}
		case 'directus_users.update': {
			if (contact.user === null || target !== keyOf(contact.user)) return refused('only their own user');
			// Their language is always theirs to choose; their name with profile.edit.
			return judgeFields(
				data,
				permissions['profile.edit'] ? ['first_name', 'last_name', 'language'] : ['language'],
				{},
				{},
			);
		}
		default:
			return refused(`${operation} is not a portal write`);
	}
}
