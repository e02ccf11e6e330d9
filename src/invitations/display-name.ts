import type { InvitableContact } from './invitation-records.ts';

/** How a mail or a refusal names a contact: first and last name, else e-mail, else a greeting word. */
export function displayName(contact: Pick<InvitableContact, 'first_name' | 'last_name' | 'email'>): string {
	return [contact.first_name, contact.last_name].filter(Boolean).join(' ') || contact.email || 'there';
}
