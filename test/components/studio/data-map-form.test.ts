/** The data map page's form: which fields each kind of role is offered, the map a form stands for, and where problems show. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	chooseCollection,
	collectionChoices,
	dataMapFromForm,
	fieldChoices,
	fittingFields,
	messageParts,
	type ObjectEntry,
	objectSections,
	pathSuggestions,
	problemsByPlace,
	toDataMapForm,
} from '../../../extensions/module/customer-portal/lib/data-map-form.ts';
import { dataMapRefusal } from '../../../extensions/module/customer-portal/lib/data-map-refusal.ts';
import { snapshotPaths } from '../../../scripts/lib/directus-instance.ts';
import { bundledDataMap, type DataMap } from '../../../src/data-map/data-map.ts';
import { type ObjectName, objectNames, objectSpecs, type RoleSpec } from '../../../src/data-map/object-specs.ts';
import { schemaFactsFromSnapshot } from '../../../src/data-map/schema-facts-from-snapshot.ts';
import { validateDataMap } from '../../../src/data-map/validate-data-map.ts';
import { secondSchemaFacts } from '../../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const objects: ObjectEntry[] = objectNames.map((name) => ({ name, ...objectSpecs[name] }));
const bundledFacts = () => schemaFactsFromSnapshot(JSON.parse(readFileSync(snapshotPaths.sqlite3, 'utf8')));
const specOf = (object: ObjectName, role: string) =>
	(objectSpecs[object].roles as Record<string, RoleSpec>)[role] as RoleSpec;
/** The fields offered for `object.role` on the second schema (its own map unless told otherwise). */
const offered = (object: ObjectName, role: string, map: DataMap = secondSchemaMap()) =>
	fittingFields(secondSchemaFacts(), map, object, role, specOf(object, role));

describe('Fields offered by the kind of role', () => {
	test('Plain kinds: only fields of a fitting type, never a hashed or concealed one', () => {
		// organizations.api_token is a concealed string, founded a date; account_manager is a uuid, which is text.
		expect(offered('customers', 'name')).toEqual(['account_manager', 'label']);
		expect(offered('customers', 'visible_to_parent')).toEqual(['share_with_parent']);
		expect(offered('customers', 'email_domains')).toEqual(['domains']);
		expect(offered('tickets', 'date_created')).toEqual(['created_on']);
		expect(offered('ticket_replies', 'internal')).toEqual(['private']);
		// people.pin is hashed and people.secret_note concealed: text, but never offered.
		expect(offered('contacts', 'last_name')).toEqual(['directus_user', 'email', 'family_name', 'given_name', 'uuid']);
		const numbers = fittingFields(
			bundledFacts(),
			bundledDataMap(),
			'projects',
			'estimated_hours',
			specOf('projects', 'estimated_hours'),
		);
		expect(numbers).toContain('estimated_hours');
		expect(numbers).not.toContain('name');
		expect(numbers).not.toContain('start_date');
	});

	test('A key is the primary key only', () => {
		expect(offered('contacts', 'id')).toEqual(['uuid']);
		expect(offered('tickets', 'id')).toEqual(['id']);
	});

	test('A many-to-one: the fields related to the collection the target object is mapped to', () => {
		expect(offered('contacts', 'customer')).toEqual(['billing_org', 'org']);
		expect(offered('contacts', 'user')).toEqual(['directus_user']);
		expect(offered('ticket_replies', 'author_contact')).toEqual(['author']);
		expect(offered('ticket_replies', 'author_user')).toEqual(['staff_author']);
		// Customers played by people instead: what leads to people fits, what leads to organizations no longer does.
		const moved = secondSchemaMap();
		moved.customers.collection = 'people';
		expect(offered('tickets', 'requester', moved)).toEqual(['opened_by']);
		expect(offered('contacts', 'customer', moved)).toEqual([]);
	});

	test('A one-to-many: the alias listing the other object’s rows through its role, not any alias', () => {
		expect(offered('customers', 'contacts')).toEqual(['people']);
		expect(offered('customers', 'children')).toEqual(['sub_orgs']);
		const billed = secondSchemaMap();
		billed.contacts.fields.customer = 'billing_org';
		expect(offered('customers', 'contacts', billed)).toEqual(['billed_people']);
	});

	test('The select: "Not used" for an optional role only; the current field marked when it does not fit', () => {
		const facts = secondSchemaFacts();
		const map = secondSchemaMap();
		expect(
			fieldChoices(facts, map, 'contacts', 'first_name', specOf('contacts', 'first_name'), 'given_name')[0],
		).toEqual({ text: 'Not used', value: null });
		expect(fieldChoices(facts, map, 'contacts', 'customer', specOf('contacts', 'customer'), 'pin')).toEqual([
			{ text: 'billing_org', value: 'billing_org' },
			{ text: 'org', value: 'org' },
			{ text: 'pin (does not fit)', value: 'pin' },
		]);
	});

	test('A path: the chains that reach the target first, then the many-to-one fields to start from', () => {
		const suggestions = pathSuggestions(
			secondSchemaFacts(),
			secondSchemaMap(),
			'tickets',
			'customer',
			specOf('tickets', 'customer'),
		);
		expect(suggestions.slice(0, 3)).toEqual(['account', 'opened_by.org', 'opened_by.billing_org']);
		expect(suggestions).toContain('opened_by');
		expect(new Set(suggestions).size).toBe(suggestions.length);
	});

	test('Collections: the team’s own, "Not used" only for objects that are not required', () => {
		const facts = bundledFacts();
		const product = ['portal_groups', 'portal_settings', 'customer_tree', 'ticket_followers'];
		const customers = collectionChoices(facts, objects[0] as ObjectEntry, product).map((choice) => choice.value);
		expect(customers).toContain('customers');
		expect(customers).not.toContain(null);
		expect(customers.some((name) => name?.startsWith('directus_'))).toBe(false);
		expect(customers).not.toContain('portal_groups');
		expect(customers).not.toContain('ticket_followers');
		// The portal's collections are the ones the page is told: a derived table under a name the install chose too.
		const renamed = collectionChoices(facts, objects[0] as ObjectEntry, [...product, 'customers']);
		expect(renamed.map((choice) => choice.value)).not.toContain('customers');
		const tickets = collectionChoices(facts, objects.find((entry) => entry.name === 'tickets') as ObjectEntry, product);
		expect(tickets[0]).toEqual({ text: 'Not used', value: null });
	});
});

describe('The map built from the form', () => {
	test('An unchanged form is the map it was made from, and that map still fits', () => {
		for (const [map, facts] of [
			[bundledDataMap(), bundledFacts()],
			[secondSchemaMap(), secondSchemaFacts()],
		] as const) {
			const built = dataMapFromForm(toDataMapForm(map, objects), objects);
			expect(built).toEqual(map);
			expect(validateDataMap(built, facts).problems).toEqual([]);
		}
	});

	test('An object not used is null, and so is every role reaching it; the form keeps their fields', () => {
		const form = toDataMapForm(bundledDataMap(), objects);
		form.locations.collection = null;
		const map = dataMapFromForm(form, objects);
		expect(map.locations).toBeNull();
		expect(map.contacts.fields.location).toBeNull();
		expect(map.devices?.fields.location).toBeNull();
		expect(map.customers.fields.locations).toBeNull();
		expect(map.contacts.fields.last_name).toBe('last_name');
		expect(form.contacts.fields['location']).toBe('location');
		expect(validateDataMap(map, bundledFacts()).problems).toEqual([]);
	});

	test('Objects within one not used are not used either, the portal’s own included', () => {
		const form = toDataMapForm(bundledDataMap(), objects);
		form.tickets.collection = null;
		const map = dataMapFromForm(form, objects);
		for (const name of ['tickets', 'ticket_followers', 'ticket_replies', 'ticket_priorities'] as const)
			expect(map[name]).toBeNull();
		expect(map.customers.fields.tickets).toBeNull();
		expect(form.ticket_replies.collection).toBe('ticket_comments');
		expect(validateDataMap(map, bundledFacts()).problems).toEqual([]);
	});

	test('State values: comma-separated text, trimmed, empty ones left out', () => {
		const form = toDataMapForm(secondSchemaMap(), objects);
		expect(form.tickets.states['status']?.['open']).toBe('open, reopened');
		(form.tickets.states['status'] as Record<string, string>)['open'] = ' open ,reopened,, ';
		expect(dataMapFromForm(form, objects).tickets?.states?.status?.['open']).toEqual(['open', 'reopened']);
	});

	test('A new collection: fields that fit are kept, else the bundled name where it fits; the product’s names', () => {
		const facts = secondSchemaFacts();
		const form = toDataMapForm(secondSchemaMap(), objects);
		chooseCollection(form, objects, facts, 'tickets', 'cases');
		expect(dataMapFromForm(form, objects)).toEqual(secondSchemaMap());

		const fresh = toDataMapForm({ ...secondSchemaMap(), tickets: null }, objects);
		chooseCollection(fresh, objects, facts, 'tickets', 'cases');
		expect(fresh.tickets.fields).toMatchObject({
			id: 'id',
			subject: null,
			requester: null,
			followers: 'portal_followers',
			customer_path: 'portal_customer_path',
		});
		const bundled = toDataMapForm({ ...bundledDataMap(), tickets: null }, objects);
		chooseCollection(bundled, objects, bundledFacts(), 'tickets', 'tickets');
		expect(dataMapFromForm(bundled, objects)).toEqual(bundledDataMap());
	});
});

describe('Problems next to what they name', () => {
	test('By object.role, without the prefix the place already says; an object’s own under its name', () => {
		const map = secondSchemaMap();
		map.tickets = {
			...(map.tickets as NonNullable<DataMap['tickets']>),
			fields: { ...map.tickets?.fields, customer: 'opened_by' },
		} as DataMap['tickets'];
		map.contacts.fields.first_name = 'pin';
		const problems = validateDataMap(map, secondSchemaFacts()).problems;
		const byPlace = problemsByPlace(problems);
		expect(byPlace['tickets.customer']).toEqual([
			'the customer path `opened_by` ends at `people`, not at `organizations`.',
		]);
		expect(byPlace['contacts.first_name']?.[0]).toMatch(/^field `pin` of `people` is protected/);
		expect(Object.keys(byPlace).sort()).toEqual(['contacts.first_name', 'tickets.customer']);
		expect(problemsByPlace([{ object: 'tickets', message: 'tickets: there is no collection `cases`.' }])).toEqual({
			tickets: ['there is no collection `cases`.'],
		});
	});

	test('The names a message quotes are marked as code', () => {
		expect(messageParts('`people` has no field `email`.')).toEqual([
			{ text: 'people', code: true },
			{ text: ' has no field ', code: false },
			{ text: 'email', code: true },
			{ text: '.', code: false },
		]);
	});

	test('A refused check reads as its problems; any other failure is an error', () => {
		const problems = [{ object: 'tickets', role: 'customer', field: 'x', message: 'tickets.customer: no.' }];
		const refusal = {
			response: {
				data: {
					errors: [{ message: 'The data map is not valid', extensions: { code: 'INVALID_DATA_MAP', problems } }],
				},
			},
		};
		expect(dataMapRefusal(refusal)).toEqual(problems);
		expect(dataMapRefusal({ response: { data: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } } })).toBeNull();
		expect(dataMapRefusal(new Error('Network Error'))).toBeNull();
	});
});

describe('Sections', () => {
	test('Every object once, in the order given, with the objects that live within it', () => {
		const sections = objectSections(objects);
		expect(sections.map((section) => section.title)).toEqual([
			'Customers & contacts',
			'Tickets',
			'Projects',
			'Devices',
			'Knowledge',
			'Financials',
		]);
		expect(sections.flatMap((section) => section.objects.map((entry) => entry.name))).toEqual([...objectNames]);
		expect(sections[1]?.objects.map((entry) => entry.name)).toContain('ticket_followers');
	});
});
