import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { roleColumns } from '../data-map/role-columns.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ContactKey } from './contact-access-fields.ts';
import type { ItemKey } from '../data-map/item-key.ts';

export interface OwnContact {
	id: ContactKey;
	customer: ItemKey;
}

/** The contact a Directus user signs in as, or null. */
export async function fetchOwnContact(
	userId: string | null | undefined,
	{ knex }: { knex: Knex },
): Promise<OwnContact | null> {
	if (!userId) return null;
	const { contacts } = await fetchDataMap({ knex });
	return (
		((await knex(contacts.collection)
			.select(roleColumns(contacts, ['id', 'customer']))
			.where(fieldOf(contacts, 'user'), userId)
			.first()) as OwnContact | undefined) ?? null
	);
}
