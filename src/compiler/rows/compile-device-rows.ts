import type { CapabilityKey, GroupPermissions } from '../../catalogue/capabilities.ts';
import { allOf } from '../filters/all-of.ts';
import { anyOf } from '../filters/any-of.ts';
import { isAtMyLocation } from '../filters/is-at-my-location.ts';
import { isByMe } from '../filters/is-by-me.ts';
import { isOfMyCustomer } from '../filters/is-of-my-customer.ts';
import { fieldOf, fieldsOf, mapOf } from '../mapped-fields.ts';
import type { CompiledPermission, CompileSettings, Filter } from '../types.ts';
import { myContactIds, myCustomerIds, myLocationIds } from '../variables.ts';
import { permissionRow } from './permission-row.ts';

/** Devices: registering one, and seeing and editing those the device scope reaches. */
export function compileDeviceRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const map = mapOf(settings);
	const { devices } = map;
	if (devices === null) return [];
	const access = permissions['devices.access'];
	const scope = permissions['devices.scope'];
	const rows: CompiledPermission[] = [];
	const customer = fieldOf(devices, 'customer');
	const createdBy = fieldOf(devices, 'created_by_contact');
	const location = devices.fields.location;
	// Registering a device needs edit access only; seeing devices (and so editing them) needs a scope too. A
	// device that reaches its customer through a chain cannot be pinned to the contact's customer by a rule.
	if (access === 'edit' && !customer.includes('.')) {
		rows.push(
			permissionRow(
				devices.collection,
				'create',
				fieldsOf(devices, ['name', 'type', 'serial', 'location', 'customer', 'created_by_contact']),
				['devices.access'],
				{
					validation: {
						_and: [{ [customer]: { _in: myCustomerIds(map) } }, { [createdBy]: { _in: myContactIds(map) } }],
					},
				},
			),
		);
	}
	if (access === 'none' || scope === 'none') return rows;
	const atMyLocation = location === null ? null : isAtMyLocation(location, myLocationIds(map));
	const mine: Filter[] = [isByMe(createdBy, map), ...(atMyLocation ? [atMyLocation] : [])];
	if (scope === 'created_location_or_unlocated' && location !== null) mine.push({ [location]: { _null: true } });
	const ofMyCustomer = isOfMyCustomer(customer, map);
	const visible = scope === 'all' ? ofMyCustomer : allOf(ofMyCustomer, anyOf(...mine));
	const fields = fieldsOf(devices, [
		'id',
		'name',
		'type',
		'serial',
		'customer',
		'location',
		'created_by_contact',
		'date_created',
		'date_updated',
		...permissions['devices.extra_fields'],
	]);
	const because: CapabilityKey[] =
		permissions['devices.extra_fields'].length > 0
			? ['devices.access', 'devices.scope', 'devices.extra_fields']
			: ['devices.access', 'devices.scope'];
	rows.unshift(permissionRow(devices.collection, 'read', fields, because, { permissions: visible }));
	if (access === 'edit')
		rows.push(
			permissionRow(
				devices.collection,
				'update',
				fieldsOf(devices, ['name', 'type', 'serial', 'location']),
				['devices.access'],
				{
					permissions: visible,
				},
			),
		);
	return rows;
}
