/**
 * Who staff see when they view the portal as a contact, checked on every request: the ticket is valid
 * and theirs, they are still portal staff, and the contact can still sign in. The answer is the
 * contact's own accountability — Directus then applies the contact's group to everything the request
 * reads, exactly as when the contact signs in.
 */
import type { Accountability } from '@directus/types';
import { portalAccountability } from '../access/portal-accountability.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { isPortalUser } from '../access/is-portal-user.ts';
import { isPortalStaff } from '../policies/staff-policy.ts';
import { ViewAsRefusedError } from '../errors/view-as-refused-error.ts';
import { readViewAsTicket } from './view-as-ticket.ts';
import type { ContactKey } from '../access/contact-access-fields.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { roleColumns } from '../data-map/role-columns.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';

export interface ViewableContact {
	id: ContactKey;
	name: string;
	email: string;
	customer: ItemKey;
	user: string;
}

/** The contact with a login staff may view the portal as, or a refusal that says why not. */
export async function findViewableContact(
	context: Pick<DirectusContext, 'knex'>,
	contactId: ContactKey,
	settings: PortalSettingsRecord,
): Promise<ViewableContact> {
	const { contacts } = await fetchDataMap(context);
	const table = contacts.collection;
	const row = (await context
		.knex(table)
		.leftJoin('directus_users', 'directus_users.id', `${table}.${fieldOf(contacts, 'user')}`)
		.select(
			roleColumns(contacts, ['id', 'first_name', 'last_name', 'email', 'customer', 'user', 'login_suspended'], table),
		)
		.select('directus_users.status as user_status', 'directus_users.role as user_role')
		.where(`${table}.${fieldOf(contacts, 'id')}`, contactId)
		.first()
		// A key of the other kind than the contacts' (a uuid for an integer key) is no contact: PostgreSQL says so by failing.
		.catch(() => undefined)) as
		| {
				id: ContactKey;
				first_name?: string | null;
				last_name: string;
				email: string;
				customer: ItemKey;
				user: string | null;
				login_suspended: boolean | number;
				user_status: string | null;
				user_role: string | null;
		  }
		| undefined;
	if (!row) throw new ViewAsRefusedError({ why: 'no_contact' });
	if (!row.user || !isPortalUser({ user: row.user, role: row.user_role, admin: false }, settings.portal_role)) {
		throw new ViewAsRefusedError({ why: 'no_login' });
	}
	if (row.login_suspended || row.user_status !== 'active') {
		throw new ViewAsRefusedError({ why: 'login_off' });
	}
	return {
		id: row.id,
		name: [row.first_name, row.last_name].filter(Boolean).join(' '),
		email: row.email,
		customer: row.customer,
		user: row.user,
	};
}

/** The accountability a request carrying a View as ticket runs with, or a refusal. */
export async function resolveViewAs(
	context: Pick<DirectusContext, 'knex'>,
	staff: Accountability | null,
	ticket: string,
	settings: PortalSettingsRecord,
	secret: string,
): Promise<{ accountability: Accountability; contact: ViewableContact }> {
	const claims = readViewAsTicket(secret, ticket);
	if (!claims) throw new ViewAsRefusedError({ why: 'link_expired' });
	if (!staff?.user || staff.user !== claims.staff) {
		throw new ViewAsRefusedError({ why: 'other_staff' });
	}
	if (!(await isPortalStaff(context, staff, settings.staff_policy))) throw new ViewAsRefusedError({ why: 'not_staff' });
	const contact = await findViewableContact(context, claims.contact, settings);
	return { accountability: portalAccountability(contact.user, settings.portal_role, staff), contact };
}
