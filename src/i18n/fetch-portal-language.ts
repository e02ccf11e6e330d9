import type { Knex } from 'knex';
import { type PortalLanguage, portalLanguageOf } from './languages.ts';

/**
 * The language the portal speaks to `user`: their own Directus language (`directus_users.language`), else the
 * project's default (`directus_settings.default_language`), else English. For a visitor (`user` null), the
 * project's default.
 */
export async function fetchPortalLanguage({ knex }: { knex: Knex }, user: string | null): Promise<PortalLanguage> {
	const settings = (await knex('directus_settings').select('default_language').first()) as
		{ default_language: string | null } | undefined;
	const own = user
		? ((await knex('directus_users').select('language').where('id', user).first()) as
				{ language: string | null } | undefined)
		: undefined;
	return portalLanguageOf(own?.language, settings?.default_language);
}
