/**
 * The leak oracle's reference model, rule by rule of docs/access-model.md, on the hand-built world of
 * tiny-world.ts. If the oracle and the product disagree, these tests say which side read the
 * specification right.
 */
import { describe, expect, test } from 'vitest';
import { describePermissions, normalisePermissions } from '../../oracle/normalise-permissions.ts';
import {
	accessOf,
	customerTree,
	defaultPriorities,
	judgeWrite,
	type ReadableCollection,
	type WriteRequest,
} from '../../oracle/reference-model.ts';
import type { World } from '../../oracle/world.ts';
import { me, tinyWorld } from './tiny-world.ts';

function sees(world: World, collection: ReadableCollection, contact = me): string[] {
	return [...accessOf(world, contact).reads[collection].ids].sort();
}

function fieldsOf(world: World, collection: ReadableCollection): string[] {
	return [...accessOf(world, me).reads[collection].fields].sort();
}

function verdict(world: World, request: WriteRequest): string {
	return judgeWrite(world, accessOf(world, me), request).outcome;
}

describe('Normalisation of a group’s permissions', () => {
	test('A key left out takes its default, which grants nothing', () => {
		const permissions = normalisePermissions({});
		expect(permissions['tickets.view']).toBe('none');
		expect(permissions['tickets.create']).toBe(false);
		expect(permissions['devices.extra_fields']).toEqual([]);
		expect(describePermissions(permissions)).toBe('(nothing)');
	});

	test('A value the catalogue does not know counts as the default', () => {
		const permissions = normalisePermissions({
			'tickets.view': 'everything',
			'kb.view': 'yes',
			'devices.extra_fields': ['notes', 'admin_password'],
		});
		expect(permissions['tickets.view']).toBe('none');
		expect(permissions['kb.view']).toBe(false);
		expect(permissions['devices.extra_fields']).toEqual([]);
	});

	test('A capability grants nothing while the one it requires grants nothing', () => {
		const permissions = normalisePermissions({
			'tickets.reply': true,
			'tickets.view_priority': true,
			'tickets.attachments': 'public',
			'tickets.set_priority': true,
			'projects.notes': true,
			'devices.extra_fields': ['notes'],
		});
		expect(permissions['tickets.reply']).toBe(false);
		expect(permissions['tickets.view_priority']).toBe(false);
		expect(permissions['tickets.attachments']).toBe('none');
		expect(permissions['tickets.set_priority']).toBe(false);
		expect(permissions['projects.notes']).toBe(false);
		expect(permissions['devices.extra_fields']).toEqual([]);
		expect(normalisePermissions({ 'tickets.create': true, 'tickets.set_priority': true })['tickets.set_priority']).toBe(
			true,
		);
	});

	test('tickets.edit is clamped to tickets.view', () => {
		expect(normalisePermissions({ 'tickets.view': 'own', 'tickets.edit': 'customer_tree' })['tickets.edit']).toBe(
			'own',
		);
		expect(normalisePermissions({ 'tickets.view': 'customer_tree', 'tickets.edit': 'customer' })['tickets.edit']).toBe(
			'customer',
		);
		expect(normalisePermissions({ 'tickets.edit': 'customer' })['tickets.edit']).toBe('none');
	});

	test('devices.scope is none while devices.access is none', () => {
		expect(normalisePermissions({ 'devices.scope': 'all' })['devices.scope']).toBe('none');
		expect(normalisePermissions({ 'devices.access': 'view', 'devices.scope': 'all' })['devices.scope']).toBe('all');
	});
});

describe('Who can act in the portal', () => {
	test('A contact with a user and a group that grants something can sign in', () => {
		expect(accessOf(tinyWorld({ 'kb.view': true }), me).canSignIn).toBe(true);
	});

	test('A contact without a Directus user cannot', () => {
		const world = tinyWorld({ 'kb.view': true });
		expect(accessOf(world, 22).canSignIn).toBe(false);
	});

	test('A contact in a group that grants nothing cannot: No Portal Access, or any other such group', () => {
		expect(accessOf(tinyWorld({}), me).canSignIn).toBe(false);
		const world = tinyWorld({ 'kb.view': true });
		world.portal_groups = world.portal_groups.map((group) =>
			group.name === 'No Portal Access' ? { ...group, permissions: {} } : group,
		);
		world.contacts[0] = { ...world.contacts[0]!, portal_group: 101 };
		expect(accessOf(world, me).canSignIn).toBe(false);
	});

	test('A contact without a group uses the default group of the settings', () => {
		const world = tinyWorld();
		world.contacts[0] = { ...world.contacts[0]!, portal_group: null };
		world.settings.default_group = 102;
		const access = accessOf(world, me);
		expect(access.group?.name).toBe('Default');
		expect(access.permissions['kb.view']).toBe(true);
		world.portal_groups = world.portal_groups.map((group) =>
			group.name === 'No Portal Access' ? { ...group, permissions: {} } : group,
		);
		world.settings.default_group = 101;
		expect(accessOf(world, me).canSignIn).toBe(false);
	});

	test('Without a group and without a default group the specification does not say: not judged', () => {
		const world = tinyWorld();
		world.contacts[0] = { ...world.contacts[0]!, portal_group: null };
		const access = accessOf(world, me);
		expect(access.specified).toBe(false);
		expect(access.canSignIn).toBe(false);
	});
});

describe('Customer sets', () => {
	test('tree(C) holds C and the customers below it reached through visible customers only', () => {
		expect([...customerTree(tinyWorld(), 1)].sort()).toEqual(['1', '2', '3']);
		expect([...customerTree(tinyWorld(), 4)].sort()).toEqual(['4', '5']);
		expect([...customerTree(tinyWorld(), 6)]).toEqual(['6']);
	});

	test('A customer with visible_to_parent = false hides its whole subtree, visible children included', () => {
		const world = tinyWorld();
		expect(customerTree(world, 1).has('5')).toBe(false);
		world.customers[3] = { ...world.customers[3]!, visible_to_parent: true };
		expect([...customerTree(world, 1)].sort()).toEqual(['1', '2', '3', '4', '5']);
	});

	test('tree(C) is {C} when parent visibility is off', () => {
		const world = tinyWorld();
		world.settings.parent_visibility = false;
		expect([...customerTree(world, 1)]).toEqual(['1']);
	});

	test('Readable customers are {C}, or C with its tree when tickets or projects are seen for the tree', () => {
		expect(sees(tinyWorld({ 'tickets.view': 'customer' }), 'customers')).toEqual(['1']);
		expect(sees(tinyWorld({ 'tickets.view': 'customer_tree' }), 'customers')).toEqual(['1', '2', '3']);
		expect(sees(tinyWorld({ 'projects.view': 'customer_tree' }), 'customers')).toEqual(['1', '2', '3']);
		const world = tinyWorld({ 'tickets.view': 'customer_tree' });
		world.settings.parent_visibility = false;
		expect(sees(world, 'customers')).toEqual(['1']);
		// The relation lists of the groups it reads, besides the plain fields.
		expect(fieldsOf(world, 'customers')).toEqual([
			'children',
			'contacts',
			'id',
			'locations',
			'name',
			'parent',
			'status',
			'tickets',
		]);
	});
});

describe('Reads', () => {
	test('tickets own: requested by the contact or followed in any kind', () => {
		expect(sees(tinyWorld({ 'tickets.view': 'own' }), 'tickets')).toEqual(['31', '32']);
	});

	test('tickets customer and customer_tree follow the scope customers', () => {
		expect(sees(tinyWorld({ 'tickets.view': 'customer' }), 'tickets')).toEqual(['30', '31']);
		expect(sees(tinyWorld({ 'tickets.view': 'customer_tree' }), 'tickets')).toEqual(['30', '31', '33', '34']);
		expect(sees(tinyWorld({}), 'tickets')).toEqual([]);
	});

	test('tickets show priority only with tickets.view_priority, and never the assignee', () => {
		expect(fieldsOf(tinyWorld({ 'tickets.view': 'own' }), 'tickets')).not.toContain('priority');
		const withPriority = fieldsOf(tinyWorld({ 'tickets.view': 'own', 'tickets.view_priority': true }), 'tickets');
		expect(withPriority).toContain('priority');
		expect(withPriority).not.toContain('assignee');
		expect(withPriority).toEqual(expect.arrayContaining(['participants', 'comments']));
		expect(withPriority).not.toContain('attachments');
		expect(fieldsOf(tinyWorld({ 'tickets.view': 'own', 'tickets.attachments': 'public' }), 'tickets')).toContain(
			'attachments',
		);
	});

	test('ticket_participants: the rows of readable tickets', () => {
		expect(sees(tinyWorld({ 'tickets.view': 'own' }), 'ticket_participants')).toEqual(['40', '42']);
	});

	test('ticket_comments: public comments of readable tickets only', () => {
		expect(sees(tinyWorld({ 'tickets.view': 'own' }), 'ticket_comments')).toEqual(['45']);
	});

	test('ticket_attachments: public ones of readable tickets, only with tickets.attachments = public', () => {
		expect(sees(tinyWorld({ 'tickets.view': 'own' }), 'ticket_attachments')).toEqual([]);
		expect(sees(tinyWorld({ 'tickets.view': 'own', 'tickets.attachments': 'public' }), 'ticket_attachments')).toEqual([
			'48',
		]);
	});

	test('directus_files: files of readable ticket or project attachments, never of internal ones', () => {
		expect(sees(tinyWorld({ 'tickets.view': 'own', 'tickets.attachments': 'public' }), 'directus_files')).toEqual([
			'f1',
		]);
		expect(sees(tinyWorld({ 'projects.view': 'customer', 'projects.attachments': true }), 'directus_files')).toEqual([
			'f4',
		]);
		expect(sees(tinyWorld({ 'projects.view': 'customer' }), 'directus_files')).toEqual([]);
		expect(fieldsOf(tinyWorld(), 'directus_files')).toEqual([
			'filename_download',
			'filesize',
			'height',
			'id',
			'title',
			'type',
			'uploaded_on',
			'width',
		]);
	});

	test('ticket_priorities: every row with tickets.view_priority or tickets.set_priority', () => {
		expect(sees(tinyWorld({ 'tickets.view': 'own' }), 'ticket_priorities')).toEqual([]);
		expect(sees(tinyWorld({ 'tickets.view': 'own', 'tickets.view_priority': true }), 'ticket_priorities')).toEqual([
			'60',
			'61',
		]);
		expect(sees(tinyWorld({ 'tickets.create': true, 'tickets.set_priority': true }), 'ticket_priorities')).toEqual([
			'60',
			'61',
		]);
		expect(sees(tinyWorld({ 'tickets.set_priority': true }), 'ticket_priorities')).toEqual([]);
	});

	test('projects member, customer and customer_tree', () => {
		expect(sees(tinyWorld({ 'projects.view': 'member' }), 'projects')).toEqual(['72']);
		expect(sees(tinyWorld({ 'projects.view': 'customer' }), 'projects')).toEqual(['70']);
		expect(sees(tinyWorld({ 'projects.view': 'customer_tree' }), 'projects')).toEqual(['70', '71']);
	});

	test('projects show members, each granted sub-collection and estimated_hours only with its capability', () => {
		expect(fieldsOf(tinyWorld({ 'projects.view': 'customer' }), 'projects')).not.toEqual(
			expect.arrayContaining(['tasks']),
		);
		const fields = fieldsOf(
			tinyWorld({
				'projects.view': 'customer',
				'projects.schedule': true,
				'projects.notes': true,
				'projects.estimated_hours': true,
			}),
			'projects',
		);
		expect(fields).toEqual(expect.arrayContaining(['members', 'tasks', 'notes', 'estimated_hours']));
		expect(fields).not.toContain('issues');
	});

	test('project_members: rows of readable projects', () => {
		expect(sees(tinyWorld({ 'projects.view': 'customer' }), 'project_members')).toEqual(['75']);
	});

	test('Project sub-collections follow their capability; notes and attachments public only; task hours need estimated_hours', () => {
		const all = {
			'projects.view': 'customer',
			'projects.schedule': true,
			'projects.notes': true,
			'projects.issues': true,
			'projects.charges': true,
			'projects.calendar': true,
			'projects.attachments': true,
		};
		const world = tinyWorld(all);
		expect(sees(world, 'project_tasks')).toEqual(['76']);
		expect(sees(world, 'project_notes')).toEqual(['78']);
		expect(sees(world, 'project_issues')).toEqual(['80']);
		expect(sees(world, 'project_charges')).toEqual(['81']);
		expect(sees(world, 'project_calendar_items')).toEqual(['82']);
		expect(sees(world, 'project_attachments')).toEqual(['83']);
		expect(fieldsOf(world, 'project_tasks')).not.toContain('estimated_hours');
		expect(fieldsOf(tinyWorld({ ...all, 'projects.estimated_hours': true }), 'project_tasks')).toContain(
			'estimated_hours',
		);
		expect(sees(tinyWorld({ 'projects.view': 'customer' }), 'project_tasks')).toEqual([]);
	});

	test('devices all / created_or_location / created_location_or_unlocated, always of their own customer', () => {
		expect(sees(tinyWorld({ 'devices.access': 'view', 'devices.scope': 'all' }), 'devices')).toEqual([
			'90',
			'91',
			'92',
			'93',
		]);
		expect(sees(tinyWorld({ 'devices.access': 'view', 'devices.scope': 'created_or_location' }), 'devices')).toEqual([
			'90',
			'91',
		]);
		expect(
			sees(tinyWorld({ 'devices.access': 'edit', 'devices.scope': 'created_location_or_unlocated' }), 'devices'),
		).toEqual(['90', '91', '92']);
		expect(sees(tinyWorld({ 'devices.access': 'view' }), 'devices')).toEqual([]);
		expect(sees(tinyWorld({ 'devices.scope': 'all' }), 'devices')).toEqual([]);
	});

	test('devices: a contact without a location sees only what they registered (and unlocated ones where chosen)', () => {
		const world = tinyWorld({ 'devices.access': 'view', 'devices.scope': 'created_or_location' });
		world.contacts[0] = { ...world.contacts[0]!, location: null };
		expect(sees(world, 'devices')).toEqual(['91']);
		world.portal_groups[0]!.permissions = {
			'devices.access': 'view',
			'devices.scope': 'created_location_or_unlocated',
		};
		expect(sees(world, 'devices')).toEqual(['91', '92']);
	});

	test('devices show the extra fields granted, never admin_password', () => {
		const fields = fieldsOf(
			tinyWorld({ 'devices.access': 'view', 'devices.scope': 'all', 'devices.extra_fields': ['notes', 'model'] }),
			'devices',
		);
		expect(fields).toEqual(expect.arrayContaining(['id', 'name', 'serial', 'notes', 'model']));
		expect(fields).not.toContain('manufacturer');
		expect(fields).not.toContain('admin_password');
	});

	test('kb_articles and documents: published, for everyone or selected for their own customer', () => {
		expect(sees(tinyWorld({ 'kb.view': true }), 'kb_articles')).toEqual(['110', '111']);
		expect(sees(tinyWorld({ 'docs.view': true }), 'documents')).toEqual(['120', '121']);
		expect(sees(tinyWorld({ 'kb.view': true, 'tickets.view': 'customer_tree' }), 'kb_articles')).toEqual([
			'110',
			'111',
		]);
		expect(sees(tinyWorld({}), 'kb_articles')).toEqual([]);
		expect(fieldsOf(tinyWorld({ 'kb.view': true }), 'kb_articles')).not.toContain('status');
	});

	test('invoices (invoices.view) and quotes (quotes.decide, any status) of their own customer only', () => {
		expect(sees(tinyWorld({ 'invoices.view': true, 'tickets.view': 'customer_tree' }), 'invoices')).toEqual(['130']);
		expect(sees(tinyWorld({ 'quotes.decide': true }), 'quotes')).toEqual(['140', '141']);
		expect(sees(tinyWorld({}), 'invoices')).toEqual([]);
	});

	test('contacts and locations follow the readable customers; others’ user, portal_group and status never', () => {
		expect(sees(tinyWorld({}), 'contacts')).toEqual(['20', '21']);
		expect(sees(tinyWorld({ 'tickets.view': 'customer_tree' }), 'contacts')).toEqual(['20', '21', '22', '25']);
		expect(sees(tinyWorld({ 'projects.view': 'customer_tree' }), 'locations')).toEqual(['10', '11', '12']);
		expect(fieldsOf(tinyWorld(), 'contacts')).toEqual([
			'customer',
			'email',
			'first_name',
			'id',
			'last_name',
			'location',
			'phone',
		]);
		const tolerated = accessOf(tinyWorld(), me).reads.contacts.tolerated;
		expect([...tolerated.keys()]).toEqual(['20']);
		expect(fieldsOf(tinyWorld(), 'locations')).toEqual(['contacts', 'customer', 'id', 'name']);
	});

	test('directus_users: only their own row', () => {
		expect(sees(tinyWorld(), 'directus_users')).toEqual(['u20']);
		expect(fieldsOf(tinyWorld(), 'directus_users')).toEqual([
			'email',
			'first_name',
			'id',
			'language',
			'last_name',
			'status',
		]);
	});
});

describe('Writes', () => {
	const ticket = { subject: 'New', description: 'd', customer: 1, contact: me };

	test('tickets create: with tickets.create, for their customer, requested by themselves, default priority', () => {
		const world = tinyWorld({ 'tickets.create': true });
		const allowed = judgeWrite(world, accessOf(world, me), { collection: 'tickets', action: 'create', data: ticket });
		expect(allowed).toEqual({
			outcome: 'allowed',
			expect: expect.objectContaining({
				priority: { kind: 'one-of', values: [61] },
				contact: { kind: 'value', value: me },
			}),
		});
		expect(verdict(world, { collection: 'tickets', action: 'create', data: { ...ticket, customer: 2 } })).toBe(
			'refused',
		);
		expect(verdict(world, { collection: 'tickets', action: 'create', data: { ...ticket, contact: 21 } })).toBe(
			'refused',
		);
		expect(verdict(world, { collection: 'tickets', action: 'create', data: { ...ticket, priority: 60 } })).toBe(
			'refused',
		);
		expect(verdict(world, { collection: 'tickets', action: 'create', data: { ...ticket, status: 'closed' } })).toBe(
			'refused',
		);
		expect(verdict(tinyWorld({}), { collection: 'tickets', action: 'create', data: ticket })).toBe('refused');
	});

	test('tickets create: priority only with tickets.set_priority; default is is_default, else the lowest sort', () => {
		const world = tinyWorld({ 'tickets.create': true, 'tickets.set_priority': true });
		expect(
			judgeWrite(world, accessOf(world, me), {
				collection: 'tickets',
				action: 'create',
				data: { ...ticket, priority: 60 },
			}),
		).toMatchObject({
			outcome: 'allowed',
			expect: { priority: { kind: 'value', value: 60 } },
		});
		world.ticket_priorities[1] = { ...world.ticket_priorities[1]!, is_default: false };
		expect(defaultPriorities(world)).toEqual([60]);
	});

	test('tickets update: within tickets.edit clamped to tickets.view; subject, description, status; priority with set_priority', () => {
		const world = tinyWorld({ 'tickets.view': 'own', 'tickets.edit': 'customer' });
		expect(
			verdict(world, { collection: 'tickets', action: 'update', id: 31, data: { subject: 'x', status: 'open' } }),
		).toBe('allowed');
		expect(verdict(world, { collection: 'tickets', action: 'update', id: 30, data: { subject: 'x' } })).toBe('refused');
		for (const field of ['customer', 'contact', 'assignee', 'priority']) {
			expect(verdict(world, { collection: 'tickets', action: 'update', id: 31, data: { [field]: 1 } })).toBe('refused');
		}
		const priority = tinyWorld({
			'tickets.view': 'customer',
			'tickets.edit': 'customer',
			'tickets.create': true,
			'tickets.set_priority': true,
		});
		expect(verdict(priority, { collection: 'tickets', action: 'update', id: 30, data: { priority: 61 } })).toBe(
			'allowed',
		);
		expect(
			verdict(tinyWorld({ 'tickets.view': 'customer' }), {
				collection: 'tickets',
				action: 'update',
				id: 30,
				data: { subject: 'x' },
			}),
		).toBe('refused');
	});

	test('ticket_comments create: tickets.reply on a readable ticket; is_internal and author_contact are pinned', () => {
		const world = tinyWorld({ 'tickets.view': 'own', 'tickets.reply': true });
		expect(
			judgeWrite(world, accessOf(world, me), {
				collection: 'ticket_comments',
				action: 'create',
				data: { ticket: 31, body: 'hi' },
			}),
		).toEqual({
			outcome: 'allowed',
			expect: {
				ticket: { kind: 'value', value: 31 },
				body: { kind: 'value', value: 'hi' },
				is_internal: { kind: 'value', value: false },
				author_contact: { kind: 'value', value: me },
			},
		});
		expect(verdict(world, { collection: 'ticket_comments', action: 'create', data: { ticket: 30, body: 'hi' } })).toBe(
			'refused',
		);
		expect(
			verdict(world, {
				collection: 'ticket_comments',
				action: 'create',
				data: { ticket: 31, body: 'hi', is_internal: true },
			}),
		).toBe('refused-or-coerced');
		expect(
			verdict(world, {
				collection: 'ticket_comments',
				action: 'create',
				data: { ticket: 31, body: 'hi', author_user: 'staff' },
			}),
		).toBe('refused');
		expect(
			verdict(tinyWorld({ 'tickets.view': 'own' }), {
				collection: 'ticket_comments',
				action: 'create',
				data: { ticket: 31, body: 'hi' },
			}),
		).toBe('refused');
	});

	test('project_notes and project_issues create: on readable projects with their capability; the author is pinned', () => {
		const world = tinyWorld({ 'projects.view': 'customer', 'projects.notes': true, 'projects.issues': true });
		expect(verdict(world, { collection: 'project_notes', action: 'create', data: { project: 70, body: 'n' } })).toBe(
			'allowed',
		);
		expect(verdict(world, { collection: 'project_notes', action: 'create', data: { project: 71, body: 'n' } })).toBe(
			'refused',
		);
		expect(
			verdict(world, {
				collection: 'project_notes',
				action: 'create',
				data: { project: 70, body: 'n', is_internal: true },
			}),
		).toBe('refused-or-coerced');
		expect(
			verdict(world, {
				collection: 'project_issues',
				action: 'create',
				data: { project: 70, title: 't', description: 'd' },
			}),
		).toBe('allowed');
		expect(
			verdict(world, {
				collection: 'project_issues',
				action: 'create',
				data: { project: 70, title: 't', status: 'resolved' },
			}),
		).toBe('refused');
		expect(
			verdict(tinyWorld({ 'projects.view': 'customer' }), {
				collection: 'project_issues',
				action: 'create',
				data: { project: 70, title: 't' },
			}),
		).toBe('refused');
	});

	test('tickets update: a followed ticket the contact cannot read is not editable (tickets.edit own under tickets.view customer)', () => {
		const world = tinyWorld({ 'tickets.view': 'customer', 'tickets.edit': 'own' });
		// 32 is another customer's ticket contact 20 follows as a cc participant.
		expect(verdict(world, { collection: 'tickets', action: 'update', id: 32, data: { subject: 'x' } })).toBe('refused');
		expect(verdict(world, { collection: 'tickets', action: 'update', id: 31, data: { subject: 'x' } })).toBe('allowed');
		expect([...accessOf(world, me).editableTickets]).toEqual(['31']);
	});

	test('devices create and update: a location of the contact’s own customer, or none', () => {
		const world = tinyWorld({ 'devices.access': 'edit', 'devices.scope': 'all', 'tickets.view': 'customer_tree' });
		const device = { name: 'n', type: 'other', customer: 1, created_by_contact: me };
		expect(verdict(world, { collection: 'devices', action: 'create', data: { ...device, location: 11 } })).toBe(
			'allowed',
		);
		expect(verdict(world, { collection: 'devices', action: 'create', data: { ...device, location: null } })).toBe(
			'allowed',
		);
		// 12 is the child customer's, readable through customer_tree; 13 another customer's.
		for (const location of [12, 13, 999]) {
			expect(verdict(world, { collection: 'devices', action: 'create', data: { ...device, location } })).toBe(
				'refused',
			);
			expect(verdict(world, { collection: 'devices', action: 'update', id: 90, data: { location } })).toBe('refused');
		}
	});

	test('devices create and update with devices.access = edit', () => {
		const world = tinyWorld({ 'devices.access': 'edit', 'devices.scope': 'created_or_location' });
		const device = { name: 'n', type: 'other', serial: 's', customer: 1, created_by_contact: me, location: 10 };
		expect(verdict(world, { collection: 'devices', action: 'create', data: device })).toBe('allowed');
		expect(verdict(world, { collection: 'devices', action: 'create', data: { ...device, customer: 2 } })).toBe(
			'refused',
		);
		expect(verdict(world, { collection: 'devices', action: 'create', data: { ...device, admin_password: 'x' } })).toBe(
			'refused',
		);
		expect(verdict(world, { collection: 'devices', action: 'update', id: 90, data: { name: 'x', location: 11 } })).toBe(
			'allowed',
		);
		expect(verdict(world, { collection: 'devices', action: 'update', id: 93, data: { name: 'x' } })).toBe('refused');
		expect(verdict(world, { collection: 'devices', action: 'update', id: 90, data: { customer: 2 } })).toBe('refused');
		expect(
			verdict(tinyWorld({ 'devices.access': 'view', 'devices.scope': 'all' }), {
				collection: 'devices',
				action: 'update',
				id: 90,
				data: { name: 'x' },
			}),
		).toBe('refused');
	});

	test('quotes update: pending quotes of their customer, to approved or declined; decided_by and decided_at recorded', () => {
		const world = tinyWorld({ 'quotes.decide': true });
		expect(
			judgeWrite(world, accessOf(world, me), {
				collection: 'quotes',
				action: 'update',
				id: 140,
				data: { status: 'approved' },
			}),
		).toEqual({
			outcome: 'allowed',
			expect: {
				status: { kind: 'value', value: 'approved' },
				decided_by: { kind: 'value', value: me },
				decided_at: { kind: 'recent' },
			},
		});
		expect(verdict(world, { collection: 'quotes', action: 'update', id: 141, data: { status: 'declined' } })).toBe(
			'refused',
		);
		expect(verdict(world, { collection: 'quotes', action: 'update', id: 142, data: { status: 'approved' } })).toBe(
			'refused',
		);
		expect(verdict(world, { collection: 'quotes', action: 'update', id: 140, data: { status: 'pending' } })).toBe(
			'refused',
		);
		expect(
			verdict(world, { collection: 'quotes', action: 'update', id: 140, data: { status: 'approved', total: 1 } }),
		).toBe('refused');
		expect(verdict(world, { collection: 'quotes', action: 'update', id: 140, data: { decided_by: me } })).toBe(
			'refused',
		);
		expect(
			verdict(world, { collection: 'quotes', action: 'update', id: 140, data: { decided_at: '2020-01-01T00:00:00Z' } }),
		).toBe('refused');
	});

	test('contacts and directus_users update: own row, profile fields only, with profile.edit', () => {
		const world = tinyWorld({ 'profile.edit': true });
		expect(
			verdict(world, { collection: 'contacts', action: 'update', id: me, data: { first_name: 'A', phone: '2' } }),
		).toBe('allowed');
		expect(verdict(world, { collection: 'contacts', action: 'update', id: 21, data: { first_name: 'A' } })).toBe(
			'refused',
		);
		for (const field of ['customer', 'portal_group', 'user', 'email', 'status']) {
			expect(verdict(world, { collection: 'contacts', action: 'update', id: me, data: { [field]: null } })).toBe(
				'refused',
			);
		}
		expect(
			verdict(world, {
				collection: 'directus_users',
				action: 'update',
				id: 'u20',
				data: { first_name: 'A', language: 'de-DE' },
			}),
		).toBe('allowed');
		for (const field of ['role', 'status', 'policies', 'email']) {
			expect(
				verdict(world, { collection: 'directus_users', action: 'update', id: 'u20', data: { [field]: null } }),
			).toBe('refused');
		}
		expect(
			verdict(tinyWorld({}), { collection: 'contacts', action: 'update', id: me, data: { first_name: 'A' } }),
		).toBe('refused');
	});

	test('Anything else is refused: deletes, customers, locations, portal_*, customer_tree, ticket_followers and directus_*', () => {
		const world = tinyWorld({
			'tickets.view': 'customer_tree',
			'tickets.edit': 'customer_tree',
			'users.manage': true,
			'profile.edit': true,
		});
		expect(verdict(world, { collection: 'tickets', action: 'delete', id: 31, data: {} })).toBe('refused');
		for (const collection of [
			'customers',
			'locations',
			'portal_groups',
			'portal_settings',
			'customer_tree',
			'ticket_followers',
			'ticket_participants',
			'directus_permissions',
			'directus_policies',
			'directus_access',
			'directus_shares',
			'directus_files',
		]) {
			expect(verdict(world, { collection, action: 'create', data: {} })).toBe('refused');
		}
		expect(verdict(world, { collection: 'contacts', action: 'update', id: 21, data: { portal_group: 100 } })).toBe(
			'refused',
		);
	});

	test('A contact who cannot sign in may write nothing', () => {
		const world = tinyWorld({ 'tickets.create': true });
		world.contacts[0] = { ...world.contacts[0]!, portal_group: 101 };
		expect(verdict(world, { collection: 'tickets', action: 'create', data: ticket })).toBe('refused');
	});
});
