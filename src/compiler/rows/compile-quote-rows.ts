import type { GroupPermissions } from '../../catalogue/capabilities.ts';
import { isOfMyCustomer } from '../filters/is-of-my-customer.ts';
import { fieldOf, fieldsOf, isInState, mapOf, valuesOf } from '../mapped-fields.ts';
import type { CompiledPermission, CompileSettings } from '../types.ts';
import { myContactIds } from '../variables.ts';
import { permissionRow } from './permission-row.ts';

/** `quotes.decide`: their customer's quotes, and approving or declining a pending one. */
export function compileQuoteRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const map = mapOf(settings);
	const { quotes } = map;
	if (!permissions['quotes.decide'] || quotes === null) return [];
	const ofMyCustomer = isOfMyCustomer(fieldOf(quotes, 'customer'), map);
	const status = fieldOf(quotes, 'status');
	const decidedBy = fieldOf(quotes, 'decided_by');
	const decidedAt = fieldOf(quotes, 'decided_at');
	return [
		permissionRow(
			quotes.collection,
			'read',
			fieldsOf(quotes, [
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
			]),
			['quotes.decide'],
			{ permissions: ofMyCustomer },
		),
		permissionRow(quotes.collection, 'update', [status, decidedBy, decidedAt], ['quotes.decide'], {
			permissions: { _and: [ofMyCustomer, isInState(quotes, 'status', ['pending'])] },
			// A decision comes whole: the status, and who decided when (pinned to the contact and now by the product's
			// hook), never the fields of a decision without one. Directus tests a rule only on fields a payload holds,
			// so each is required outright (`_submitted`; one operator per entry, the only one Directus reads).
			validation: {
				_and: [
					{ [status]: { _submitted: true } },
					{ [status]: { _in: valuesOf(quotes, 'status', ['approved', 'declined']) } },
					{ [decidedBy]: { _submitted: true } },
					{ [decidedBy]: { _in: myContactIds(map) } },
					{ [decidedAt]: { _submitted: true } },
					{ [decidedAt]: { _nnull: true } },
				],
			},
		}),
	];
}
