import type { Knex } from 'knex';
import type { ContactKey } from '../access/contact-access-fields.ts';
import { fieldOf, fieldsOf } from '../compiler/mapped-fields.ts';
import type { ObjectMap } from '../data-map/data-map.ts';
import { roleColumns } from '../data-map/role-columns.ts';
import { type ContactRecord, contactRecordOf } from './contact-record-of.ts';
import { contactRoles } from './invitation-records.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/** Which contacts to read: by key, every contact of one customer, or those with one e-mail address (any case). */
export type ContactsWanted = { keys: readonly ContactKey[] } | { customer: ItemKey } | { email: string };

/**
 * Contacts as the invitation and team rules read them, by role, from whichever collection plays contacts;
 * by last name, first name and key. Straight from the table, on `knex` (a transaction's, where the caller
 * is in one), as the product's own maintenance.
 */
export async function readContacts(
	knex: Knex,
	contacts: ObjectMap<'contacts'>,
	wanted: ContactsWanted,
): Promise<ContactRecord[]> {
	const query = knex(contacts.collection)
		.select(roleColumns(contacts, contactRoles))
		.orderBy(fieldsOf(contacts, ['last_name', 'first_name', 'id']));
	if ('keys' in wanted) query.whereIn(fieldOf(contacts, 'id'), [...wanted.keys]);
	else if ('customer' in wanted) query.where(fieldOf(contacts, 'customer'), wanted.customer);
	else query.whereRaw('lower(??) = ?', [fieldOf(contacts, 'email'), wanted.email.trim().toLowerCase()]);
	return ((await query) as Record<string, unknown>[]).map(contactRecordOf);
}
