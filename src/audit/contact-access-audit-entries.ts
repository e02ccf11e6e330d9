import type { ContactKey } from '../access/contact-access-fields.ts';
import type { AuditEntry } from './write-audit.ts';
import type { ItemKey } from '../data-map/item-key.ts';

export interface ContactAccessAuditOptions {
	/** The collection playing contacts. */
	collection: string;
	/** The contacts written, as stored after the write. */
	contacts: { id: ContactKey; customer: ItemKey | null; user: string | null }[];
	/** The access roles the write changed, and the write's payload by role. */
	changed: string[];
	payload: Record<string, unknown>;
	actor: string;
	ip: string | null;
}

/**
 * One `contact.access_changed` entry per contact a person changed through Directus. The customer of a
 * contact without a login decides no one's access: not recorded for such a contact.
 */
export function contactAccessAuditEntries({
	collection,
	contacts,
	changed,
	payload,
	actor,
	ip,
}: ContactAccessAuditOptions): AuditEntry[] {
	return contacts.flatMap((contact) => {
		const fields = contact.user !== null ? changed : changed.filter((field) => field !== 'customer');
		if (fields.length === 0) return [];
		return [
			{
				action: 'contact.access_changed',
				actor_user: actor,
				customer: contact.customer,
				target_collection: collection,
				target_id: contact.id,
				details: Object.fromEntries(fields.map((field) => [field, payload[field] ?? null])),
				ip,
			},
		];
	});
}
