import type { CapabilityKey, GroupPermissions } from '../../catalogue/capabilities.ts';
import { allOf } from '../filters/all-of.ts';
import { anyOf } from '../filters/any-of.ts';
import { isAtMyLocation } from '../filters/is-at-my-location.ts';
import { isByMe } from '../filters/is-by-me.ts';
import { isOfMyCustomer } from '../filters/is-of-my-customer.ts';
import type { CompiledPermission, Filter } from '../types.ts';
import { myContactIds, myCustomerIds } from '../variables.ts';
import { permissionRow } from './permission-row.ts';

/** Devices: registering one, and seeing and editing those the device scope reaches. */
export function compileDeviceRows(permissions: GroupPermissions): CompiledPermission[] {
	const access = permissions['devices.access'];
	const scope = permissions['devices.scope'];
	const rows: CompiledPermission[] = [];
	// Registering a device needs edit access only; seeing devices (and so editing them) needs a scope too.
	if (access === 'edit') {
		rows.push(
			permissionRow(
				'devices',
				'create',
				['name', 'type', 'serial', 'location', 'customer', 'created_by_contact'],
				['devices.access'],
				{
					validation: { _and: [{ customer: { _in: myCustomerIds } }, { created_by_contact: { _in: myContactIds } }] },
				},
			),
		);
	}
	if (access === 'none' || scope === 'none') return rows;
	const mine: Filter[] = [isByMe('created_by_contact'), isAtMyLocation];
	if (scope === 'created_location_or_unlocated') mine.push({ location: { _null: true } });
	const visible = scope === 'all' ? isOfMyCustomer() : allOf(isOfMyCustomer(), anyOf(...mine));
	const fields = [
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
	];
	const because: CapabilityKey[] =
		permissions['devices.extra_fields'].length > 0
			? ['devices.access', 'devices.scope', 'devices.extra_fields']
			: ['devices.access', 'devices.scope'];
	rows.unshift(permissionRow('devices', 'read', fields, because, { permissions: visible }));
	if (access === 'edit')
		rows.push(
			permissionRow('devices', 'update', ['name', 'type', 'serial', 'location'], ['devices.access'], {
				permissions: visible,
			}),
		);
	return rows;
}
