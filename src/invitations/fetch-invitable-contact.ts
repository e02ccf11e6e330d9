import type { ContactKey } from '../access/contact-access-fields.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { InvitationRefusedError } from '../errors/invitation-refused-error.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ContactRecord } from './contact-record-of.ts';
import { readContacts } from './read-contacts.ts';

/** The contact an invitation is for, by role, with the roles the invitation rules read; refused when there is none. */
export async function fetchInvitableContact(
	context: Pick<DirectusContext, 'knex'>,
	id: ContactKey,
): Promise<ContactRecord> {
	const [contact] = await readContacts(context.knex, (await fetchDataMap(context)).contacts, { keys: [id] });
	if (!contact) throw new InvitationRefusedError({ reason: `There is no contact with the id ${id}.` });
	return contact;
}
