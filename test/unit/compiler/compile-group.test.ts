import { describe, expect, test } from 'vitest';
import { capabilities, type GroupPermissions, ticketScopes } from '../../../src/catalogue/capabilities.ts';
import { compileGroup } from '../../../src/compiler/compile-group.ts';
import { type CompiledPermission } from '../../../src/compiler/types.ts';
import { normalizeGroupPermissions } from '../../../src/groups/normalize-group-permissions.ts';
import { systemGroups } from '../../../src/groups/system-groups.ts';

const on = { parentVisibility: true };
const compile = (permissions: Record<string, unknown>, settings = on) =>
	compileGroup(normalizeGroupPermissions(permissions), settings);
const find = (rows: CompiledPermission[], collection: string, action: string) =>
	rows.find((row) => row.collection === collection && row.action === action);
const everything = normalizeGroupPermissions(
	systemGroups.find((group) => group.name === 'Administrator')?.permissions ?? {},
);

describe('compileGroup', () => {
	test('Compiles a group that grants nothing to no rows at all', () => {
		expect(compile({})).toEqual([]);
	});

	test('Gives each collection and action at most one row, so a policy reads unambiguously', () => {
		const keys = compileGroup(everything, on).map((row) => `${row.collection}:${row.action}`);
		expect(new Set(keys).size).toBe(keys.length);
	});

	test('Lets every contact choose their own language; their name only with profile.edit', () => {
		const own = { id: { _eq: '$CURRENT_USER' } };
		expect(find(compile({ 'tickets.view': 'own' }), 'directus_users', 'update')).toMatchObject({
			fields: ['language'],
			permissions: own,
		});
		expect(find(compile({ 'tickets.view': 'own', 'profile.edit': true }), 'directus_users', 'update')).toMatchObject({
			fields: ['first_name', 'last_name', 'language'],
			permissions: own,
		});
	});

	test('Is deterministic', () => {
		expect(compileGroup(everything, on)).toEqual(compileGroup(everything, on));
	});

	test('Never grants a delete, nor anything on the product\u2019s own or Directus\u2019s access collections', () => {
		const rows = compileGroup(everything, on);
		expect(rows.filter((row) => row.action === 'delete')).toEqual([]);
		const allowedSystem = new Set(['directus_users', 'directus_files']);
		const collections = rows.map((row) => row.collection);
		expect(
			collections.filter((collection) => collection.startsWith('directus_') && !allowedSystem.has(collection)),
		).toEqual([]);
		for (const forbidden of [
			'portal_groups',
			'portal_settings',
			'customer_tree',
			'ticket_followers',
			'kb_article_customers',
			'document_customers',
		])
			expect(collections).not.toContain(forbidden);
	});

	test('Never lists protected or staff-only fields', () => {
		const rows = compileGroup(everything, on);
		expect(find(rows, 'devices', 'read')?.fields).not.toContain('admin_password');
		expect(find(rows, 'tickets', 'read')?.fields).not.toContain('assignee');
		expect(find(rows, 'directus_files', 'read')?.fields).not.toContain('filename_disk');
		expect(find(rows, 'contacts', 'read')?.fields).not.toContain('user');
		expect(find(rows, 'contacts', 'read')?.fields).not.toContain('portal_group');
	});

	test('Never lets a contact write who they are, where a ticket belongs or what is internal without a validation pin', () => {
		const rows = compileGroup(everything, on);
		expect(find(rows, 'contacts', 'update')?.fields).toEqual(['first_name', 'last_name', 'phone']);
		expect(find(rows, 'directus_users', 'update')?.fields).toEqual(['first_name', 'last_name', 'language']);
		expect(find(rows, 'tickets', 'update')?.fields).not.toContain('customer');
		expect(find(rows, 'tickets', 'create')?.validation).toEqual({
			_and: [
				{ customer: { _in: '$CURRENT_USER.portal_contacts.customer' } },
				{ contact: { _in: '$CURRENT_USER.portal_contacts.id' } },
			],
		});
		expect(find(rows, 'ticket_comments', 'create')?.validation).toEqual({
			_and: [{ is_internal: { _eq: false } }, { author_contact: { _in: '$CURRENT_USER.portal_contacts.id' } }],
		});
	});

	test('Bounds every update by what the group reads on that collection, for every ticket scope pair and every system group', () => {
		const conjuncts = (filter: unknown): unknown[] => {
			const record = filter as Record<string, unknown>;
			return Object.keys(record).length === 1 && Array.isArray(record['_and'])
				? (record['_and'] as unknown[])
				: [filter];
		};
		const groups = [...systemGroups.map((system) => normalizeGroupPermissions(system.permissions)), everything];
		for (const view of ticketScopes)
			for (const edit of ticketScopes)
				groups.push(
					normalizeGroupPermissions({
						'tickets.view': view,
						'tickets.edit': edit,
						'profile.edit': true,
						'devices.access': 'edit',
						'devices.scope': 'created_or_location',
						'quotes.decide': true,
					}),
				);
		for (const group of groups) {
			for (const settings of [on, { parentVisibility: false }, { parentVisibility: true, ticketCustomerPaths: true }]) {
				const rows = compileGroup(group, settings);
				for (const write of rows.filter((row) => row.action === 'update' || row.action === 'delete')) {
					const read = find(rows, write.collection, 'read');
					expect(read, `${write.collection} ${write.action} without a read row`).toBeDefined();
					if (read?.permissions === null) continue;
					const bounded =
						JSON.stringify(write.permissions) === JSON.stringify(read?.permissions) ||
						conjuncts(write.permissions).some(
							(conjunct) => JSON.stringify(conjunct) === JSON.stringify(read?.permissions),
						);
					expect(bounded, `${write.collection} ${write.action}: ${JSON.stringify(write.permissions)}`).toBe(true);
				}
			}
		}
	});

	test('Lets a contact edit only the followed tickets they may also see (tickets.edit own under tickets.view customer)', () => {
		const manager = normalizeGroupPermissions(
			systemGroups.find((group) => group.name === 'Manager')?.permissions ?? {},
		);
		const rows = compileGroup(manager, on);
		expect(find(rows, 'tickets', 'update')?.permissions).toEqual({
			_and: [
				{ customer: { portal_badge: { _in: '$CURRENT_POLICIES' } } },
				{ followers: { _some: { contact: { user: { _eq: '$CURRENT_USER' } } } } },
			],
		});
		// The same scope for both: one rule, not the same rule twice.
		const administrator = compileGroup(everything, on);
		expect(find(administrator, 'tickets', 'update')?.permissions).toEqual(
			find(administrator, 'tickets', 'read')?.permissions,
		);
	});

	test('Lets a contact edit their own contact row only while it is among the contacts they read', () => {
		expect(find(compile({ 'profile.edit': true }), 'contacts', 'update')?.permissions).toEqual({
			_and: [{ customer: { portal_badge: { _in: '$CURRENT_POLICIES' } } }, { user: { _eq: '$CURRENT_USER' } }],
		});
	});

	test('Filters own tickets by requester or participant, starting from the signed-in user', () => {
		const rows = compile({ 'tickets.view': 'own', 'tickets.edit': 'own' });
		const ownRows = { followers: { _some: { contact: { user: { _eq: '$CURRENT_USER' } } } } };
		expect(find(rows, 'tickets', 'read')?.permissions).toEqual(ownRows);
		expect(find(rows, 'tickets', 'update')?.permissions).toEqual(ownRows);
		// Through a relation Directus refuses `_some`: the bare o2m form there.
		expect(find(rows, 'ticket_participants', 'read')?.permissions).toEqual({
			ticket: { followers: { contact: { user: { _eq: '$CURRENT_USER' } } } },
		});
	});

	test('Uses `_some` only at the top of a rule, where Directus accepts it', () => {
		// `fieldsAbove`: how many relational fields lead to this point; `_some` is valid right below the first.
		const underRelation = (filter: unknown, fieldsAbove: number): boolean => {
			if (Array.isArray(filter)) return filter.some((item) => underRelation(item, fieldsAbove));
			if (filter === null || typeof filter !== 'object') return false;
			return Object.entries(filter).some(
				([key, value]) =>
					(key === '_some' && fieldsAbove > 1) ||
					underRelation(value, key.startsWith('_') ? fieldsAbove : fieldsAbove + 1),
			);
		};
		for (const row of compileGroup(everything, on))
			expect(underRelation(row.permissions, 0), `${row.collection} ${row.action}`).toBe(false);
		for (const row of compile({ 'tickets.view': 'own', 'tickets.attachments': 'public' }))
			expect(underRelation(row.permissions, 0), `${row.collection} ${row.action}`).toBe(false);
	});

	test('Filters customer_tree through customer_tree, and as customer when parent visibility is off', () => {
		const tree = { customer: { tree_path: { _starts_with: '$CURRENT_POLICIES.portal_tree_path' } } };
		const own = { customer: { portal_badge: { _in: '$CURRENT_POLICIES' } } };
		expect(find(compile({ 'tickets.view': 'customer_tree' }), 'tickets', 'read')?.permissions).toEqual(tree);
		expect(
			find(compile({ 'tickets.view': 'customer_tree' }, { parentVisibility: false }), 'tickets', 'read')?.permissions,
		).toEqual(own);
		expect(find(compile({ 'tickets.view': 'customer' }), 'tickets', 'read')?.permissions).toEqual(own);
	});

	test('On PostgreSQL, tests the ticket’s own copy of its customer’s tree path, and only for tickets and what hangs on them', () => {
		const paths = { parentVisibility: true, ticketCustomerPaths: true };
		const byPath = { customer_path: { _starts_with: '$CURRENT_POLICIES.portal_tree_path' } };
		const rows = compileGroup(
			normalizeGroupPermissions({
				'tickets.view': 'customer_tree',
				'tickets.edit': 'customer_tree',
				'projects.view': 'customer_tree',
			}),
			paths,
		);
		expect(find(rows, 'tickets', 'read')?.permissions).toEqual(byPath);
		expect(find(rows, 'tickets', 'update')?.permissions).toEqual(byPath);
		expect(find(rows, 'ticket_participants', 'read')?.permissions).toEqual({ ticket: byPath });
		// Projects and customers have no such copy: they keep the join.
		expect(find(rows, 'projects', 'read')?.permissions).toEqual({
			customer: { tree_path: { _starts_with: '$CURRENT_POLICIES.portal_tree_path' } },
		});
		expect(find(rows, 'customers', 'read')?.permissions).toEqual({
			tree_path: { _starts_with: '$CURRENT_POLICIES.portal_tree_path' },
		});
		// Parent visibility off: their own customer, as everywhere.
		expect(
			find(
				compile({ 'tickets.view': 'customer_tree' }, {
					parentVisibility: false,
					ticketCustomerPaths: true,
				} as typeof on),
				'tickets',
				'read',
			)?.permissions,
		).toEqual({ customer: { portal_badge: { _in: '$CURRENT_POLICIES' } } });
		// Same rows otherwise, and the same fields: the path itself is never readable.
		const joined = compileGroup(everything, on);
		const pathed = compileGroup(everything, paths);
		expect(pathed.map((row) => [row.collection, row.action, row.fields])).toEqual(
			joined.map((row) => [row.collection, row.action, row.fields]),
		);
		for (const row of pathed) expect(row.fields, `${row.collection} ${row.action}`).not.toContain('customer_path');
	});

	test('Reads rows without looking up the contact: the only variables are the user, their policies and, for devices, the location', () => {
		// Directus resolves a `$CURRENT_USER.<path>` three times a request by reading the user and the contact;
		// `$CURRENT_USER` and `$CURRENT_POLICIES` it knows already, `$CURRENT_POLICIES.portal_tree_path` is one read.
		const allowed = new Set([
			'$CURRENT_USER',
			'$CURRENT_POLICIES',
			'$CURRENT_POLICIES.portal_tree_path',
			'$CURRENT_USER.portal_contacts.location',
		]);
		for (const group of [...systemGroups.map((system) => normalizeGroupPermissions(system.permissions)), everything]) {
			for (const settings of [on, { parentVisibility: false }, { parentVisibility: true, ticketCustomerPaths: true }]) {
				for (const row of compileGroup(group, settings)) {
					const variables = JSON.stringify(row.permissions).match(/\$[A-Z_]+(\.[a-z_.]+)?/g) ?? [];
					for (const variable of variables)
						expect(allowed.has(variable), `${row.collection} ${row.action}: ${variable}`).toBe(true);
					if (row.collection !== 'devices')
						expect(variables, `${row.collection} ${row.action}`).not.toContain(
							'$CURRENT_USER.portal_contacts.location',
						);
				}
			}
		}
	});

	test('Shows priority only with tickets.view_priority, and lets it be written only with tickets.set_priority', () => {
		const base = { 'tickets.view': 'own', 'tickets.edit': 'own', 'tickets.create': true };
		expect(find(compile(base), 'tickets', 'read')?.fields).not.toContain('priority');
		expect(find(compile(base), 'ticket_priorities', 'read')).toBeUndefined();
		expect(find(compile({ ...base, 'tickets.view_priority': true }), 'tickets', 'read')?.fields).toContain('priority');
		const setting = compile({ ...base, 'tickets.set_priority': true });
		expect(find(setting, 'tickets', 'create')?.fields).toContain('priority');
		expect(find(setting, 'tickets', 'update')?.fields).toContain('priority');
		expect(find(compile(base), 'tickets', 'create')?.fields).not.toContain('priority');
	});

	test('Hides internal comments, notes and attachments in the filter itself', () => {
		const rows = compileGroup(everything, on);
		expect(JSON.stringify(find(rows, 'ticket_comments', 'read')?.permissions)).toContain('"is_internal":{"_eq":false}');
		expect(JSON.stringify(find(rows, 'project_notes', 'read')?.permissions)).toContain('"is_internal":{"_eq":false}');
		expect(JSON.stringify(find(rows, 'ticket_attachments', 'read')?.permissions)).toContain('"is_public":{"_eq":true}');
		expect(JSON.stringify(find(rows, 'directus_files', 'read')?.permissions)).toContain('"is_public":{"_eq":true}');
	});

	test('Reads files only through attachments the contact may read', () => {
		expect(find(compile({ 'tickets.view': 'own' }), 'directus_files', 'read')).toBeUndefined();
		expect(
			find(compile({ 'tickets.view': 'own', 'tickets.attachments': 'public' }), 'directus_files', 'read')?.permissions,
		).toEqual({
			ticket_attachments: {
				_and: [
					{ is_public: { _eq: true } },
					{ ticket: { followers: { contact: { user: { _eq: '$CURRENT_USER' } } } } },
				],
			},
		});
	});

	test('Keeps devices to their customer, and to what they registered or their location when so scoped', () => {
		const own = { customer: { portal_badge: { _in: '$CURRENT_POLICIES' } } };
		expect(find(compile({ 'devices.access': 'view', 'devices.scope': 'all' }), 'devices', 'read')?.permissions).toEqual(
			own,
		);
		expect(
			find(compile({ 'devices.access': 'view', 'devices.scope': 'created_location_or_unlocated' }), 'devices', 'read')
				?.permissions,
		).toEqual({
			_and: [
				own,
				{
					_or: [
						{ created_by_contact: { user: { _eq: '$CURRENT_USER' } } },
						{ location: { _in: '$CURRENT_USER.portal_contacts.location' } },
						{ location: { _null: true } },
					],
				},
			],
		});
		expect(compile({ 'devices.access': 'view' }).find((row) => row.collection === 'devices')).toBeUndefined();
		expect(find(compile({ 'devices.access': 'view', 'devices.scope': 'all' }), 'devices', 'create')).toBeUndefined();
		// Edit access alone lets a contact register devices, without seeing any.
		expect(
			compile({ 'devices.access': 'edit' })
				.filter((row) => row.collection === 'devices')
				.map((row) => row.action),
		).toEqual(['create']);
	});

	test('Lets quotes be decided only while pending, and only as approved or declined by the contact', () => {
		const update = find(compile({ 'quotes.decide': true }), 'quotes', 'update');
		expect(update?.permissions).toEqual({
			_and: [{ customer: { portal_badge: { _in: '$CURRENT_POLICIES' } } }, { status: { _eq: 'pending' } }],
		});
		expect(update?.validation).toEqual({
			_and: [
				{ status: { _submitted: true } },
				{ status: { _in: ['approved', 'declined'] } },
				{ decided_by: { _submitted: true } },
				{ decided_by: { _in: '$CURRENT_USER.portal_contacts.id' } },
				{ decided_at: { _submitted: true } },
				{ decided_at: { _nnull: true } },
			],
		});
	});

	test('Writes the fields of a quote decision only with the decision, each rule on one operator as Directus reads them', () => {
		const validation = find(compile({ 'quotes.decide': true }), 'quotes', 'update')?.validation as {
			_and: Record<string, Record<string, unknown>>[];
		};
		for (const field of ['status', 'decided_by', 'decided_at'])
			expect(validation._and, field).toContainEqual({ [field]: { _submitted: true } });
		// Directus's payload validation reads only the first operator of a field's rule.
		for (const rule of validation._and)
			for (const operators of Object.values(rule)) expect(Object.keys(operators)).toHaveLength(1);
	});

	test('Explains every row by the capabilities it comes from', () => {
		const keys = new Set<string>(capabilities.map((capability) => capability.key));
		for (const row of compileGroup(everything, on))
			for (const capability of row.capabilities) expect(keys.has(capability)).toBe(true);
		expect(find(compile({ 'kb.view': true }), 'kb_articles', 'read')?.capabilities).toEqual(['kb.view']);
	});

	test('Reads only published articles for everyone or for their customer', () => {
		expect(find(compile({ 'kb.view': true }), 'kb_articles', 'read')?.permissions).toEqual({
			_and: [
				{ status: { _eq: 'published' } },
				{
					_or: [
						{ audience: { _eq: 'all' } },
						{ customers: { customer: { portal_badge: { _in: '$CURRENT_POLICIES' } } } },
					],
				},
			],
		});
	});
});

test('Every capability changes what some group compiles to', () => {
	const base = normalizeGroupPermissions({
		'tickets.view': 'own',
		'tickets.create': true,
		'projects.view': 'member',
		'devices.access': 'view',
		'devices.scope': 'all',
	});
	for (const capability of capabilities) {
		const changed: Record<string, unknown> = { ...base };
		if (capability.kind === 'flag') changed[capability.key] = !base[capability.key as keyof GroupPermissions];
		else if (capability.kind === 'fields') changed[capability.key] = [capability.values[0]];
		else
			changed[capability.key] = capability.values.find(
				(value) => value !== 'none' && value !== base[capability.key as keyof GroupPermissions],
			);
		if (capability.key === 'users.manage') continue; // reserved for the delegated-administration endpoints; no permission row on purpose
		expect({
			capability: capability.key,
			changes:
				JSON.stringify(compileGroup(normalizeGroupPermissions(changed), on)) !==
				JSON.stringify(compileGroup(base as GroupPermissions, on)),
		}).toEqual({ capability: capability.key, changes: true });
	}
});
