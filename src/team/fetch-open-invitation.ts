import type { ContactKey } from '../access/contact-access-fields.ts';
import type { DirectusContext } from '../directus/directus-context.ts';

/** The contact's newest invitation that is neither accepted nor revoked. */
export async function fetchOpenInvitation(
	context: Pick<DirectusContext, 'knex'>,
	{ contact }: { contact: ContactKey },
): Promise<{ id: number } | undefined> {
	return (await context
		.knex('portal_invitations')
		.select('id')
		.where('contact', contact)
		.whereNull('accepted_at')
		.whereNull('revoked_at')
		.orderBy('id', 'desc')
		.first()) as { id: number } | undefined;
}
