import { expect, test } from 'vitest';
import { customerDependentsOf } from '../../src/customers/customer-dependents-of.ts';
import { bundledDataMap } from '../../src/data-map/data-map.ts';
import { secondSchemaMap } from '../support/second-schema/second-schema-map.ts';

test('the bundled dependents of a customer are those of the bundled schema', () => {
	expect(customerDependentsOf(bundledDataMap())).toEqual([
		{ object: 'customers', collection: 'customers', field: 'parent' },
		{ object: 'contacts', collection: 'contacts', field: 'customer' },
		{ object: 'tickets', collection: 'tickets', field: 'customer' },
		{ object: 'projects', collection: 'projects', field: 'customer' },
		{ object: 'devices', collection: 'devices', field: 'customer' },
		{ object: 'invoices', collection: 'invoices', field: 'customer' },
		{ object: 'quotes', collection: 'quotes', field: 'customer' },
	]);
});

test('on another map they are counted in its collections; objects it leaves out, an unmapped parent and chains are not', () => {
	const map = secondSchemaMap();
	expect(customerDependentsOf(map)).toEqual([
		{ object: 'customers', collection: 'organizations', field: 'parent_org' },
		{ object: 'contacts', collection: 'people', field: 'org' },
		{ object: 'tickets', collection: 'cases', field: 'account' },
	]);
	const tickets = map.tickets;
	if (!tickets) throw new Error('The second schema has tickets.');
	const other = {
		...map,
		customers: { ...map.customers, fields: { ...map.customers.fields, parent: null } },
		tickets: { ...tickets, fields: { ...tickets.fields, customer: 'site.account' } },
	};
	expect(customerDependentsOf(other)).toEqual([{ object: 'contacts', collection: 'people', field: 'org' }]);
});
