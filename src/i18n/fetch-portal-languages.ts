import type { Knex } from 'knex';
import { type PortalLanguage, portalLanguageOf } from './languages.ts';

/**
 * The language the portal speaks to a person, on its pages and in its mails: their own Directus language
 * (`directus_users.language`), else the project's default (`directus_settings.default_language`), else English.
 * Someone without a login (a visitor, an invitation not yet accepted) has the project's default. What staff wrote
 * (a reply) goes into a mail as written, whatever its language.
 */
export async function fetchPortalLanguage({ knex }: { knex: Knex }, user: string | null): Promise<PortalLanguage> {
	const settings = (await knex('directus_settings').select('default_language').first()) as
		{ default_language: string | null } | undefined;
	const languageOf = await fetchPortalLanguages(knex, [user], settings?.default_language ?? null);
	return languageOf(user);
}

/**
 * The language of each of `users` (Directus user ids), read in one query, with `projectLanguage` as the default
 * already read by the caller. A null or unknown user gets the project's.
 */
export async function fetchPortalLanguages(
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
	return (user) => portalLanguageOf(user === null ? null : own.get(String(user)), projectLanguage);
}
