/**
 * The languages the studio module speaks: each one's words and the locale its dates and numbers follow. A new
 * language: its catalogue beside en.ts (`satisfies StudioCatalogue`), its code in src/i18n/languages.ts, and an
 * entry here (the type check asks for it).
 */
import type { Catalogue } from '../../../../src/i18n/catalogue.ts';
import type { PortalLanguage } from '../../../../src/i18n/languages.ts';
import { de } from './de.ts';
import { en } from './en.ts';

export type StudioCatalogue = Catalogue<typeof en>;

export const catalogues: Record<PortalLanguage, { strings: StudioCatalogue; locale: string }> = {
	en: { strings: en, locale: 'en-GB' },
	de: { strings: de, locale: 'de-DE' },
};
