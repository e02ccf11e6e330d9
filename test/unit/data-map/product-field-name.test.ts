import { expect, test } from 'vitest';
import { objectSpecs } from '../../../src/data-map/object-specs.ts';
import { productFieldName } from '../../../src/data-map/product-field-name.ts';

test('The product’s fields keep their bundled names on the bundled collections, and are portal_-prefixed on a team’s', () => {
	const { customers, contacts } = objectSpecs;
	expect(productFieldName(customers, customers.roles.tree_path, 'customers')).toBe('tree_path');
	expect(productFieldName(customers, customers.roles.tree_path, 'organizations')).toBe('portal_tree_path');
	expect(productFieldName(customers, customers.roles.badge, 'organizations')).toBe('portal_badge');
	expect(productFieldName(contacts, contacts.roles.login_suspended, 'people')).toBe('portal_login_suspended');
});
