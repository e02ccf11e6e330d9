import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { contactFields, type InvitableContact } from './invitation-records.ts';

/** The contact an invitation is for, with the fields the invitation rules read. */
export async function fetchInvitableContact(context: DirectusContext, id: number): Promise<InvitableContact> {
	return (await adminService(context, 'contacts').readOne(id, { fields: contactFields })) as InvitableContact;
}
