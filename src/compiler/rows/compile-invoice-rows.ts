import type { GroupPermissions } from '../../catalogue/capabilities.ts';
import { isOfMyCustomer } from '../filters/is-of-my-customer.ts';
import { fieldOf, fieldsOf, mapOf } from '../mapped-fields.ts';
import type { CompiledPermission, CompileSettings } from '../types.ts';
import { permissionRow } from './permission-row.ts';

/** `invoices.view`: their customer's invoices, read only. */
export function compileInvoiceRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const map = mapOf(settings);
	const { invoices } = map;
	if (!permissions['invoices.view'] || invoices === null) return [];
	return [
		permissionRow(
			invoices.collection,
			'read',
			fieldsOf(invoices, ['id', 'number', 'status', 'total', 'issued_on', 'due_date', 'customer', 'date_created']),
			['invoices.view'],
			{ permissions: isOfMyCustomer(fieldOf(invoices, 'customer'), map) },
		),
	];
}
