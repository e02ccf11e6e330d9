import type { Knex } from 'knex';
import type { ContactKey } from '../access/contact-access-fields.ts';
import type { ItemKey } from '../data-map/item-key.ts';

export interface AuditEntry {
	action: string;
	actor_user?: string | null;
	actor_contact?: ContactKey | null;
	customer?: ItemKey | null;
	target_collection?: string | null;
	target_id?: string | number | null;
	/** Facts for a person reading the log later. Never a token, a password or a hash of either. */
	details?: Record<string, unknown> | null;
	ip?: string | null;
}

/** Appends one entry to `portal_audit`, the product's own table. */
export async function writeAudit({ knex }: { knex: Knex }, entry: AuditEntry): Promise<void> {
	await knex('portal_audit').insert({
		action: entry.action,
		actor_user: entry.actor_user ?? null,
		actor_contact: entry.actor_contact ?? null,
		customer: entry.customer ?? null,
		target_collection: entry.target_collection ?? null,
		target_id: entry.target_id === undefined || entry.target_id === null ? null : String(entry.target_id),
		details: entry.details ? JSON.stringify(entry.details) : null,
		ip: entry.ip ?? null,
		date_created: new Date(),
	});
}
