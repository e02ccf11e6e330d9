import type { DirectusContext } from '../directus/directus-context.ts';
import { InvitationRefusedError } from '../errors/invitation-refused-error.ts';
import { invitationFields } from './invitation-fields.ts';
import type { InvitationRecord } from './invitation-records.ts';

/** The invitation with this id; refused when there is none. */
export async function fetchInvitation(context: DirectusContext, id: number): Promise<InvitationRecord> {
	const row = (await context.knex('portal_invitations').select(invitationFields).where('id', id).first()) as
		InvitationRecord | undefined;
	if (!row) throw new InvitationRefusedError({ reason: `There is no invitation with the id ${id}.` });
	return row;
}
