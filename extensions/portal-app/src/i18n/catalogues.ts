/**
 * The languages the portal app speaks: each one's words, its name in itself (for the profile's choice), the locale
 * its dates and numbers follow, and the tag the profile stores in Directus's `directus_users.language`.
 * A new language: its catalogue file beside en.ts (`satisfies Catalogue`), its code in src/i18n/languages.ts, and
 * an entry here (the type check asks for it).
 */
import type { PortalLanguage } from '../../../../src/i18n/languages.ts';
import type { Catalogue } from './catalogue.ts';
import { de } from './de.ts';
import { en } from './en.ts';

export interface LanguageEntry {
	strings: Catalogue;
	name: string;
	locale: string;
	directusTag: string;
}

export const catalogues: Record<PortalLanguage, LanguageEntry> = {
	en: { strings: en, name: 'English', locale: 'en-GB', directusTag: 'en-US' },
	de: { strings: de, name: 'Deutsch', locale: 'de-DE', directusTag: 'de-DE' },
};
