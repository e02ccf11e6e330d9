import type { Knex } from 'knex';

export interface OwnContact {
	id: number;
	customer: number;
}

/** The contact a Directus user signs in as, or null. */
export async function fetchOwnContact(
	userId: string | null | undefined,
	{ knex }: { knex: Knex },
): Promise<OwnContact | null> {
	if (!userId) return null;
	return (
		((await knex('contacts').select('id', 'customer').where('user', userId).first()) as OwnContact | undefined) ?? null
	);
}
