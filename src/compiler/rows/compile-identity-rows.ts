import type { GroupPermissions } from '../../catalogue/capabilities.ts';
import { ownUserRow } from '../../policies/system-permissions.ts';
import { customersInScope } from '../filters/customers-in-scope.ts';
import { ofCustomersInScope } from '../filters/of-customers-in-scope.ts';
import { fieldOf, fieldsOf, mapOf } from '../mapped-fields.ts';
import type { CompiledPermission, CompileSettings, Filter } from '../types.ts';
import { permissionRow } from './permission-row.ts';
import { systemRow } from './system-row.ts';

/**
 * Who they are: their own user row, contact, customer, and the people and sites the portal names. Every
 * group that grants anything gets these; they reach as far as the widest of its ticket and project scopes.
 */
export function compileIdentityRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const { customers, contacts, locations } = mapOf(settings);
	const treeWide = permissions['tickets.view'] === 'customer_tree' || permissions['projects.view'] === 'customer_tree';
	const peopleScope = treeWide ? 'customer_tree' : 'customer';
	const readableCustomers = customersInScope(peopleScope, settings) as Filter;
	// O2M aliases are listed too: Directus's GraphQL keeps a relation only when its alias on the other
	// side is readable, and the rows behind an alias stay filtered by their own collection's rule.
	const customerAliases = [
		['tickets', permissions['tickets.view'] !== 'none'],
		['projects', permissions['projects.view'] !== 'none'],
		['devices', permissions['devices.scope'] !== 'none'],
		['invoices', permissions['invoices.view']],
		['quotes', permissions['quotes.decide']],
	] as const;
	const customerFields = fieldsOf(customers, [
		'id',
		'name',
		'parent',
		'status',
		'children',
		'contacts',
		'locations',
		...customerAliases.filter(([, granted]) => granted).map(([alias]) => alias),
	]);
	const rows = [
		systemRow('directus_users', 'read', [], () => ({ permissions: ownUserRow })),
		// The language the portal speaks to them is theirs to choose; their name too with profile.edit.
		systemRow('directus_users', 'update', permissions['profile.edit'] ? ['profile.edit'] : [], (allowed) => ({
			fields: permissions['profile.edit'] ? [...allowed.fields] : ['language'],
			permissions: ownUserRow,
		})),
		permissionRow(customers.collection, 'read', customerFields, [], { permissions: readableCustomers }),
		permissionRow(
			contacts.collection,
			'read',
			fieldsOf(contacts, ['id', 'first_name', 'last_name', 'email', 'phone', 'customer', 'location']),
			[],
			{ permissions: ofCustomersInScope(peopleScope, settings, fieldOf(contacts, 'customer')) },
		),
	];
	if (locations)
		rows.push(
			permissionRow(locations.collection, 'read', fieldsOf(locations, ['id', 'name', 'customer', 'contacts']), [], {
				permissions: ofCustomersInScope(peopleScope, settings, fieldOf(locations, 'customer')),
			}),
		);
	return rows;
}
