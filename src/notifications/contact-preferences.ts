/**
 * Which kinds of mail a contact turned off: a row of `portal_mail_optouts` per contact and kind (the
 * contact's key as text, whatever collection plays contacts). No row: the contact gets that kind.
 */
import type { Knex } from 'knex';
import type { ItemKey } from '../data-map/item-key.ts';
import { type ContactNotificationKind, contactNotificationKinds } from './contact-notification-kinds.ts';

export const optOutTable = 'portal_mail_optouts';

const keyText = (contact: ItemKey) => String(contact).toLowerCase();

/** The contacts of `contacts` who turned `kind` off, as key text. */
export async function contactsOptedOut(
	knex: Knex,
	contacts: readonly ItemKey[],
	kind: ContactNotificationKind,
): Promise<Set<string>> {
	if (contacts.length === 0) return new Set();
	const rows = (await knex(optOutTable)
		.select('contact_key')
		.where('kind', kind)
		.whereIn('contact_key', contacts.map(keyText))) as { contact_key: string }[];
	return new Set(rows.map((row) => row.contact_key));
}

/** Every kind, and whether the contact gets it. */
export async function contactPreferences(
	knex: Knex,
	contact: ItemKey,
): Promise<Record<ContactNotificationKind, boolean>> {
	const off = new Set(
		((await knex(optOutTable).select('kind').where('contact_key', keyText(contact))) as { kind: string }[]).map(
			(row) => row.kind,
		),
	);
	return Object.fromEntries(contactNotificationKinds.map((kind) => [kind, !off.has(kind)])) as Record<
		ContactNotificationKind,
		boolean
	>;
}

/** Turns a kind on or off for a contact; doing it twice changes nothing. */
export async function setContactPreference(
	knex: Knex,
	contact: ItemKey,
	kind: ContactNotificationKind,
	wanted: boolean,
	now = new Date(),
): Promise<void> {
	const rows = knex(optOutTable).where({ contact_key: keyText(contact), kind });
	if (wanted) {
		await rows.delete();
		return;
	}
	if (await rows.clone().first('id')) return;
	await knex(optOutTable).insert({ contact_key: keyText(contact), kind, date_created: now });
}
