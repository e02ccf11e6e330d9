import type { Knex } from 'knex';
import type { PortalLanguage } from '../i18n/languages.ts';
import { mailLanguageOf } from './mail-language-of.ts';

/**
 * The mail language of each of `users` (Directus user ids), read in one query: `mailLanguageOf` their own
 * language and `projectLanguage`. A null or unknown user gets the project's.
 */
export async function fetchMailLanguages(
	knex: Knex,
	users: readonly (string | null)[],
	projectLanguage: string | null,
): Promise<(user: string | null) => PortalLanguage> {
	const ids = [...new Set(users.filter((user): user is string => user !== null))];
	const rows =
		ids.length === 0
			? []
			: ((await knex('directus_users').select('id', 'language').whereIn('id', ids)) as {
					id: string;
					language: string | null;
				}[]);
	const own = new Map(rows.map((row) => [String(row.id), row.language]));
	return (user) => mailLanguageOf(user === null ? null : own.get(String(user)), projectLanguage);
}
