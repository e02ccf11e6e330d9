import type { GroupPermissions } from '../../catalogue/capabilities.ts';
import { isOfMyCustomer } from '../filters/is-of-my-customer.ts';
import type { CompiledPermission } from '../types.ts';
import { permissionRow } from './permission-row.ts';

/** `invoices.view`: their customer's invoices, read only. */
export function compileInvoiceRows(permissions: GroupPermissions): CompiledPermission[] {
	if (!permissions['invoices.view']) return [];
	return [
		permissionRow(
			'invoices',
			'read',
			['id', 'number', 'status', 'total', 'issued_on', 'due_date', 'customer', 'date_created'],
			['invoices.view'],
			{ permissions: isOfMyCustomer() },
		),
	];
}
