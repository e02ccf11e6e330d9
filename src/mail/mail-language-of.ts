import { type PortalLanguage, portalLanguageOf } from '../i18n/languages.ts';

/**
 * The language of a mail to one person: their own Directus language (`directus_users.language`), else the
 * project's default (`directus_settings.default_language`), else English — the first of them the portal speaks.
 * Someone without a login (an invitation, a visitor) has no language of their own: pass null. What staff wrote
 * (a reply) goes into the mail as written, whatever its language.
 */
export function mailLanguageOf(
	userLanguage: string | null | undefined,
	projectLanguage: string | null | undefined,
): PortalLanguage {
	return portalLanguageOf(userLanguage, projectLanguage);
}
