import type { GroupPermissions } from '../../catalogue/capabilities.ts';
import { isOfMyCustomer } from '../filters/is-of-my-customer.ts';
import type { CompiledPermission } from '../types.ts';
import { myContactIds } from '../variables.ts';
import { permissionRow } from './permission-row.ts';

/** `quotes.decide`: their customer's quotes, and approving or declining a pending one. */
export function compileQuoteRows(permissions: GroupPermissions): CompiledPermission[] {
	if (!permissions['quotes.decide']) return [];
	const quoteFields = [
		'id',
		'title',
		'description',
		'total',
		'status',
		'valid_until',
		'decided_at',
		'decided_by',
		'customer',
		'date_created',
	];
	return [
		permissionRow('quotes', 'read', quoteFields, ['quotes.decide'], { permissions: isOfMyCustomer() }),
		permissionRow('quotes', 'update', ['status', 'decided_by', 'decided_at'], ['quotes.decide'], {
			permissions: { _and: [isOfMyCustomer(), { status: { _eq: 'pending' } }] },
			// A decision comes whole: the status, and who decided when (pinned to the contact and now by the product's
			// hook), never the fields of a decision without one. Directus tests a rule only on fields a payload holds,
			// so each is required outright (`_submitted`; one operator per entry, the only one Directus reads).
			validation: {
				_and: [
					{ status: { _submitted: true } },
					{ status: { _in: ['approved', 'declined'] } },
					{ decided_by: { _submitted: true } },
					{ decided_by: { _in: myContactIds } },
					{ decided_at: { _submitted: true } },
					{ decided_at: { _nnull: true } },
				],
			},
		}),
	];
}
