import type { Knex } from 'knex';
import type { ObjectMap } from '../data-map/data-map.ts';
import { roleColumns } from '../data-map/role-columns.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { ContactKey } from './contact-access-fields.ts';
import type { ContactAccessRecord } from './portal-records.ts';

/**
 * What decides the portal access of the contacts with `keys`, or of those linked to `users`, read from
 * whichever collection plays contacts, by role (see `roleColumns`).
 */
export async function readContactAccess(
	knex: Knex,
	contacts: ObjectMap<'contacts'>,
	which: { keys: readonly ContactKey[] } | { users: readonly string[] },
): Promise<ContactAccessRecord[]> {
	const query = knex(contacts.collection).select(
		roleColumns(contacts, ['id', 'user', 'customer', 'portal_group', 'login_suspended']),
	);
	if ('keys' in which) query.whereIn(fieldOf(contacts, 'id'), [...which.keys]);
	else query.whereIn(fieldOf(contacts, 'user'), [...which.users]);
	const rows = (await query) as (Omit<ContactAccessRecord, 'login_suspended'> & { login_suspended: unknown })[];
	// SQLite hands booleans over as 0 and 1.
	return rows.map((row) => ({ ...row, login_suspended: Boolean(row.login_suspended) }));
}
