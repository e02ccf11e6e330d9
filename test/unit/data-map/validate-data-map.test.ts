import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { snapshotPaths } from '../../../scripts/lib/directus-instance.ts';
import { bundledDataMap, type DataMap } from '../../../src/data-map/data-map.ts';
import type { DataMapProblem } from '../../../src/data-map/data-map-problem.ts';
import type { SchemaFacts } from '../../../src/data-map/schema-facts.ts';
import { schemaFactsFromSnapshot } from '../../../src/data-map/schema-facts-from-snapshot.ts';
import { validateDataMap } from '../../../src/data-map/validate-data-map.ts';
import { secondSchemaFacts } from '../../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const snapshotFacts = (path: string) => schemaFactsFromSnapshot(JSON.parse(readFileSync(path, 'utf8')));
const bundledFacts = { sqlite3: snapshotFacts(snapshotPaths.sqlite3), pg: snapshotFacts(snapshotPaths.pg) };

/** The second schema's map, changed by `change`, as the untrusted input staff would send. */
function secondMapWith(change: (map: DataMap) => void): unknown {
	const map = secondSchemaMap();
	change(map);
	return map;
}

/** The map refused: no map, no additions, and the problems. */
function problemsOf(input: unknown, facts: SchemaFacts = secondSchemaFacts()): DataMapProblem[] {
	const result = validateDataMap(input, facts);
	expect(result.map).toBeNull();
	expect(result.additions).toEqual([]);
	expect(result.problems.length).toBeGreaterThan(0);
	return result.problems;
}

/** A problem at `object.role` (naming `field`, when given), whose message holds `words`. */
const problemAt = (object: string, role: string | undefined, field: string | undefined, words: string) => ({
	object,
	...(role === undefined ? {} : { role }),
	...(field === undefined ? {} : { field }),
	message: expect.stringContaining(words),
});

describe('A data map that fits', () => {
	test.each(['sqlite3', 'pg'] as const)(
		'The bundled map fits the bundled schema (%s) with nothing to add',
		(vendor) => {
			const result = validateDataMap(bundledDataMap(), bundledFacts[vendor]);
			expect(result.problems).toEqual([]);
			expect(result.additions).toEqual([]);
			expect(result.map).toEqual(bundledDataMap());
		},
	);

	test.each([
		['sqlite3', 'integer'],
		['pg', 'integer'],
		['sqlite3', 'uuid'],
		['pg', 'uuid'],
	] as const)(
		'The second schema’s map fits (%s, organizations keyed by %s), with the product’s own roles listed as fields to add',
		(vendor, organizationKey) => {
			const result = validateDataMap(secondSchemaMap(), secondSchemaFacts(vendor, organizationKey));
			expect(result.problems).toEqual([]);
			expect(result.map).toEqual(secondSchemaMap());
			expect(result.additions).toEqual([
				{ object: 'customers', role: 'badge', collection: 'organizations', field: 'portal_badge' },
				{ object: 'customers', role: 'tree_path', collection: 'organizations', field: 'portal_tree_path' },
				{ object: 'contacts', role: 'portal_group', collection: 'people', field: 'portal_group' },
				{ object: 'contacts', role: 'user_contacts', collection: 'directus_users', field: 'portal_people' },
				{ object: 'contacts', role: 'login_suspended', collection: 'people', field: 'portal_login_suspended' },
				{ object: 'tickets', role: 'followers', collection: 'cases', field: 'portal_followers' },
				{ object: 'tickets', role: 'customer_path', collection: 'cases', field: 'portal_customer_path' },
				{ object: 'ticket_followers', role: 'id', collection: 'portal_case_followers', field: 'id' },
				{ object: 'ticket_followers', role: 'ticket', collection: 'portal_case_followers', field: 'ticket' },
				{ object: 'ticket_followers', role: 'contact', collection: 'portal_case_followers', field: 'contact' },
				{ object: 'ticket_followers', role: 'participant', collection: 'portal_case_followers', field: 'participant' },
			]);
		},
	);

	test('Absent objects and optional roles read as unmapped (null)', () => {
		const input = secondMapWith((map) => {
			delete (map as Partial<DataMap>).quotes;
			delete (map.tickets!.fields as Partial<NonNullable<DataMap['tickets']>['fields']>).description;
		});
		const result = validateDataMap(input, secondSchemaFacts());
		expect(result.problems).toEqual([]);
		expect(result.map?.quotes).toBeNull();
		expect(result.map?.tickets?.fields.description).toBeNull();
		expect(result.map).toEqual(secondMapWith((map) => (map.tickets!.fields.description = null)));
	});

	test('A customer path may take several many-to-one steps', () => {
		const input = secondMapWith((map) => (map.tickets!.fields.customer = 'opened_by.org'));
		expect(validateDataMap(input, secondSchemaFacts()).problems).toEqual([]);
	});

	test('A parent object may be mapped without a child, when its aliases of the child are null', () => {
		const input = secondMapWith((map) => {
			map.ticket_participants = null;
			map.tickets!.fields.participants = null;
			map.ticket_followers!.fields.participant = null;
		});
		expect(validateDataMap(input, secondSchemaFacts()).problems).toEqual([]);
	});
});

describe('The shape of what is submitted', () => {
	test('Refuses anything but an object', () => {
		for (const input of [null, 'customers', [secondSchemaMap()], 42]) {
			expect(problemsOf(input)).toEqual([problemAt('', undefined, undefined, 'must be an object')]);
		}
	});

	test('Refuses an object the portal does not have', () => {
		const input = { ...secondSchemaMap(), widgets: { collection: 'widgets', fields: {} } };
		expect(problemsOf(input)).toEqual([problemAt('widgets', undefined, undefined, 'not one of the portal’s objects')]);
	});

	test('Refuses a role the object does not have', () => {
		const input = secondMapWith((map) => Object.assign(map.customers.fields, { colour: 'label' }));
		expect(problemsOf(input)).toEqual([problemAt('customers', 'colour', undefined, 'not a role of customers')]);
	});

	test('Refuses a map without customers or contacts', () => {
		expect(problemsOf(secondMapWith((map) => Object.assign(map, { customers: null })))).toEqual([
			problemAt('customers', undefined, undefined, 'customers: Customers must be mapped'),
		]);
		expect(problemsOf(secondMapWith((map) => delete (map as Partial<DataMap>).contacts))).toEqual([
			problemAt('contacts', undefined, undefined, 'contacts: Contacts must be mapped'),
		]);
	});

	test('Refuses an object mapped to something other than an object', () => {
		const input = secondMapWith((map) => Object.assign(map, { tickets: 'cases' }));
		expect(problemsOf(input)).toEqual([
			problemAt('tickets', undefined, undefined, 'must be null (not mapped) or an object'),
		]);
	});

	test('Refuses an object without a collection name', () => {
		const input = secondMapWith((map) => Object.assign(map.tickets!, { collection: ['cases'] }));
		expect(problemsOf(input)).toEqual([
			problemAt('tickets', undefined, undefined, '`collection` must name a collection'),
		]);
	});

	test('Refuses an object without fields', () => {
		const input = secondMapWith((map) => Object.assign(map.contacts, { fields: 'uuid,email' }));
		expect(problemsOf(input)).toEqual([problemAt('contacts', undefined, undefined, '`fields` must be an object')]);
	});

	test('Refuses anything else in an object’s map', () => {
		const input = secondMapWith((map) => Object.assign(map.contacts, { where: 'email is not null' }));
		expect(problemsOf(input)).toEqual([problemAt('contacts', undefined, undefined, '`where` is not part of')]);
	});

	test('Refuses a role given something other than a field name or null', () => {
		const input = secondMapWith((map) => Object.assign(map.contacts.fields, { email: 3 }));
		expect(problemsOf(input)).toEqual([problemAt('contacts', 'email', undefined, 'must be a field name, or null')]);
	});

	test('Refuses names that would need quoting in SQL', () => {
		const badField = secondMapWith((map) => (map.contacts.fields.email = 'email" or 1=1 --'));
		expect(problemsOf(badField)).toEqual([
			problemAt('contacts', 'email', 'email" or 1=1 --', 'is not a field name: a name has only letters'),
		]);
		const badCollection = secondMapWith((map) => (map.tickets!.collection = 'cases-2'));
		expect(problemsOf(badCollection)).toEqual([
			problemAt('tickets', undefined, undefined, '`cases-2` is not a collection name'),
		]);
		const digitFirst = secondMapWith((map) => (map.contacts.fields.email = '2email'));
		expect(problemsOf(digitFirst)).toEqual([problemAt('contacts', 'email', '2email', 'is not a field name')]);
	});

	test('Refuses a path that is not field names joined by dots, or longer than four steps', () => {
		const badStep = secondMapWith((map) => (map.tickets!.fields.customer = 'opened_by..org'));
		expect(problemsOf(badStep)).toEqual([problemAt('tickets', 'customer', 'opened_by..org', 'is not a path')]);
		const dotted = secondMapWith((map) => (map.tickets!.fields.subject = 'opened_by.email'));
		expect(problemsOf(dotted)).toEqual([problemAt('tickets', 'subject', 'opened_by.email', 'is not a field name')]);
		const long = secondMapWith((map) => (map.tickets!.fields.customer = 'a.b.c.d.e'));
		expect(problemsOf(long)).toEqual([
			problemAt('tickets', 'customer', 'a.b.c.d.e', 'has 5 steps; a path has at most 4'),
		]);
	});
});

describe('States', () => {
	const withStates = (status: unknown) => secondMapWith((map) => Object.assign(map.tickets!, { states: { status } }));
	const statusProblem = (words: string) => problemAt('tickets', 'status', 'state', words);

	test('Refuses a state without values', () => {
		const { closed: _, ...rest } = secondSchemaMap().tickets!.states!.status!;
		expect(problemsOf(withStates(rest))).toEqual([statusProblem('the state `closed` needs a list')]);
		expect(problemsOf(withStates({ ...rest, closed: [] }))).toEqual([statusProblem('the state `closed` needs a list')]);
		expect(problemsOf(withStates({ ...rest, closed: 'closed' }))).toEqual([
			statusProblem('the state `closed` needs a list'),
		]);
	});

	test('Refuses empty or non-text values', () => {
		const states = secondSchemaMap().tickets!.states!.status!;
		expect(problemsOf(withStates({ ...states, closed: ['closed', ' '] }))).toEqual([
			statusProblem('the values of the state `closed` must be text'),
		]);
		expect(problemsOf(withStates({ ...states, closed: [5] }))).toEqual([
			statusProblem('the values of the state `closed` must be text'),
		]);
	});

	test('Refuses a value meaning two states', () => {
		const states = secondSchemaMap().tickets!.states!.status!;
		expect(problemsOf(withStates({ ...states, closed: ['closed', 'solved'] }))).toEqual([
			statusProblem('the value `solved` cannot mean both `resolved` and `closed`'),
		]);
	});

	test('Refuses a state the object does not have, states missing, and states on an object without any', () => {
		const states = secondSchemaMap().tickets!.states!.status!;
		expect(problemsOf(withStates({ ...states, archived: ['archived'] }))).toEqual([
			statusProblem('`archived` is not a state of tickets'),
		]);
		expect(problemsOf(withStates(undefined))).toEqual([statusProblem('`states` must list')]);
		const onContacts = secondMapWith((map) => Object.assign(map.contacts, { states: { active: ['yes'] } }));
		expect(problemsOf(onContacts)).toEqual([problemAt('contacts', undefined, undefined, 'has no states')]);
	});
});

describe('Objects within objects, and roles reaching unmapped objects', () => {
	test('Refuses a child object whose parent is not mapped', () => {
		const input = secondMapWith((map) => {
			map.tickets = null;
			map.ticket_followers = null;
			map.ticket_participants = null;
		});
		expect(problemsOf(input)).toEqual([
			problemAt('ticket_replies', undefined, undefined, 'can be mapped only when tickets are'),
		]);
	});

	test('Refuses an alias listing an object that is not mapped', () => {
		const input = secondMapWith((map) => (map.ticket_participants = null));
		expect(problemsOf(input)).toEqual([
			problemAt('tickets', 'participants', 'watchers', 'must be null, as ticket_participants are not mapped'),
			problemAt(
				'ticket_followers',
				'participant',
				'participant',
				'must be null, as ticket_participants are not mapped',
			),
		]);
	});

	test('Refuses an alias listing through a role that is not mapped', () => {
		const input = bundledDataMap();
		input.contacts.fields.location = null;
		expect(problemsOf(input, bundledFacts.sqlite3)).toEqual([
			problemAt('locations', 'contacts', 'contacts', 'must be null, as contacts.location is not mapped'),
		]);
	});

	test('Refuses a many-to-one to an object that is not mapped', () => {
		const input = secondMapWith((map) => (map.contacts.fields.location = 'org'));
		expect(problemsOf(input)).toEqual([
			problemAt('contacts', 'location', 'org', 'must be null, as locations are not mapped'),
		]);
	});

	test('Refuses a role the object needs left unmapped', () => {
		const input = secondMapWith((map) => (map.tickets!.fields.subject = null));
		expect(problemsOf(input)).toEqual([problemAt('tickets', 'subject', undefined, 'no field is named')]);
	});
});

describe('Collections', () => {
	test('Refuses a collection that does not exist', () => {
		const input = secondMapWith((map) => (map.tickets!.collection = 'issues'));
		expect(problemsOf(input)).toContainEqual(
			problemAt('tickets', undefined, undefined, 'there is no collection `issues`'),
		);
	});

	test('Refuses a collection playing two objects', () => {
		const input = secondMapWith((map) => (map.ticket_replies!.collection = 'cases_people'));
		expect(problemsOf(input)).toContainEqual(
			problemAt('ticket_replies', undefined, undefined, '`cases_people` already plays ticket_participants'),
		);
	});

	test('Refuses Directus’s own collections', () => {
		const input = secondMapWith((map) => (map.contacts.collection = 'directus_users'));
		expect(problemsOf(input)).toContainEqual(
			problemAt('contacts', undefined, undefined, '`directus_users` is one of Directus’s own collections'),
		);
	});
});

describe('Fields and their kinds', () => {
	const refusedAt = (change: (map: DataMap) => void, facts?: SchemaFacts) =>
		problemsOf(facts ? changed(bundledDataMap(), change) : secondMapWith(change), facts);
	const changed = (map: DataMap, change: (map: DataMap) => void) => (change(map), map);

	test('Refuses a field that does not exist', () => {
		expect(refusedAt((map) => (map.tickets!.fields.subject = 'headline'))).toEqual([
			problemAt('tickets', 'subject', 'headline', '`cases` has no field `headline`'),
		]);
	});

	test('Refuses a key that is not the primary key', () => {
		expect(refusedAt((map) => (map.contacts.fields.id = 'email'))).toEqual([
			problemAt('contacts', 'id', 'email', 'field `email` of `people` is not its primary key (`uuid` is)'),
		]);
	});

	test('Refuses a field of the wrong type for text, boolean, date and list roles', () => {
		expect(refusedAt((map) => (map.tickets!.fields.subject = 'reopen_count'))).toEqual([
			problemAt(
				'tickets',
				'subject',
				'reopen_count',
				'is an integer; the subject field must be a string or text field',
			),
		]);
		expect(refusedAt((map) => (map.ticket_replies!.fields.internal = 'text'))).toEqual([
			problemAt('ticket_replies', 'internal', 'text', 'is a text; the internal field must be a boolean field'),
		]);
		expect(refusedAt((map) => (map.tickets!.fields.date_created = 'title'))).toEqual([
			problemAt('tickets', 'date_created', 'title', 'is a string; the date created field must be a date'),
		]);
		expect(refusedAt((map) => (map.customers.fields.email_domains = 'founded'))).toEqual([
			problemAt(
				'customers',
				'email_domains',
				'founded',
				'is a date; the email domains field must be a CSV or JSON list',
			),
		]);
	});

	test('Refuses a field of the wrong type for a number role', () => {
		expect(refusedAt((map) => (map.project_tasks!.fields.sort = 'name'), bundledFacts.sqlite3)).toEqual([
			problemAt('project_tasks', 'sort', 'name', 'is a string; the sort field must be a number field'),
		]);
	});

	test('Refuses a protected field for any role: a plain one, a path step, a product role', () => {
		expect(refusedAt((map) => (map.contacts.fields.phone = 'pin'))).toEqual([
			problemAt('contacts', 'phone', 'pin', 'field `pin` of `people` is protected'),
		]);
		expect(refusedAt((map) => (map.contacts.fields.first_name = 'secret_note'))).toEqual([
			problemAt('contacts', 'first_name', 'secret_note', 'field `secret_note` of `people` is protected'),
		]);
		expect(refusedAt((map) => (map.tickets!.fields.customer = 'opened_by.secret_note'))).toEqual([
			problemAt('tickets', 'customer', 'opened_by.secret_note', 'field `secret_note` of `people` is protected'),
		]);
		expect(refusedAt((map) => (map.customers.fields.tree_path = 'api_token'))).toEqual([
			problemAt('customers', 'tree_path', 'api_token', 'field `api_token` of `organizations` is protected'),
		]);
	});

	test('Refuses a field playing two roles of one object', () => {
		expect(refusedAt((map) => (map.contacts.fields.first_name = 'family_name'))).toEqual([
			problemAt('contacts', 'last_name', 'family_name', 'field `family_name` of `people` already plays `first_name`'),
		]);
	});

	test('Refuses a many-to-one that is not one, or leads elsewhere', () => {
		expect(refusedAt((map) => (map.tickets!.fields.requester = 'title'))).toEqual([
			problemAt('tickets', 'requester', 'title', 'is a string; the requester field must be a many-to-one to `people`'),
		]);
		expect(refusedAt((map) => (map.tickets!.fields.requester = 'account'))).toEqual([
			problemAt(
				'tickets',
				'requester',
				'account',
				'leads to `organizations`; the requester field must be a many-to-one to `people`',
			),
		]);
		expect(refusedAt((map) => (map.contacts.fields.user = 'billing_org'))).toEqual([
			problemAt('contacts', 'user', 'billing_org', 'must be a many-to-one to `directus_users`'),
		]);
	});

	test('Refuses a customer parent that does not relate customers to themselves', () => {
		expect(
			refusedAt((map) => {
				map.customers.fields.parent = 'account_manager';
				// The children alias lists customers through the parent field: it goes with the parent.
				map.customers.fields.children = null;
			}),
		).toEqual([
			problemAt(
				'customers',
				'parent',
				'account_manager',
				'leads to `directus_users`; the parent field must be a many-to-one from `organizations` to itself',
			),
		]);
	});

	test('Refuses a one-to-many that is not an alias, lists another collection, or lists through another field', () => {
		expect(refusedAt((map) => (map.customers.fields.children = 'label'))).toEqual([
			problemAt('customers', 'children', 'label', 'is a string, not a one-to-many'),
		]);
		expect(refusedAt((map) => (map.customers.fields.contacts = 'sub_orgs'))).toEqual([
			problemAt(
				'customers',
				'contacts',
				'sub_orgs',
				'lists the rows of `organizations` through `parent_org`; the contacts alias must list the rows of `people` through their field `org`',
			),
		]);
		expect(refusedAt((map) => (map.customers.fields.contacts = 'billed_people'))).toEqual([
			problemAt('customers', 'contacts', 'billed_people', 'lists the rows of `people` through `billing_org`'),
		]);
		const locations = (map: DataMap) => (map.customers.fields.contacts = 'locations');
		expect(refusedAt(locations, bundledFacts.sqlite3)).toEqual([
			problemAt('customers', 'contacts', 'locations', 'lists the rows of `locations` through `customer`'),
		]);
	});

	test('Refuses a customer path whose step is no many-to-one', () => {
		expect(refusedAt((map) => (map.tickets!.fields.customer = 'title'))).toEqual([
			{
				object: 'tickets',
				role: 'customer',
				field: 'title',
				message:
					'tickets.customer: field `title` of `cases` is a string; the customer path must be a many-to-one to `organizations`.',
			},
		]);
		expect(refusedAt((map) => (map.tickets!.fields.customer = 'opened_by.email'))).toEqual([
			problemAt('tickets', 'customer', 'opened_by.email', 'each step of the customer path `opened_by.email` must be'),
		]);
		expect(refusedAt((map) => (map.tickets!.fields.customer = 'opened_by.company'))).toEqual([
			problemAt('tickets', 'customer', 'opened_by.company', '`people` has no field `company`'),
		]);
	});

	test('Refuses a customer path ending elsewhere, or going round', () => {
		expect(refusedAt((map) => (map.tickets!.fields.customer = 'opened_by'))).toEqual([
			problemAt('tickets', 'customer', 'opened_by', 'ends at `people`, not at `organizations`'),
		]);
		expect(refusedAt((map) => (map.tickets!.fields.customer = 'account.parent_org'))).toEqual([
			problemAt('tickets', 'customer', 'account.parent_org', 'comes back to `organizations` at `parent_org`, a cycle'),
		]);
	});
});

describe('What the product adds', () => {
	test('Refuses a product role whose existing field does not fit', () => {
		expect(problemsOf(secondMapWith((map) => (map.customers.fields.badge = 'label')))).toEqual([
			problemAt('customers', 'badge', 'label', 'must be a many-to-one to `directus_policies`'),
		]);
		expect(problemsOf(secondMapWith((map) => (map.tickets!.fields.customer_path = 'reopen_count')))).toEqual([
			problemAt('tickets', 'customer_path', 'reopen_count', 'is an integer'),
		]);
	});

	test('Refuses two product roles naming one field to add', () => {
		expect(problemsOf(secondMapWith((map) => (map.customers.fields.tree_path = 'portal_badge')))).toEqual([
			problemAt('customers', 'tree_path', 'portal_badge', 'already plays `badge`'),
		]);
	});

	test('Takes a product role’s existing field when it fits: nothing to add', () => {
		const facts = secondSchemaFacts();
		const cases = facts.collections['cases']!;
		const withPath = {
			...facts,
			collections: {
				...facts.collections,
				cases: { ...cases, fields: { ...cases.fields, portal_customer_path: { type: 'text', special: [] } } },
			},
		};
		const result = validateDataMap(secondSchemaMap(), withPath);
		expect(result.problems).toEqual([]);
		expect(result.additions.map(({ object, role }) => `${object}.${role}`)).not.toContain('tickets.customer_path');
	});

	test('Refuses a missing field or collection for a role or object that is not the product’s', () => {
		expect(problemsOf(secondMapWith((map) => (map.contacts.fields.phone = 'mobile')))).toEqual([
			problemAt('contacts', 'phone', 'mobile', '`people` has no field `mobile`'),
		]);
		expect(problemsOf(secondMapWith((map) => (map.ticket_participants!.collection = 'watchers')))).toContainEqual(
			problemAt('ticket_participants', undefined, undefined, 'there is no collection `watchers`'),
		);
	});
});

describe('The alias listing a user’s contacts', () => {
	test('Is added on Directus’s users when the relation has none, and refused under another name when it has one', () => {
		const facts = secondSchemaFacts();
		const taken = {
			...facts,
			relations: facts.relations.map((relation) =>
				relation.collection === 'people' && relation.field === 'directus_user'
					? { ...relation, meta: { one_field: 'person', junction_field: null } }
					: relation,
			),
			collections: {
				...facts.collections,
				directus_users: {
					primary: 'id',
					fields: { ...facts.collections['directus_users']!.fields, person: { type: 'alias', special: ['o2m'] } },
				},
			},
		};
		expect(validateDataMap(secondSchemaMap(), taken).problems).toEqual([
			problemAt('contacts', 'user_contacts', 'portal_people', '`directus_users` already lists them as `person`'),
		]);
		const named = secondMapWith((map) => (map.contacts.fields.user_contacts = 'person'));
		const result = validateDataMap(named, taken);
		expect(result.problems).toEqual([]);
		expect(result.additions.map(({ role }) => role)).not.toContain('user_contacts');
	});
});
